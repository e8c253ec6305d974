<?php
/**
 * Settings → PBGDPL → "Check site key and origin". The administrator's browser asks the
 * province's server (assets/site-check.js), so the request carries this website's Origin, as a
 * visitor's would: GET {server}/api/v1/views/token?site={key} answers 400 for a key the server does
 * not know, and { "registered": true|false|null } for one it knows: whether the Origin is
 * registered for that key (null when the request carried no Origin). The script says what that
 * means and what to do, in the texts below (the user's language). It checks the values in the
 * form, saved or not; WordPress itself sends nothing.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/** The button and the place for its answer, under the site key. Hidden until the script runs. */
function pbgdpl_site_check_button() {
	echo '<p class="pbgdpl-site-check" hidden><button type="button" class="button" id="pbgdpl_site_check">' . esc_html__( 'Check site key and origin', 'pbgdpl' ) . '</button></p>';
	echo '<div id="pbgdpl_site_check_result" role="status" style="max-width:44em"></div>';
}

/**
 * The origin visitors see this website at (scheme://host[:port]), from the Site Address setting.
 *
 * @return string
 */
function pbgdpl_home_origin() {
	$parts = wp_parse_url( home_url() );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	return strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
}

/**
 * What site-check.js needs: the saved values (to say when the form's are not saved yet), the
 * website's address, and its texts. %1$s and %2$s are filled in by the script.
 *
 * @return array
 */
function pbgdpl_site_check_config() {
	$settings = pbgdpl_settings();
	return array(
		'saved'   => array(
			'api'  => $settings['api_origin'],
			'site' => $settings['site_key'],
		),
		'home'    => pbgdpl_home_origin(),
		'timeout' => 10000,
		'strings' => array(
			'checking'      => __( 'Asking the province\'s server…', 'pbgdpl' ),
			'missing'       => __( 'Enter the server address and the site key first.', 'pbgdpl' ),
			'badKey'        => __( 'The site key may contain only lower-case letters a–z, digits and hyphens, for example xa-tan-hong.', 'pbgdpl' ),
			'unsaved'       => __( 'These values are not saved yet: press Save Changes to keep them.', 'pbgdpl' ),
			'badAddress'    => __( 'The server address must start with https:// or http://, for example https://pbgdpl.bacninh.gov.vn.', 'pbgdpl' ),
			/* translators: 1: the site key, e.g. xa-tan-hong; 2: this website's address, e.g. https://xatanhong.gov.vn. */
			'registered'    => __( 'The province\'s server knows the site key %1$s, and this website\'s address %2$s is registered for it: the widgets show, and questions and feedback can be sent.', 'pbgdpl' ),
			/* translators: 1: the site key, e.g. xa-tan-hong; 2: this website's address, e.g. https://xatanhong.gov.vn. */
			'notRegistered' => __( 'The province\'s server knows the site key %1$s, but this website\'s address %2$s is not registered for it: the widgets show, but questions and feedback cannot be sent from this website. Ask the provincial Department of Justice (Sở Tư pháp) to register %2$s for the site key %1$s.', 'pbgdpl' ),
			/* translators: 1: the site key, e.g. xa-tan-hong. */
			'noOrigin'      => __( 'The province\'s server knows the site key %1$s. Whether this website\'s address is registered for it could not be checked from this page.', 'pbgdpl' ),
			/* translators: 1: the site key as typed, e.g. xa-tan-hong. */
			'unknownKey'    => __( 'The province\'s server does not know the site key %1$s. Check it for typing mistakes (lower-case letters, no accents), or ask the provincial Department of Justice (Sở Tư pháp) for this website\'s key.', 'pbgdpl' ),
			/* translators: 1: a number of seconds. */
			'busy'          => __( 'The province\'s server is busy: too many requests from this address. Try again in %1$s seconds.', 'pbgdpl' ),
			/* translators: 1: the server address as typed; 2: an HTTP status code, e.g. 404. */
			'notPbgdpl'     => __( 'The address %1$s answered, but not as a PBGDPL server does (HTTP %2$s). Check the server address.', 'pbgdpl' ),
			/* translators: 1: the server address as typed. */
			'unreachable'   => __( 'The province\'s server at %1$s could not be reached. Check the server address (with https:// when this website uses https) and try again; if that does not help, the server may be down.', 'pbgdpl' ),
			/* translators: 1: the address visitors see this website at (its Site Address). */
			'otherHome'     => __( 'Visitors see this website at %1$s: have that address registered too.', 'pbgdpl' ),
		),
	);
}

/** On the settings page: the script and its texts. */
function pbgdpl_site_check_assets() {
	wp_enqueue_script( 'pbgdpl-site-check', PBGDPL_URL . 'assets/site-check.js', array(), PBGDPL_VERSION, true );
	wp_add_inline_script( 'pbgdpl-site-check', 'window.pbgdplSiteCheck = ' . wp_json_encode( pbgdpl_site_check_config() ) . ';', 'before' );
}
