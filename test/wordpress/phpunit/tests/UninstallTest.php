<?php
/** uninstall.php removes the plugin's options. Runs last: it defines WP_UNINSTALL_PLUGIN. */
final class UninstallTest extends PbgdplTestCase {
	public function test_uninstall_removes_the_settings_and_the_classic_widgets_settings(): void {
		update_option( 'pbgdpl_settings', pbgdpl_default_settings() );
		update_option( 'widget_pbgdpl_latest_laws', array( 2 => array( 'limit' => 3 ), '_multiwidget' => 1 ) );
		update_option( 'widget_pbgdpl_qa_box', array( '_multiwidget' => 1 ) );
		$saved = get_option( 'widget_pbgdpl_latest_laws' );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'pbgdpl/pbgdpl.php' );
		}
		include PBGDPL_DIR . 'uninstall.php';
		// With an explicit default, get_option() ignores the default register_setting() gave.
		$this->assertSame( 'gone', get_option( 'pbgdpl_settings', 'gone' ) );
		$this->assertSame( 'gone', get_option( 'widget_pbgdpl_latest_laws', 'gone' ) );
		$this->assertSame( 'gone', get_option( 'widget_pbgdpl_qa_box', 'gone' ) );
		update_option( 'widget_pbgdpl_latest_laws', $saved );
	}
}
