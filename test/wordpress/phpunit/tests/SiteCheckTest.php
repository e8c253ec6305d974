<?php
/** Settings → PBGDPL → "Check site key and origin": the button, and what its script is given. */
final class SiteCheckTest extends PbgdplTestCase {
	protected function tearDown(): void {
		wp_dequeue_script( 'pbgdpl-site-check' );
		if ( isset( wp_scripts()->registered['pbgdpl-site-check'] ) ) {
			wp_scripts()->registered['pbgdpl-site-check']->extra = array();
		}
		remove_all_filters( 'home_url' );
		parent::tearDown();
	}

	/** The inline configuration pbgdpl_site_check_assets() gave assets/site-check.js. */
	private function script_config() {
		$this->assertTrue( wp_script_is( 'pbgdpl-site-check', 'enqueued' ) );
		$inline = implode( '', (array) wp_scripts()->get_data( 'pbgdpl-site-check', 'before' ) );
		$this->assertStringStartsWith( 'window.pbgdplSiteCheck = ', trim( $inline ) );
		return json_decode( substr( trim( $inline ), strlen( 'window.pbgdplSiteCheck = ' ), -1 ), true );
	}

	public function test_the_site_key_field_has_the_button_and_a_live_place_for_its_answer(): void {
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'site_key' => 'xa-a' ) );
		$this->user( 'administrator' );
		ob_start();
		pbgdpl_field_site_key();
		$html = ob_get_clean();
		// Hidden until the script shows it: without the script it could do nothing.
		$this->assertStringContainsString( '<p class="pbgdpl-site-check" hidden><button type="button" class="button" id="pbgdpl_site_check">Check site key and origin</button></p>', $html );
		$this->assertStringContainsString( '<div id="pbgdpl_site_check_result" role="status" style="max-width:44em"></div>', $html );
	}

	public function test_the_settings_page_loads_the_check_with_the_saved_values_and_the_sites_address(): void {
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'site_key' => 'xa-a' ) );
		pbgdpl_settings_page_assets();
		$this->assertTrue( wp_script_is( 'pbgdpl-site-check', 'enqueued' ) );
		$config = $this->script_config();
		$this->assertSame( array( 'api' => 'https://pbgdpl.example.gov.vn', 'site' => 'xa-a' ), $config['saved'] );
		$this->assertSame( 'http://127.0.0.1:' . ( getenv( 'WP_PORT' ) ?: '8089' ), $config['home'] );
		$this->assertSame( 10000, $config['timeout'] );
		$this->assertSame(
			array( 'checking', 'missing', 'badKey', 'unsaved', 'badAddress', 'registered', 'notRegistered', 'noOrigin', 'unknownKey', 'busy', 'notPbgdpl', 'unreachable', 'otherHome' ),
			array_keys( $config['strings'] )
		);
		$this->assertStringContainsString( 'Ask the provincial Department of Justice (Sở Tư pháp) to register %2$s for the site key %1$s.', $config['strings']['notRegistered'] );
	}

	public function test_the_sites_address_is_scheme_host_and_port_only(): void {
		add_filter(
			'home_url',
			function () {
				return 'HTTPS://Xa-Tan-Hong.Example.gov.vn:8443/trang-chu/';
			}
		);
		$this->assertSame( 'https://xa-tan-hong.example.gov.vn:8443', pbgdpl_home_origin() );
		remove_all_filters( 'home_url' );
		add_filter(
			'home_url',
			function () {
				return 'https://xa.example.gov.vn';
			}
		);
		$this->assertSame( 'https://xa.example.gov.vn', pbgdpl_home_origin() );
	}

	public function test_every_text_is_translated_and_keeps_its_placeholders(): void {
		$this->settings( array() );
		$english = pbgdpl_site_check_config()['strings'];
		$this->assertTrue( switch_to_locale( 'vi' ) );
		try {
			$vietnamese = pbgdpl_site_check_config()['strings'];
			$this->assertSame( 'Kiểm tra mã trang và địa chỉ', __( 'Check site key and origin', 'pbgdpl' ) );
		} finally {
			restore_previous_locale();
		}
		$this->assertSame( 'Máy chủ của tỉnh không có mã trang %1$s. Hãy kiểm tra lỗi gõ (chữ thường, không dấu), hoặc đề nghị Sở Tư pháp cung cấp mã trang của trang web này.', $vietnamese['unknownKey'] );
		foreach ( $english as $key => $text ) {
			$this->assertNotSame( $text, $vietnamese[ $key ], "$key is not translated" );
			preg_match_all( '/%\d\$s/', $text, $in_english );
			preg_match_all( '/%\d\$s/', $vietnamese[ $key ], $in_vietnamese );
			$marks = function ( $found ) {
				$found = array_unique( $found[0] );
				sort( $found );
				return $found;
			};
			$this->assertSame( $marks( $in_english ), $marks( $in_vietnamese ), "$key: the translation has other placeholders" );
		}
	}
}
