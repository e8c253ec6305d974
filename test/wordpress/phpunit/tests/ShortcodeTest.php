<?php
/** [pbgdpl_…] shortcodes: allowed values become data- attributes, everything else is dropped. */
final class ShortcodeTest extends PbgdplTestCase {
	protected function setUp(): void {
		parent::setUp();
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'site_key' => 'xa-a' ) );
	}

	public function test_every_widget_has_its_shortcode(): void {
		foreach ( array( 'pbgdpl_latest_laws', 'pbgdpl_qa_box', 'pbgdpl_feedback_form' ) as $tag ) {
			$this->assertTrue( shortcode_exists( $tag ), $tag );
		}
	}

	public function test_the_issue_example(): void {
		$this->assertSame(
			'<div class="pbgdpl-widget pbgdpl-widget-latest-laws" data-pbgdpl="latest-laws" data-limit="5" data-field="dat-dai" style="min-height:calc(42.325em + 51px)"></div>',
			do_shortcode( '[pbgdpl_latest_laws limit="5" field="dat-dai"]' )
		);
		$this->assertTrue( wp_script_is( 'pbgdpl-loader', 'enqueued' ) );
	}

	public function test_switches_and_every_kind_of_value(): void {
		$html = do_shortcode( '[pbgdpl_latest_laws show-search compact="yes" validity="con-hieu-luc" type="luat" issuer="quoc-hoi" heading="Văn bản mới" heading_level="3" lang="en" theme="dark" limit="3"]' );
		$this->assertSame(
			'<div class="pbgdpl-widget pbgdpl-widget-latest-laws" data-pbgdpl="latest-laws" data-limit="3" data-type="luat" data-issuer="quoc-hoi" data-validity="con-hieu-luc" data-show-search="" data-compact="" data-heading="Văn bản mới" data-heading-level="3" data-lang="en" data-theme="dark" style="min-height:calc(17.175em + 93px)"></div>',
			$html
		);
		$this->assertStringContainsString( 'data-kind="document" data-document="91-2025-qh15"', do_shortcode( '[pbgdpl_feedback_form kind="document" document="91-2025-qh15"]' ) );
		$this->assertStringContainsString( 'data-pbgdpl="qa-box" data-field="dat-dai" data-limit="20"', do_shortcode( '[pbgdpl_qa_box field="dat-dai" limit="20"]' ) );
		$this->assertStringNotContainsString( 'data-show-search', do_shortcode( '[pbgdpl_latest_laws show-search="no"]' ) );
	}

	public function test_values_that_are_not_allowed_are_dropped_or_clamped(): void {
		$cases = array(
			'limit="abc"'                   => 'data-pbgdpl="latest-laws" style',
			'limit="999"'                   => 'data-limit="50"',
			'limit="0"'                     => 'data-limit="1"',
			'limit="5.5"'                   => 'data-pbgdpl="latest-laws" style',
			'field="Đất đai"'               => 'data-pbgdpl="latest-laws" style',
			'field="dat--dai"'              => 'data-pbgdpl="latest-laws" style',
			'validity="valid"'              => 'data-pbgdpl="latest-laws" style',
			'lang="fr"'                     => 'data-pbgdpl="latest-laws" style',
			'heading-level="7"'             => 'data-heading-level="6"',
			'api="https://evil.example"'    => 'data-pbgdpl="latest-laws" style',
			'onclick="alert(1)"'            => 'data-pbgdpl="latest-laws" style',
		);
		foreach ( $cases as $atts => $expected ) {
			$html = do_shortcode( "[pbgdpl_latest_laws $atts]" );
			$this->assertStringContainsString( $expected, $html, $atts );
			$this->assertStringNotContainsString( 'evil', $html );
			$this->assertStringNotContainsString( 'onclick', $html );
		}
		$this->assertStringNotContainsString( 'data-limit', do_shortcode( '[pbgdpl_qa_box limit="x"]' ) );
		$this->assertStringContainsString( 'data-limit="20"', do_shortcode( '[pbgdpl_qa_box limit="50"]' ) );
		$this->assertStringNotContainsString( 'data-kind', do_shortcode( '[pbgdpl_feedback_form kind="other" document="91/2025/QH15"]' ) );
	}

	public function test_script_injection_is_stripped_or_escaped(): void {
		$html = do_shortcode( '[pbgdpl_latest_laws heading=\'"><img src=x onerror=alert(1)><script>alert(2)</script>\' field=\'x" onmouseover="alert(3)\' theme="dark\' autofocus onfocus=\'alert(4)"]' );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( 'onmouseover', $html );
		$this->assertStringNotContainsString( 'onfocus', $html );
		$this->assertStringContainsString( 'data-heading="&quot;&gt;"', $html );
		$this->assertSame( 1, preg_match_all( '/<div /', $html ) );
	}

	public function test_the_loader_tag_is_async_with_the_settings(): void {
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'site_key' => 'xa-a', 'lang' => 'en' ) );
		do_shortcode( '[pbgdpl_latest_laws][pbgdpl_latest_laws limit="3"]' );
		ob_start();
		wp_scripts()->do_items( array( 'pbgdpl-loader' ) );
		$tag = ob_get_clean();
		$this->assertSame( 1, substr_count( $tag, '<script' ), $tag );
		$this->assertMatchesRegularExpression( '#<script async data-site="xa-a" data-api="https://pbgdpl.example.gov.vn" data-lang="en" src=\'https://pbgdpl.example.gov.vn/embed/v1/loader.js\' id=\'pbgdpl-loader-js\'></script>#', $tag );
		wp_scripts()->done = array_diff( wp_scripts()->done, array( 'pbgdpl-loader' ) );

		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'source' => 'bundled' ) );
		do_shortcode( '[pbgdpl_latest_laws]' );
		ob_start();
		wp_scripts()->do_items( array( 'pbgdpl-loader' ) );
		$tag = ob_get_clean();
		$this->assertStringContainsString( "src='" . PBGDPL_URL . 'assets/v1/loader.js?ver=' . PBGDPL_VERSION . "'", $tag );
		$this->assertStringNotContainsString( 'data-site', $tag );
		wp_scripts()->done = array_diff( wp_scripts()->done, array( 'pbgdpl-loader' ) );
	}

	public function test_accent_colour_and_the_heights_of_docs_embedding_md(): void {
		$this->settings( array( 'api_origin' => 'https://x.example', 'accent' => '#b91c1c' ) );
		$this->assertStringContainsString( 'style="--pbgdpl-accent:#b91c1c;min-height:calc(42.325em + 51px)"', do_shortcode( '[pbgdpl_latest_laws]' ) );
		// docs/embedding.md section 4.
		$table = array(
			array( 3, false, false, 'calc(27.025em + 49px)' ), array( 3, true, false, 'calc(27.525em + 93px)' ), array( 3, false, true, 'calc(16.675em + 49px)' ),
			array( 5, false, false, 'calc(42.325em + 51px)' ), array( 5, true, false, 'calc(42.825em + 95px)' ), array( 5, false, true, 'calc(25.075em + 51px)' ),
			array( 10, false, false, 'calc(80.575em + 56px)' ), array( 10, true, false, 'calc(81.075em + 100px)' ), array( 10, false, true, 'calc(46.075em + 56px)' ),
		);
		foreach ( $table as list( $limit, $search, $compact, $height ) ) {
			$values = array_filter( array( 'limit' => $limit, 'show-search' => $search, 'compact' => $compact ) );
			$this->assertSame( $height, pbgdpl_reserved_height( 'latest-laws', $values ) );
		}
		$this->assertSame( '', pbgdpl_reserved_height( 'qa-box', array() ) );
	}

	public function test_administrators_are_told_when_the_server_is_not_set(): void {
		$this->settings( array() );
		$this->assertStringNotContainsString( 'pbgdpl-setup-notice', do_shortcode( '[pbgdpl_latest_laws]' ) );
		$this->user( 'administrator' );
		$this->assertStringContainsString( 'pbgdpl-setup-notice', do_shortcode( '[pbgdpl_latest_laws]' ) );
		$this->assertFalse( wp_script_is( 'pbgdpl-loader', 'registered' ) );
	}
}
