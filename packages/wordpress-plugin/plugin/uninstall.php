<?php
/**
 * Runs when the plugin is deleted in Plugins (not when it is only deactivated): removes the
 * plugin's settings and the settings of its classic widgets. Readers' browsers drop the offline
 * copies by themselves: without the plugin, /?pbgdpl-sw=1 no longer serves the worker.
 *
 * @package pbgdpl
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'pbgdpl_settings' );

// One classic widget per entry of widgets.json: widget_pbgdpl_latest_laws and the others.
$pbgdpl_widgets = json_decode( (string) file_get_contents( __DIR__ . '/widgets.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a local file.
if ( is_array( $pbgdpl_widgets ) ) {
	foreach ( array_keys( $pbgdpl_widgets ) as $pbgdpl_name ) {
		if ( '$comment' !== $pbgdpl_name ) {
			delete_option( 'widget_pbgdpl_' . str_replace( '-', '_', $pbgdpl_name ) );
		}
	}
}
