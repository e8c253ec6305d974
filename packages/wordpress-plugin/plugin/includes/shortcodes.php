<?php
/**
 * One shortcode per widget: "latest-laws" is [pbgdpl_latest_laws], and so on.
 *
 *   [pbgdpl_latest_laws limit="5" field="dat-dai" show-search]
 *
 * Attribute names are those of the widget (show-search; show_search works too). A switch is on
 * when it is written alone or as ="1", "true", "yes" or "on". A value that is not allowed is
 * ignored and the widget's default applies.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/** Registers every widget's shortcode. */
function pbgdpl_register_shortcodes() {
	foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
		add_shortcode( pbgdpl_shortcode_tag( $name ), 'pbgdpl_shortcode' );
	}
}
add_action( 'init', 'pbgdpl_register_shortcodes' );

/**
 * Turns the shortcode's attributes into the widget's placeholder.
 *
 * @param array|string $atts    Attributes (WordPress gives '' when there are none).
 * @param string|null  $content Unused.
 * @param string       $tag     The shortcode, e.g. pbgdpl_latest_laws.
 * @return string HTML.
 */
function pbgdpl_shortcode( $atts, $content = null, $tag = '' ) {
	$name = str_replace( '_', '-', substr( (string) $tag, strlen( 'pbgdpl_' ) ) );
	if ( ! pbgdpl_widget( $name ) ) {
		return '';
	}
	$raw = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			// A word on its own, such as show-search: a switch that is on.
			$raw[ str_replace( '_', '-', strtolower( (string) $value ) ) ] = 'true';
		} else {
			$raw[ str_replace( '_', '-', strtolower( $key ) ) ] = $value;
		}
	}
	return pbgdpl_placeholder( $name, pbgdpl_clean_values( $name, $raw ) );
}
