<?php
/**
 * The loader: one <script async> per page, only on pages that show a widget, with the site key,
 * the server and the language on its tag:
 *
 *   <script src="…/embed/v1/loader.js" id="pbgdpl-loader-js" async data-site="xa-tan-hong"
 *           data-api="https://pbgdpl.bacninh.gov.vn" data-lang="vi"></script>
 *
 * WordPress 6.1 has no option for async scripts, so the script_loader_tag filter adds it.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/**
 * The embed bundle inside the plugin (assets/v1/manifest.json, copied from the loader's build).
 *
 * @return array|null { version, widgets: { name: { file, deps } }, files }
 */
function pbgdpl_bundle_manifest() {
	static $manifest = false;
	if ( false === $manifest ) {
		$file     = PBGDPL_DIR . 'assets/v1/manifest.json';
		$manifest = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions -- a local file.
		if ( ! is_array( $manifest ) ) {
			$manifest = null;
		}
	}
	return $manifest;
}

/**
 * Where the loader comes from: the plugin's own copy, or the province's server.
 *
 * @return string URL, or '' when the province's address is not set yet.
 */
function pbgdpl_loader_url() {
	$settings = pbgdpl_settings();
	if ( 'bundled' === $settings['source'] && pbgdpl_bundle_manifest() ) {
		return PBGDPL_URL . 'assets/v1/loader.js';
	}
	return '' === $settings['api_origin'] ? '' : $settings['api_origin'] . '/embed/v1/loader.js';
}

/** Registers the loader (and the offline helper); nothing is printed until a widget asks for it. */
function pbgdpl_register_scripts() {
	$settings = pbgdpl_settings();
	$src      = pbgdpl_loader_url();
	if ( '' !== $src ) {
		// The province's copy has no ?ver= (the province sets its caching); ours changes with the plugin.
		$version = ( 'bundled' === $settings['source'] ) ? PBGDPL_VERSION : null;
		wp_register_script( 'pbgdpl-loader', $src, array(), $version, true );
	}
	if ( pbgdpl_offline_enabled() ) {
		wp_register_script( 'pbgdpl-offline', PBGDPL_URL . 'assets/pbgdpl-offline.js', array(), PBGDPL_VERSION, true );
	}
}
add_action( 'init', 'pbgdpl_register_scripts' );

/** Called by every placeholder: the loader once per page, and the offline helper when it is on. */
function pbgdpl_enqueue_scripts() {
	if ( wp_script_is( 'pbgdpl-loader', 'registered' ) ) {
		wp_enqueue_script( 'pbgdpl-loader' );
	}
	if ( wp_script_is( 'pbgdpl-offline', 'registered' ) ) {
		wp_enqueue_script( 'pbgdpl-offline' );
	}
}

/**
 * The data- attributes of the loader's tag.
 *
 * @return array Name => value (not yet escaped).
 */
function pbgdpl_loader_attributes() {
	$settings   = pbgdpl_settings();
	$attributes = array();
	if ( '' !== $settings['site_key'] ) {
		$attributes['data-site'] = $settings['site_key'];
	}
	$attributes['data-api']  = $settings['api_origin'];
	$attributes['data-lang'] = $settings['lang'];
	return $attributes;
}

/**
 * Adds async and the data- attributes to our script tags.
 *
 * @param string $tag    The <script> tag(s) WordPress made.
 * @param string $handle The script's handle.
 * @return string
 */
function pbgdpl_script_loader_tag( $tag, $handle ) {
	if ( 'pbgdpl-loader' === $handle ) {
		$extra = pbgdpl_loader_attributes();
	} elseif ( 'pbgdpl-offline' === $handle ) {
		$extra = pbgdpl_offline_attributes();
	} else {
		return $tag;
	}
	$html = ' async';
	foreach ( $extra as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	// Only the tag with a src (WordPress may print inline scripts before or after it).
	return preg_replace_callback(
		'/<script(?=[^>]*\ssrc=)/',
		function () use ( $html ) {
			return '<script' . $html;
		},
		$tag,
		1
	);
}
add_filter( 'script_loader_tag', 'pbgdpl_script_loader_tag', 10, 2 );
