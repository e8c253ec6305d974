<?php
/**
 * Plugin Name:       PBGDPL – Legal dissemination widgets
 * Plugin URI:        https://github.com/pbgdpl/embed-kit
 * Description:       The province's legal-education module (phổ biến, giáo dục pháp luật): latest legal documents, legal Q&A and feedback, placed with blocks, shortcodes or sidebar widgets.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            PBGDPL embed kit
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       pbgdpl
 * Domain Path:       /languages
 *
 * How the pieces fit (each file starts with what it does):
 *   widgets.json                   every widget: tag, title, attributes and their allowed values (made by
 *                                  the build from the widgets' custom-elements.json and widgets.overlay.json)
 *   includes/widgets.php           reads widgets.json, checks attribute values, prints the placeholder
 *   includes/settings.php          Settings → PBGDPL (the Settings API)
 *   includes/site-check.php        its "Check site key and origin" button (assets/site-check.js asks the server)
 *   includes/scripts.php           the loader script tag (async, data-site, data-api, data-lang)
 *   includes/blocks.php            one block per widget (blocks/<name>/block.json, made by the build)
 *   includes/shortcodes.php        one shortcode per widget: [pbgdpl_latest_laws limit="5"]
 *   includes/class-pbgdpl-widget.php  one classic widget per widget, for themes with sidebars
 *   includes/offline.php           offline mode: the service worker at /?pbgdpl-sw=1
 *   includes/kses.php              hand-written placeholders keep only known attributes
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

define( 'PBGDPL_VERSION', '0.1.0' );
define( 'PBGDPL_FILE', __FILE__ );
define( 'PBGDPL_DIR', plugin_dir_path( __FILE__ ) );
define( 'PBGDPL_URL', plugin_dir_url( __FILE__ ) );

require_once PBGDPL_DIR . 'includes/widgets.php';
require_once PBGDPL_DIR . 'includes/settings.php';
require_once PBGDPL_DIR . 'includes/site-check.php';
require_once PBGDPL_DIR . 'includes/scripts.php';
require_once PBGDPL_DIR . 'includes/blocks.php';
require_once PBGDPL_DIR . 'includes/shortcodes.php';
require_once PBGDPL_DIR . 'includes/class-pbgdpl-widget.php';
require_once PBGDPL_DIR . 'includes/offline.php';
require_once PBGDPL_DIR . 'includes/kses.php';

/**
 * Translations: languages/pbgdpl-vi.mo shows the plugin in Vietnamese when the site (or the
 * user's profile) language is Tiếng Việt.
 */
function pbgdpl_load_textdomain() {
	load_plugin_textdomain( 'pbgdpl', false, dirname( plugin_basename( PBGDPL_FILE ) ) . '/languages' );
}
add_action( 'init', 'pbgdpl_load_textdomain', 0 ); // Before widgets_init (init, 1) names the classic widgets.

/** After switch_to_locale() (e-mails to a user in another language, tests): the new language. */
function pbgdpl_reload_textdomain() {
	unload_textdomain( 'pbgdpl' );
	pbgdpl_load_textdomain();
}
add_action( 'change_locale', 'pbgdpl_reload_textdomain' );

/** On activation: store the default settings once, so the first save runs the sanitiser once. */
function pbgdpl_activate() {
	add_option( 'pbgdpl_settings', pbgdpl_default_settings() );
}
register_activation_hook( PBGDPL_FILE, 'pbgdpl_activate' );

/**
 * A "Settings" link next to "Deactivate" in the plugin list.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function pbgdpl_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=pbgdpl' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'pbgdpl' ) . '</a>' );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( PBGDPL_FILE ), 'pbgdpl_action_links' );
