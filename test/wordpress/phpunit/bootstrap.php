<?php
// Loads the REAL WordPress that test/wordpress/bring-up.sh runs (a copy of Debian's package with
// our MariaDB). PHPUnit includes this file inside a function and then copies its local variables
// into $GLOBALS, so WordPress's file-level "globals" must be declared global first, or e.g. an
// empty local $shortcode_tags would overwrite the registered shortcodes.
global $shortcode_tags, $wp_registered_sidebars, $wp_registered_widgets, $wp_registered_widget_controls,
	$wp_registered_widget_updates, $_wp_sidebars_widgets, $table_prefix, $locale, $locale_file, $wp_locale,
	$is_lynx, $is_gecko, $is_winIE, $is_macIE, $is_opera, $is_NS4, $is_safari, $is_chrome, $is_iphone,
	$is_edge, $is_IE, $is_apache, $is_nginx, $is_IIS, $is_iis7, $wp_widget_factory, $wp_scripts, $wp_styles;
$_SERVER['HTTP_HOST']   = '127.0.0.1:' . ( getenv( 'WP_PORT' ) ?: '8089' );
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
require ( getenv( 'WP_BASE' ) ?: '/tmp/pbgdpl-wp' ) . '/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/template.php'; // the Settings API, as on options.php
require_once __DIR__ . '/PbgdplTestCase.php';
