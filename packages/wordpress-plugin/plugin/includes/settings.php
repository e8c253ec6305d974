<?php
/**
 * Settings → PBGDPL, built on the Settings API: WordPress checks the capability
 * (manage_options) and the nonce when the form is saved through options.php; every value is
 * checked in pbgdpl_sanitize_settings() before it is stored, and escaped when it is printed.
 *
 * All settings live in one option, pbgdpl_settings (uninstall.php removes it).
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings before anything is saved.
 *
 * @return array
 */
function pbgdpl_default_settings() {
	return array(
		'api_origin' => '',         // The province's PBGDPL server, e.g. https://pbgdpl.bacninh.gov.vn.
		'site_key'   => '',         // This site's key at the province, e.g. xa-tan-hong.
		'lang'       => 'vi',       // Default language of the widgets: vi or en.
		'accent'     => '',         // Accent colour, #rrggbb; '' keeps the widgets' own blue.
		'source'     => 'province', // Where the scripts come from: province or bundled (this plugin's copy).
		'offline'    => false,      // Offline mode (needs source = bundled).
	);
}

/**
 * The saved settings, with defaults for anything missing.
 *
 * @return array
 */
function pbgdpl_settings() {
	$saved = get_option( 'pbgdpl_settings', array() );
	if ( ! is_array( $saved ) ) {
		$saved = array();
	}
	return array_merge( pbgdpl_default_settings(), array_intersect_key( $saved, pbgdpl_default_settings() ) );
}

/**
 * Whether the widgets can load: the province's address is set.
 *
 * @return bool
 */
function pbgdpl_is_configured() {
	$settings = pbgdpl_settings();
	return '' !== $settings['api_origin'];
}

/**
 * An http(s) address reduced to scheme://host[:port][/path], without a trailing slash, query
 * or fragment; '' when it is not one.
 *
 * @param string $url As typed.
 * @return string
 */
function pbgdpl_clean_api_origin( $url ) {
	$url   = trim( (string) $url );
	$parts = wp_parse_url( $url );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	$host   = strtolower( $parts['host'] );
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) || ! preg_match( '/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/', $host ) ) {
		return '';
	}
	$origin = $scheme . '://' . $host . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
	$path   = isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
	if ( '' !== $path && ! preg_match( '#^(/[A-Za-z0-9._~-]+)+$#', $path ) ) {
		return '';
	}
	return $origin . $path;
}

/**
 * An error shown above the settings form (add_settings_error() exists only in wp-admin).
 *
 * @param string $code    Which field.
 * @param string $message What is wrong, in the user's language.
 */
function pbgdpl_settings_error( $code, $message ) {
	if ( function_exists( 'add_settings_error' ) ) {
		add_settings_error( 'pbgdpl_settings', $code, $message );
	}
}

/**
 * Checks every submitted value. A value that is not allowed keeps the saved one and shows an
 * error above the form. Runs on every update_option( 'pbgdpl_settings' ), so it must give the
 * same result when it runs twice.
 *
 * @param mixed $input The submitted pbgdpl_settings[…] fields.
 * @return array The settings to store.
 */
function pbgdpl_sanitize_settings( $input ) {
	$old   = pbgdpl_settings();
	$input = is_array( $input ) ? wp_unslash( $input ) : array();
	$clean = $old;

	if ( isset( $input['api_origin'] ) && is_string( $input['api_origin'] ) ) {
		$origin = pbgdpl_clean_api_origin( $input['api_origin'] );
		if ( '' === trim( $input['api_origin'] ) || '' !== $origin ) {
			$clean['api_origin'] = $origin;
		} else {
			pbgdpl_settings_error( 'pbgdpl_api_origin', __( 'The server address must start with https:// or http://, for example https://pbgdpl.bacninh.gov.vn. The previous address was kept.', 'pbgdpl' ) );
		}
	}

	if ( isset( $input['site_key'] ) && is_string( $input['site_key'] ) ) {
		$key = strtolower( trim( $input['site_key'] ) );
		if ( '' === $key || ( strlen( $key ) <= 64 && preg_match( PBGDPL_CODE_PATTERN, $key ) ) ) {
			$clean['site_key'] = $key;
		} else {
			pbgdpl_settings_error( 'pbgdpl_site_key', __( 'The site key may contain only lower-case letters a–z, digits and hyphens, for example xa-tan-hong. The previous key was kept.', 'pbgdpl' ) );
		}
	}

	if ( isset( $input['lang'] ) ) {
		$clean['lang'] = in_array( $input['lang'], array( 'vi', 'en' ), true ) ? $input['lang'] : 'vi';
	}

	if ( isset( $input['accent'] ) && is_string( $input['accent'] ) ) {
		$accent = strtolower( trim( $input['accent'] ) );
		if ( '' === $accent ) {
			$clean['accent'] = '';
		} elseif ( preg_match( '/^#[0-9a-f]{6}$/', $accent ) ) {
			$clean['accent'] = $accent;
		} elseif ( preg_match( '/^#[0-9a-f]{3}$/', $accent ) ) {
			$clean['accent'] = '#' . $accent[1] . $accent[1] . $accent[2] . $accent[2] . $accent[3] . $accent[3];
		} else {
			pbgdpl_settings_error( 'pbgdpl_accent', __( 'The accent colour must be a colour code such as #0b57d0. The previous colour was kept.', 'pbgdpl' ) );
		}
	}

	if ( isset( $input['source'] ) ) {
		$clean['source'] = ( 'bundled' === $input['source'] ) ? 'bundled' : 'province';
	}

	// A checkbox that is not ticked is not sent: on the settings form, absent means off.
	if ( isset( $input['source'] ) || isset( $input['offline'] ) ) {
		$clean['offline'] = ! empty( $input['offline'] ) && 'bundled' === $clean['source'];
	}

	return $clean;
}

/** Registers the option, its sanitiser, and the fields of the settings page. */
function pbgdpl_register_settings() {
	register_setting(
		'pbgdpl',
		'pbgdpl_settings',
		array(
			'type'              => 'object',
			'sanitize_callback' => 'pbgdpl_sanitize_settings',
			'default'           => pbgdpl_default_settings(),
			'show_in_rest'      => false,
		)
	);

	add_settings_section( 'pbgdpl_server', __( 'The province\'s server', 'pbgdpl' ), 'pbgdpl_section_server', 'pbgdpl' );
	add_settings_field( 'pbgdpl_api_origin', __( 'Server address', 'pbgdpl' ), 'pbgdpl_field_api_origin', 'pbgdpl', 'pbgdpl_server', array( 'label_for' => 'pbgdpl_api_origin' ) );
	add_settings_field( 'pbgdpl_site_key', __( 'Site key', 'pbgdpl' ), 'pbgdpl_field_site_key', 'pbgdpl', 'pbgdpl_server', array( 'label_for' => 'pbgdpl_site_key' ) );

	add_settings_section( 'pbgdpl_look', __( 'Language and colour', 'pbgdpl' ), '__return_false', 'pbgdpl' );
	add_settings_field( 'pbgdpl_lang', __( 'Default language', 'pbgdpl' ), 'pbgdpl_field_lang', 'pbgdpl', 'pbgdpl_look', array( 'label_for' => 'pbgdpl_lang' ) );
	add_settings_field( 'pbgdpl_accent', __( 'Accent colour', 'pbgdpl' ), 'pbgdpl_field_accent', 'pbgdpl', 'pbgdpl_look', array( 'label_for' => 'pbgdpl_accent' ) );

	add_settings_section( 'pbgdpl_scripts', __( 'Scripts and offline reading', 'pbgdpl' ), '__return_false', 'pbgdpl' );
	add_settings_field( 'pbgdpl_source', __( 'Scripts come from', 'pbgdpl' ), 'pbgdpl_field_source', 'pbgdpl', 'pbgdpl_scripts' );
	add_settings_field( 'pbgdpl_offline', __( 'Offline mode', 'pbgdpl' ), 'pbgdpl_field_offline', 'pbgdpl', 'pbgdpl_scripts', array( 'label_for' => 'pbgdpl_offline' ) );
}
add_action( 'admin_init', 'pbgdpl_register_settings' );

/** Settings → PBGDPL. */
function pbgdpl_add_settings_page() {
	$hook = add_options_page( __( 'PBGDPL settings', 'pbgdpl' ), 'PBGDPL', 'manage_options', 'pbgdpl', 'pbgdpl_render_settings_page' );
	add_action( 'admin_print_scripts-' . $hook, 'pbgdpl_settings_page_assets' );
}
add_action( 'admin_menu', 'pbgdpl_add_settings_page' );

/** WordPress's colour picker on the accent field; the check of the site key (includes/site-check.php). */
function pbgdpl_settings_page_assets() {
	wp_enqueue_style( 'wp-color-picker' );
	wp_enqueue_script( 'pbgdpl-admin', PBGDPL_URL . 'assets/admin.js', array( 'wp-color-picker' ), PBGDPL_VERSION, true );
	pbgdpl_site_check_assets();
}

/** The section under "The province's server". */
function pbgdpl_section_server() {
	echo '<p>' . esc_html__( 'Ask the provincial Department of Justice (Sở Tư pháp) for the address of its PBGDPL server and for this website\'s site key.', 'pbgdpl' ) . '</p>';
}

/** Server address. */
function pbgdpl_field_api_origin() {
	$settings = pbgdpl_settings();
	printf(
		'<input type="url" id="pbgdpl_api_origin" name="pbgdpl_settings[api_origin]" value="%s" class="regular-text code" placeholder="https://pbgdpl.example.gov.vn" />',
		esc_attr( $settings['api_origin'] )
	);
	echo '<p class="description">' . esc_html__( 'For example https://pbgdpl.bacninh.gov.vn. The widgets read their data from this server.', 'pbgdpl' ) . '</p>';
}

/** Site key. */
function pbgdpl_field_site_key() {
	$settings = pbgdpl_settings();
	printf(
		'<input type="text" id="pbgdpl_site_key" name="pbgdpl_settings[site_key]" value="%s" class="regular-text code" pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength="64" placeholder="xa-tan-hong" />',
		esc_attr( $settings['site_key'] )
	);
	echo '<p class="description">' . esc_html__( 'Lower-case letters, digits and hyphens. The province uses it to see which websites carry the module.', 'pbgdpl' ) . '</p>';
	pbgdpl_site_check_button();
}

/** Default language. */
function pbgdpl_field_lang() {
	$settings = pbgdpl_settings();
	$choices  = array(
		'vi' => __( 'Vietnamese', 'pbgdpl' ),
		'en' => __( 'English', 'pbgdpl' ),
	);
	echo '<select id="pbgdpl_lang" name="pbgdpl_settings[lang]">';
	foreach ( $choices as $value => $label ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $settings['lang'], $value, false ), esc_html( $label ) );
	}
	echo '</select>';
	echo '<p class="description">' . esc_html__( 'Each widget can still choose its own language.', 'pbgdpl' ) . '</p>';
}

/** Accent colour. */
function pbgdpl_field_accent() {
	$settings = pbgdpl_settings();
	printf(
		'<input type="text" id="pbgdpl_accent" name="pbgdpl_settings[accent]" value="%s" class="pbgdpl-color-field" data-default-color="#0b57d0" maxlength="7" />',
		esc_attr( $settings['accent'] )
	);
	echo '<p class="description">' . esc_html__( 'Links and buttons of the widgets. Empty: the widgets\' own blue.', 'pbgdpl' ) . '</p>';
}

/** Where the scripts come from. */
function pbgdpl_field_source() {
	$settings = pbgdpl_settings();
	$choices  = array(
		'province' => __( 'The province\'s server (always the newest widgets)', 'pbgdpl' ),
		'bundled'  => __( 'The copy inside this plugin (works while the province\'s server is slow or down; needed for offline mode)', 'pbgdpl' ),
	);
	echo '<fieldset>';
	foreach ( $choices as $value => $label ) {
		printf(
			'<label><input type="radio" name="pbgdpl_settings[source]" id="pbgdpl_source_%1$s" value="%1$s"%2$s /> %3$s</label><br />',
			esc_attr( $value ),
			checked( $settings['source'], $value, false ),
			esc_html( $label )
		);
	}
	echo '</fieldset>';
	$manifest = pbgdpl_bundle_manifest();
	if ( $manifest ) {
		/* translators: %s: version of the widget scripts inside the plugin, e.g. 0.1.0. */
		echo '<p class="description">' . esc_html( sprintf( __( 'The copy inside this plugin is version %s.', 'pbgdpl' ), $manifest['version'] ) ) . '</p>';
	}
}

/** Offline mode. */
function pbgdpl_field_offline() {
	$settings = pbgdpl_settings();
	printf(
		'<label><input type="checkbox" id="pbgdpl_offline" name="pbgdpl_settings[offline]" value="1"%s /> %s</label>',
		checked( $settings['offline'], true, false ),
		esc_html__( 'Keep the widgets readable without a network', 'pbgdpl' )
	);
	echo '<p class="description">' . esc_html__( 'Readers\' browsers keep the widgets, their last data and the pages that show them, so a page read once still shows its widgets when the network is down. Works only with the copy inside this plugin.', 'pbgdpl' ) . '</p>';
}

/** The page itself; WordPress prints "Settings saved" and the errors above it. */
function pbgdpl_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap">';
	echo '<h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'pbgdpl' );
	do_settings_sections( 'pbgdpl' );
	submit_button();
	echo '</form>';

	echo '<h2>' . esc_html__( 'Placing the widgets', 'pbgdpl' ) . '</h2>';
	echo '<p>' . esc_html__( 'In the editor, add the block of a widget (search for PBGDPL), or type its shortcode; in Appearance → Widgets, add it to a sidebar.', 'pbgdpl' ) . '</p>';
	echo '<table class="widefat striped" style="max-width:60em"><thead><tr><th>' . esc_html__( 'Widget', 'pbgdpl' ) . '</th><th>' . esc_html__( 'Shortcode', 'pbgdpl' ) . '</th><th>' . esc_html__( 'Attributes', 'pbgdpl' ) . '</th></tr></thead><tbody>';
	foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
		$widget = pbgdpl_widget_translated( $name );
		printf(
			'<tr><td>%s</td><td><code>[%s]</code></td><td><code>%s</code></td></tr>',
			esc_html( $widget['title'] ),
			esc_html( pbgdpl_shortcode_tag( $name ) ),
			esc_html( implode( ' ', array_keys( $widget['attributes'] ) ) )
		);
	}
	echo '</tbody></table>';
	echo '</div>';
}
