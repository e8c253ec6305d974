<?php
/** Offline mode: the service worker served at /?pbgdpl-sw=1. */
final class OfflineTest extends PbgdplTestCase {
	public function test_off_unless_bundled_scripts_and_offline_mode(): void {
		$this->settings( array( 'api_origin' => 'https://x.example', 'source' => 'province', 'offline' => true ) );
		$this->assertFalse( pbgdpl_offline_enabled() );
		$this->assertStringContainsString( 'unregister()', pbgdpl_service_worker_script() );
		do_shortcode( '[pbgdpl_latest_laws]' );
		$this->assertFalse( wp_script_is( 'pbgdpl-offline', 'enqueued' ) );
	}

	public function test_the_worker_carries_its_settings_and_the_bundle_list(): void {
		$this->settings( array( 'api_origin' => 'https://x.example', 'source' => 'bundled', 'offline' => true ) );
		$this->assertTrue( pbgdpl_offline_enabled() );
		$js = pbgdpl_service_worker_script();
		$this->assertStringStartsWith( 'self.PBGDPL_SW = {"assets":', $js );
		$this->assertStringContainsString( '"api":"https:\/\/x.example"', $js );
		$this->assertStringContainsString( 'chunks\/', wp_json_encode( $js ) );
		$this->assertStringNotContainsString( 'self.__WB_MANIFEST', $js ); // the build put the list in
		do_shortcode( '[pbgdpl_latest_laws]' );
		$this->assertTrue( wp_script_is( 'pbgdpl-offline', 'enqueued' ) );
		$this->assertSame( home_url( '/?pbgdpl-sw=1' ), pbgdpl_offline_attributes()['data-sw'] );
		$this->assertSame( '/', pbgdpl_offline_attributes()['data-scope'] );
	}

	public function test_the_route_answers_with_javascript_and_the_scope_header(): void {
		$this->settings( array( 'api_origin' => 'https://x.example', 'source' => 'bundled', 'offline' => true ) );
		$res = wp_remote_get( home_url( '/?pbgdpl-sw=1' ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $res ) );
		$this->assertStringStartsWith( 'text/javascript', wp_remote_retrieve_header( $res, 'content-type' ) );
		$this->assertSame( '/', wp_remote_retrieve_header( $res, 'service-worker-allowed' ) );
		$this->assertStringContainsString( 'no-cache', wp_remote_retrieve_header( $res, 'cache-control' ) );
		$this->assertStringStartsWith( 'self.PBGDPL_SW = ', wp_remote_retrieve_body( $res ) );
	}
}
