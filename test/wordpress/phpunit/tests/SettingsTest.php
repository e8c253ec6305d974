<?php
/** Settings → PBGDPL: every value is checked on save and escaped on output. */
final class SettingsTest extends PbgdplTestCase {
	private function errors() {
		return wp_list_pluck( get_settings_errors( 'pbgdpl_settings' ), 'code' );
	}

	public function test_valid_values_are_stored_as_given_or_normalised(): void {
		$this->settings( array() );
		$clean = pbgdpl_sanitize_settings( array(
			'api_origin' => '  HTTPS://PBGDPL.BacNinh.gov.vn:8443/tinh/  ',
			'site_key'   => ' Xa-Tan-Hong ',
			'lang'       => 'en',
			'accent'     => '#B91C1C',
			'source'     => 'bundled',
			'offline'    => '1',
			'extra'      => 'ignored',
		) );
		$this->assertSame( array(
			'api_origin' => 'https://pbgdpl.bacninh.gov.vn:8443/tinh',
			'site_key'   => 'xa-tan-hong',
			'lang'       => 'en',
			'accent'     => '#b91c1c',
			'source'     => 'bundled',
			'offline'    => true,
		), $clean );
		$this->assertSame( array(), $this->errors() );
		$this->assertSame( '#aabbcc', pbgdpl_sanitize_settings( array( 'accent' => '#abc' ) )['accent'] );
	}

	public function test_values_that_are_not_allowed_keep_the_saved_ones_and_say_why(): void {
		$this->settings( array( 'api_origin' => 'https://ok.example', 'site_key' => 'xa-a', 'accent' => '#000000' ) );
		$clean = pbgdpl_sanitize_settings( array(
			'api_origin' => 'javascript:alert(1)//https://x',
			'site_key'   => 'Xã "A" <script>',
			'lang'       => 'fr',
			'accent'     => 'red;background:url(x)',
			'source'     => '"><script>',
		) );
		$this->assertSame( 'https://ok.example', $clean['api_origin'] );
		$this->assertSame( 'xa-a', $clean['site_key'] );
		$this->assertSame( 'vi', $clean['lang'] );
		$this->assertSame( '#000000', $clean['accent'] );
		$this->assertSame( 'province', $clean['source'] );
		$this->assertFalse( $clean['offline'] );
		$this->assertSame( array( 'pbgdpl_api_origin', 'pbgdpl_site_key', 'pbgdpl_accent' ), $this->errors() );
	}

	public function test_addresses_other_than_http_and_https_are_refused(): void {
		foreach ( array( 'ftp://x.example', 'data:text/html,x', '//x.example', 'x.example', 'https://x.example/a b', 'https://x"y.example', 'http://' ) as $bad ) {
			$this->assertSame( '', pbgdpl_clean_api_origin( $bad ), $bad );
		}
		$this->assertSame( 'http://127.0.0.1:8830', pbgdpl_clean_api_origin( 'http://127.0.0.1:8830/?q=1#x' ) );
		$this->assertSame( '', pbgdpl_sanitize_settings( array( 'api_origin' => '' ) )['api_origin'] ); // emptying is allowed
	}

	public function test_offline_mode_needs_the_bundled_scripts_and_absent_means_off(): void {
		$this->settings( array() );
		$this->assertFalse( pbgdpl_sanitize_settings( array( 'source' => 'province', 'offline' => '1' ) )['offline'] );
		$this->assertTrue( pbgdpl_sanitize_settings( array( 'source' => 'bundled', 'offline' => '1' ) )['offline'] );
		$this->assertFalse( pbgdpl_sanitize_settings( array( 'source' => 'bundled' ) )['offline'] );
		$this->assertSame( pbgdpl_settings(), pbgdpl_sanitize_settings( 'not an array' ) );
	}

	public function test_saving_through_the_registered_setting_runs_the_sanitiser_once_and_idempotently(): void {
		$this->settings( array() );
		pbgdpl_register_settings();
		update_option( 'pbgdpl_settings', array( 'api_origin' => 'https://a.example/', 'site_key' => 'XA', 'source' => 'bundled', 'offline' => 'on' ) );
		$this->assertSame( 'https://a.example', get_option( 'pbgdpl_settings' )['api_origin'] );
		$this->assertSame( 'xa', get_option( 'pbgdpl_settings' )['site_key'] );
		$this->assertTrue( get_option( 'pbgdpl_settings' )['offline'] );
		$again = pbgdpl_sanitize_settings( get_option( 'pbgdpl_settings' ) );
		$this->assertSame( get_option( 'pbgdpl_settings' ), $again );
		$this->assertFalse( get_registered_settings()['pbgdpl_settings']['show_in_rest'] );
	}

	public function test_the_settings_page_escapes_what_it_prints_and_needs_manage_options(): void {
		$this->settings( array( 'api_origin' => '"><script>alert(1)</script>', 'site_key' => '"><img src=x onerror=alert(1)>', 'accent' => '"><b>' ) );
		$this->user( 'administrator' );
		ob_start();
		pbgdpl_field_api_origin();
		pbgdpl_field_site_key();
		pbgdpl_field_accent();
		$html = ob_get_clean();
		$this->assertStringNotContainsString( '<script>', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringContainsString( 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"', $html );
		// Settings → PBGDPL is for manage_options only, and options.php asks the same of our option page.
		$this->assertSame( 'manage_options', apply_filters( 'option_page_capability_pbgdpl', 'manage_options' ) );
		$this->user( 'editor' );
		ob_start();
		pbgdpl_render_settings_page();
		$this->assertSame( '', ob_get_clean() );
	}
}
