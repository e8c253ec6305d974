<?php
/** One block per widget, from block.json, rendered on the server through render.php. */
final class BlockTest extends PbgdplTestCase {
	protected function setUp(): void {
		parent::setUp();
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn', 'accent' => '#b91c1c' ) );
	}

	public function test_every_widget_has_a_block_registered_from_block_json(): void {
		$registry = WP_Block_Type_Registry::get_instance();
		foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
			$block = $registry->get_registered( "pbgdpl/$name" );
			$this->assertNotNull( $block, $name );
			$this->assertFileExists( PBGDPL_DIR . "blocks/$name/block.json" );
			$this->assertFileExists( PBGDPL_DIR . "blocks/$name/render.php" );
			$this->assertContains( 'pbgdpl-editor', (array) $block->editor_script_handles ?? (array) $block->editor_script );
			$this->assertSame( 'widgets', $block->category );
			$this->assertTrue( $block->is_dynamic() );
		}
		$laws = $registry->get_registered( 'pbgdpl/latest-laws' );
		$this->assertSame( array( 'type' => 'integer', 'minimum' => 1, 'maximum' => 50, 'default' => 5 ), $laws->attributes['limit'] );
		$this->assertSame( 'boolean', $laws->attributes['showSearch']['type'] );
		$this->assertSame( array( 'con-hieu-luc', 'het-hieu-luc-mot-phan', 'het-hieu-luc-toan-bo', 'chua-co-hieu-luc', 'ngung-hieu-luc' ), $laws->attributes['validity']['enum'] );
		$this->assertSame( 'Latest legal documents', $laws->title );
	}

	public function test_a_block_renders_the_placeholder_with_its_attributes(): void {
		$html = do_blocks( '<!-- wp:pbgdpl/latest-laws {"limit":3,"field":"dat-dai","showSearch":true,"headingLevel":3,"className":"my-list","anchor":"van-ban"} /-->' );
		$this->assertSame(
			'<div style="--pbgdpl-accent:#b91c1c;min-height:calc(27.525em + 93px)" class="pbgdpl-widget pbgdpl-widget-latest-laws my-list wp-block-pbgdpl-latest-laws" data-pbgdpl="latest-laws" data-limit="3" data-field="dat-dai" data-show-search="" data-heading-level="3" id="van-ban"></div>',
			trim( $html )
		);
		$this->assertTrue( wp_script_is( 'pbgdpl-loader', 'enqueued' ) );
		$this->assertStringContainsString( 'data-pbgdpl="feedback-form" data-kind="page"', do_blocks( '<!-- wp:pbgdpl/feedback-form /-->' ) );
		$this->assertStringContainsString( 'data-pbgdpl="qa-box" data-limit="5"', do_blocks( '<!-- wp:pbgdpl/qa-box /-->' ) );
	}

	public function test_block_attributes_that_are_not_allowed_are_dropped(): void {
		$attrs = array(
			'limit'      => '3" onload="alert(1)',
			'field'      => '" onmouseover="alert(1)',
			'validity'   => 'valid',
			'theme'      => 'dark" onload="x',
			'heading'    => '</div><script>alert(1)</script><img src=x onerror=alert(2)>',
			'showSearch' => 'yes',
			'api'        => 'https://evil.example',
		);
		$html = do_blocks( '<!-- wp:pbgdpl/latest-laws ' . wp_json_encode( $attrs ) . ' /-->' );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( 'onmouseover', $html );
		$this->assertStringNotContainsString( 'onload', $html );
		$this->assertStringNotContainsString( 'evil', $html );
		$this->assertStringNotContainsString( 'data-field', $html );
		$this->assertStringNotContainsString( 'data-theme', $html );
		$this->assertStringContainsString( 'data-limit="5"', $html ); // the default from block.json
		$this->assertSame( 1, substr_count( $html, '<div' ) );
	}

	public function test_the_editor_gets_the_widgets_in_the_users_language(): void {
		$this->user( 'administrator' );
		pbgdpl_editor_assets();
		$inline = implode( '', (array) wp_scripts()->get_data( 'pbgdpl-editor', 'before' ) );
		$this->assertStringContainsString( 'window.pbgdplEditor = ', $inline );
		$config = json_decode( substr( trim( $inline ), strlen( 'window.pbgdplEditor = ' ), -1 ), true );
		$this->assertSame( array( 'latest-laws', 'qa-box', 'feedback-form' ), array_keys( $config['widgets'] ) );
		$this->assertSame( 'https://pbgdpl.example.gov.vn', $config['api'] );
		$this->assertSame( 'https://pbgdpl.example.gov.vn/embed/v1/manifest.json', $config['manifest'] );
		$this->assertTrue( wp_script_is( 'pbgdpl-loader', 'enqueued' ) );
		wp_scripts()->registered['pbgdpl-editor']->extra = array();
	}
}
