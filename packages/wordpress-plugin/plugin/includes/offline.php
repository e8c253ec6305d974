<?php
/**
 * Offline mode. With the scripts from the plugin's own copy and offline mode on, pages with a
 * widget load assets/pbgdpl-offline.js, which registers a service worker served by WordPress at
 * /?pbgdpl-sw=1 (scope: the whole site). The worker keeps:
 *   - the loader and the widget chunks (stored when it installs; chunks never change: cache first),
 *   - the province's API responses (network first; the last good answer when the network fails),
 *   - the pages that show widgets, as a visitor sees them, and their stylesheets (used only when
 *     the network fails).
 * So a page read once still shows its widgets and their last data without a network.
 *
 * When offline mode is off, the same address serves a worker that deletes its caches and
 * unregisters itself, so readers' browsers let go on their next visit.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether the service worker is on: offline mode, the plugin's copy of the scripts, a server.
 *
 * @return bool
 */
function pbgdpl_offline_enabled() {
	$settings = pbgdpl_settings();
	return $settings['offline'] && 'bundled' === $settings['source'] && '' !== $settings['api_origin']
		&& is_readable( PBGDPL_DIR . 'assets/pbgdpl-sw.js' ) && pbgdpl_bundle_manifest();
}

/**
 * The path the site lives under, "/" for most sites: the worker's scope.
 *
 * @return string
 */
function pbgdpl_home_path() {
	$path = wp_parse_url( home_url( '/' ), PHP_URL_PATH );
	return $path ? $path : '/';
}

/**
 * The address of the service worker: the site's root with ?pbgdpl-sw=1.
 *
 * @return string
 */
function pbgdpl_service_worker_url() {
	return add_query_arg( 'pbgdpl-sw', '1', home_url( '/' ) );
}

/**
 * The data- attributes of the offline helper's script tag.
 *
 * @return array Name => value (not yet escaped).
 */
function pbgdpl_offline_attributes() {
	$settings = pbgdpl_settings();
	return array(
		'data-sw'     => pbgdpl_service_worker_url(),
		'data-scope'  => pbgdpl_home_path(),
		'data-assets' => PBGDPL_URL . 'assets/v1/',
		'data-api'    => $settings['api_origin'],
	);
}

/**
 * The worker's JavaScript: its settings, then the worker the build made with Workbox.
 *
 * @return string
 */
function pbgdpl_service_worker_script() {
	if ( ! pbgdpl_offline_enabled() ) {
		// Offline mode is off: remove our caches and unregister.
		return "self.addEventListener('install',function(){self.skipWaiting()});"
			. "self.addEventListener('activate',function(e){e.waitUntil(caches.keys().then(function(k){"
			. "return Promise.all(k.filter(function(n){return n.indexOf('pbgdpl-')===0}).map(function(n){return caches.delete(n)}))"
			. "}).then(function(){return self.registration.unregister()}))});\n";
	}
	$settings = pbgdpl_settings();
	$config   = array(
		'assets'  => PBGDPL_URL . 'assets/v1/',
		'api'     => $settings['api_origin'],
		'scope'   => home_url( '/' ),
		'skip'    => array( admin_url(), site_url( 'wp-login.php' ), rest_url() ),
		'version' => PBGDPL_VERSION,
	);
	$worker   = (string) file_get_contents( PBGDPL_DIR . 'assets/pbgdpl-sw.js' ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a local file.
	return 'self.PBGDPL_SW = ' . wp_json_encode( $config ) . ";\n" . $worker;
}

/** Serves the worker at /?pbgdpl-sw=1, before WordPress looks for a page. */
function pbgdpl_maybe_serve_service_worker() {
	if ( ! isset( $_GET['pbgdpl-sw'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification, WordPress.CSRF.NonceVerification -- a public, read-only file.
		return;
	}
	header( 'Content-Type: text/javascript; charset=utf-8' );
	header( 'Service-Worker-Allowed: ' . pbgdpl_home_path() );
	header( 'Cache-Control: no-cache, max-age=0' );
	header( 'X-Content-Type-Options: nosniff' );
	echo pbgdpl_service_worker_script(); // phpcs:ignore WordPress.Security.EscapeOutput, WordPress.XSS.EscapeOutput -- JavaScript, not HTML; the settings in it are JSON-encoded.
	exit;
}
add_action( 'init', 'pbgdpl_maybe_serve_service_worker', 2 );
