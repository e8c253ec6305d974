<?php
/**
 * Placeholders written by hand (<div data-pbgdpl="latest-laws" data-limit="5">) in the content
 * of users whose HTML WordPress filters (authors, contributors, commenters).
 *
 * WordPress lets them keep any data-… attribute, and the loader copies every data-… attribute of
 * a placeholder onto the widget it creates. So data-onmouseover would become an event handler
 * and data-api would point the widget at another server. Before WordPress filters such HTML,
 * this keeps on a placeholder only data-pbgdpl and the data-… attributes some widget knows.
 * Blocks, shortcodes and classic widgets do not need this: their values are checked anyway.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/**
 * The attribute names some widget knows ("limit", "show-search", …).
 *
 * @return array
 */
function pbgdpl_known_attributes() {
	$known = array();
	foreach ( pbgdpl_widgets() as $widget ) {
		$known = array_merge( $known, array_keys( $widget['attributes'] ) );
	}
	return array_values( array_unique( $known ) );
}

/**
 * Removes unknown data-… attributes from the placeholders in HTML that WordPress is filtering.
 *
 * @param string|array $content HTML being filtered by wp_kses().
 * @return string|array
 */
function pbgdpl_filter_placeholders( $content ) {
	if ( ! is_string( $content ) || false === stripos( $content, 'data-pbgdpl' ) ) {
		return $content;
	}
	return preg_replace_callback( '/<[a-z][a-z0-9-]*\s[^>]*data-pbgdpl[^>]*>/i', 'pbgdpl_filter_placeholder_tag', $content );
}
add_filter( 'pre_kses', 'pbgdpl_filter_placeholders' );

/**
 * One placeholder's opening tag without the data-… attributes no widget knows.
 *
 * @param array $match The tag, in $match[0].
 * @return string
 */
function pbgdpl_filter_placeholder_tag( $match ) {
	$known = pbgdpl_known_attributes();
	return preg_replace_callback(
		'/\sdata-([a-z0-9_.:-]*)(\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]*))?/i',
		function ( $attribute ) use ( $known ) {
			$name = strtolower( $attribute[1] );
			return ( 'pbgdpl' === $name || in_array( $name, $known, true ) ) ? $attribute[0] : '';
		},
		$match[0]
	);
}
