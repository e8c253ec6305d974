<?php
/**
 * One block per widget: blocks/<name>/block.json (the build writes it from widgets.json) and
 * blocks/<name>/render.php, which prints the same placeholder as the shortcode.
 *
 * In the editor, assets/editor.js shows the real widget (the same element and loader a visitor
 * gets, reading the province's server), with the widget's attributes in the block sidebar.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/** Registers the editor script and every widget's block. */
function pbgdpl_register_blocks() {
	wp_register_script(
		'pbgdpl-editor',
		PBGDPL_URL . 'assets/editor.js',
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
		PBGDPL_VERSION,
		true
	);
	foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
		$folder = PBGDPL_DIR . 'blocks/' . $name;
		if ( ! is_readable( $folder . '/block.json' ) ) {
			continue; // Not built: run `pnpm --filter @pbgdpl/wordpress-plugin build`.
		}
		$widget = pbgdpl_widget_translated( $name );
		register_block_type(
			$folder,
			array(
				'title'       => $widget['title'],
				'description' => $widget['description'],
			)
		);
	}
}
add_action( 'init', 'pbgdpl_register_blocks' );

/**
 * What blocks/<name>/render.php prints.
 *
 * @param string $name       Widget name.
 * @param array  $block_attributes The block's attributes (camelCase, as saved in the post).
 * @return string HTML.
 */
function pbgdpl_render_block( $name, $block_attributes ) {
	$raw = array();
	foreach ( (array) $block_attributes as $key => $value ) {
		$raw[ pbgdpl_kebab( $key ) ] = $value;
	}
	$values     = pbgdpl_clean_values( $name, $raw );
	$attributes = pbgdpl_placeholder_attributes( $name, $values );
	// The HTML anchor of the block's Advanced panel (WordPress 6.1 adds it only to static blocks).
	if ( ! empty( $raw['anchor'] ) && is_string( $raw['anchor'] ) ) {
		$attributes['id'] = preg_replace( '/[^A-Za-z0-9_-]/', '', $raw['anchor'] );
	}
	pbgdpl_enqueue_scripts();
	// get_block_wrapper_attributes() escapes, and adds the block's class and extra classes.
	return '<div ' . get_block_wrapper_attributes( $attributes ) . '>' . pbgdpl_setup_notice() . '</div>';
}

/**
 * In the editor: the loader (so the blocks show the real widgets) and what editor.js needs:
 * the widgets with their labels in the user's language, the server, and a few texts.
 */
function pbgdpl_editor_assets() {
	pbgdpl_enqueue_scripts();
	$settings = pbgdpl_settings();
	$widgets  = array();
	foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
		$widgets[ $name ] = pbgdpl_widget_translated( $name );
	}
	$loader = pbgdpl_loader_url();
	$config = array(
		'widgets'  => $widgets,
		'api'      => $settings['api_origin'],
		'lang'     => $settings['lang'],
		'accent'   => $settings['accent'],
		'manifest' => '' === $loader ? '' : preg_replace( '#loader\.js$#', 'manifest.json', $loader ),
		'settings' => admin_url( 'options-general.php?page=pbgdpl' ),
		'canSetup' => current_user_can( 'manage_options' ),
		'strings'  => array(
			'default'       => __( 'Default', 'pbgdpl' ),
			'all'           => __( 'All', 'pbgdpl' ),
			'settings'      => __( 'Widget settings', 'pbgdpl' ),
			'unknownCode'   => __( '(not in the server\'s list)', 'pbgdpl' ),
			'codeHelp'      => __( 'Lower-case letters, digits and hyphens.', 'pbgdpl' ),
			'badCode'       => __( 'Not a valid code: it will be ignored.', 'pbgdpl' ),
			'offlineList'   => __( 'The server\'s list could not be loaded; type the code.', 'pbgdpl' ),
			'notConfigured' => __( 'Enter the address of the province\'s PBGDPL server in Settings → PBGDPL; until then this widget stays empty.', 'pbgdpl' ),
			'notAvailable'  => __( 'The province\'s server does not provide this widget yet. It will appear here and on the page as soon as it does.', 'pbgdpl' ),
		),
	);
	wp_add_inline_script( 'pbgdpl-editor', 'window.pbgdplEditor = ' . wp_json_encode( $config ) . ';', 'before' );
}
add_action( 'enqueue_block_editor_assets', 'pbgdpl_editor_assets' );
