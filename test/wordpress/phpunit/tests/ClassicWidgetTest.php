<?php
/** The classic widgets (WP_Widget), for themes with sidebars. */
final class ClassicWidgetTest extends PbgdplTestCase {
	protected function setUp(): void {
		parent::setUp();
		$this->settings( array( 'api_origin' => 'https://pbgdpl.example.gov.vn' ) );
	}

	private function widget( $id_base ) {
		foreach ( $GLOBALS['wp_widget_factory']->widgets as $widget ) {
			if ( $widget->id_base === $id_base ) {
				return $widget;
			}
		}
		$this->fail( "no widget $id_base" );
	}

	public function test_one_classic_widget_per_widget(): void {
		foreach ( array( 'pbgdpl_latest_laws', 'pbgdpl_qa_box', 'pbgdpl_feedback_form' ) as $id_base ) {
			$this->assertInstanceOf( Pbgdpl_Widget::class, $this->widget( $id_base ) );
		}
		$this->assertSame( 'PBGDPL: Latest legal documents', $this->widget( 'pbgdpl_latest_laws' )->name );
	}

	public function test_update_keeps_allowed_values_only_and_widget_prints_the_placeholder(): void {
		$w     = $this->widget( 'pbgdpl_latest_laws' );
		$saved = $w->update( array( 'limit' => '3', 'compact' => '1', 'field' => '<b>x</b>', 'heading' => '<script>x</script>Mới', 'onclick' => 'x' ), array() );
		$this->assertSame( array( 'limit' => 3, 'compact' => true, 'heading' => 'Mới' ), $saved );
		ob_start();
		$w->widget( array( 'before_widget' => '<section class="widget">', 'after_widget' => '</section>' ), $saved );
		$this->assertSame(
			'<section class="widget"><div class="pbgdpl-widget pbgdpl-widget-latest-laws" data-pbgdpl="latest-laws" data-limit="3" data-compact="" data-heading="Mới" style="min-height:calc(16.675em + 49px)"></div></section>',
			ob_get_clean()
		);
	}

	public function test_the_form_escapes_saved_values(): void {
		$w = $this->widget( 'pbgdpl_feedback_form' );
		ob_start();
		$w->form( array( 'heading' => '"><script>alert(1)</script>', 'kind' => 'document' ) );
		$html = ob_get_clean();
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringContainsString( '<option value="document" selected=\'selected\'>', $html );
	}
}
