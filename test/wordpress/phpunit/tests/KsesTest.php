<?php
/** Placeholders written by hand by users whose HTML WordPress filters keep only known attributes. */
final class KsesTest extends PbgdplTestCase {
	public function test_a_contributors_placeholder_loses_handlers_and_other_servers(): void {
		$this->user( 'contributor' );
		$this->assertFalse( current_user_can( 'unfiltered_html' ) );
		$in  = '<p>Xin chào</p><div class="x" data-pbgdpl="latest-laws" data-onmouseover="alert(1)" DATA-ONCLICK=\'alert(2)\' data-api="https://evil.example" data-site=evil data-limit="3" data-show-search></div><p data-note="kept">ok</p>';
		$out = wp_unslash( wp_filter_post_kses( wp_slash( $in ) ) );
		$this->assertSame( '<p>Xin chào</p><div class="x" data-pbgdpl="latest-laws" data-limit="3" data-show-search></div><p data-note="kept">ok</p>', $out );
	}

	public function test_an_administrators_content_is_left_as_it_is(): void {
		$this->user( 'administrator' );
		$in = '<div data-pbgdpl="latest-laws" data-api="https://other.example"></div>';
		$this->assertSame( $in, apply_filters( 'content_save_pre', $in ) );
	}
}
