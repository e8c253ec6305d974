<?php
/**
 * The widgets: what widgets.json says about them, how an attribute value is checked, and the
 * placeholder every block, shortcode and classic widget prints:
 *
 *   <div class="pbgdpl-widget pbgdpl-widget-latest-laws" data-pbgdpl="latest-laws" data-limit="5"
 *        style="--pbgdpl-accent:#b91c1c;min-height:calc(42.325em + 51px)"></div>
 *
 * The loader script puts the widget inside that div. Every value is checked against the
 * widget's allowed values here, and escaped when it is printed.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/** Lower-case codes such as "dat-dai": the same rule as the API's. */
define( 'PBGDPL_CODE_PATTERN', '/^[a-z0-9]+(?:-[a-z0-9]+)*$/' );

/**
 * Every widget from widgets.json, keyed by name ("latest-laws"), labels in English.
 *
 * @return array
 */
function pbgdpl_widgets() {
	static $widgets = null;
	if ( null === $widgets ) {
		$json    = file_get_contents( PBGDPL_DIR . 'widgets.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a local file.
		$widgets = json_decode( (string) $json, true );
		if ( ! is_array( $widgets ) ) {
			$widgets = array();
		}
		unset( $widgets['$comment'] );
	}
	return $widgets;
}

/**
 * One widget's definition, or null when there is no widget of that name.
 *
 * @param string $name Widget name, e.g. "latest-laws".
 * @return array|null
 */
function pbgdpl_widget( $name ) {
	$widgets = pbgdpl_widgets();
	return isset( $widgets[ $name ] ) ? $widgets[ $name ] : null;
}

/**
 * A widget's definition with its title, description and labels in the site's language.
 * The English texts of widgets.json are in languages/pbgdpl.pot like every other string.
 *
 * @param string $name Widget name.
 * @return array|null
 */
function pbgdpl_widget_translated( $name ) {
	$widget = pbgdpl_widget( $name );
	if ( ! $widget ) {
		return null;
	}
	// phpcs:disable WordPress.WP.I18n.NonSingularStringLiteralText -- the texts come from widgets.json; scripts/make-pot.mjs extracts them.
	$widget['title']       = __( $widget['title'], 'pbgdpl' );
	$widget['description'] = __( $widget['description'], 'pbgdpl' );
	foreach ( $widget['attributes'] as $attr => $spec ) {
		$spec['label'] = __( $spec['label'], 'pbgdpl' );
		if ( isset( $spec['help'] ) ) {
			$spec['help'] = __( $spec['help'], 'pbgdpl' );
		}
		if ( isset( $spec['values'] ) ) {
			foreach ( $spec['values'] as $code => $label ) {
				$spec['values'][ $code ] = __( $label, 'pbgdpl' );
			}
		}
		$widget['attributes'][ $attr ] = $spec;
	}
	// phpcs:enable
	return $widget;
}

/**
 * "latest-laws" -> "pbgdpl_latest_laws": the shortcode tag and the classic widget's id.
 *
 * @param string $name Widget name.
 * @return string
 */
function pbgdpl_shortcode_tag( $name ) {
	return 'pbgdpl_' . str_replace( '-', '_', $name );
}

/**
 * "showSearch" (a block attribute) -> "show-search" (the widget's attribute).
 *
 * @param string $key Attribute name in camelCase.
 * @return string
 */
function pbgdpl_kebab( $key ) {
	return strtolower( preg_replace( '/[A-Z]/', '-$0', (string) $key ) );
}

/**
 * "show-search" -> "showSearch".
 *
 * @param string $attr Attribute name in kebab-case.
 * @return string
 */
function pbgdpl_camel( $attr ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $attr ) ) ) );
}

/**
 * Keeps the attributes a widget knows whose values are allowed; drops every other one.
 *
 * @param string $name Widget name.
 * @param array  $raw  Attribute name (kebab-case) => value as given (string, number or bool).
 * @return array Attribute name => int|string|true. A boolean that is off is left out.
 */
function pbgdpl_clean_values( $name, $raw ) {
	$widget = pbgdpl_widget( $name );
	$clean  = array();
	if ( ! $widget || ! is_array( $raw ) ) {
		return $clean;
	}
	foreach ( $widget['attributes'] as $attr => $spec ) {
		if ( ! array_key_exists( $attr, $raw ) ) {
			continue;
		}
		$value = pbgdpl_clean_value( $spec, $raw[ $attr ] );
		if ( null !== $value ) {
			$clean[ $attr ] = $value;
		}
	}
	return $clean;
}

/**
 * One value checked against its attribute's type and allowed values.
 *
 * @param array $spec  The attribute's entry in widgets.json.
 * @param mixed $value The value as given.
 * @return int|string|true|null Null when the value is not allowed (the widget's default applies).
 */
function pbgdpl_clean_value( $spec, $value ) {
	if ( is_array( $value ) || is_object( $value ) || null === $value ) {
		return null;
	}
	switch ( $spec['type'] ) {
		case 'integer':
			if ( is_bool( $value ) ) {
				return null;
			}
			$value = trim( (string) $value );
			if ( ! preg_match( '/^-?[0-9]{1,9}$/', $value ) ) {
				return null;
			}
			// Out of range: the nearest allowed number, as the widget itself would do.
			return max( (int) $spec['min'], min( (int) $spec['max'], (int) $value ) );

		case 'boolean':
			if ( is_bool( $value ) ) {
				return $value ? true : null;
			}
			$value = strtolower( trim( (string) $value ) );
			return in_array( $value, array( '1', 'true', 'yes', 'on' ), true ) ? true : null;

		case 'code':
			$value = strtolower( trim( (string) $value ) );
			return ( strlen( $value ) <= 64 && preg_match( PBGDPL_CODE_PATTERN, $value ) ) ? $value : null;

		case 'enum':
			$value = strtolower( trim( (string) $value ) );
			return isset( $spec['values'][ $value ] ) ? $value : null;

		case 'text':
			$value = sanitize_text_field( (string) $value );
			$max   = isset( $spec['max'] ) ? (int) $spec['max'] : 120;
			$value = trim( mb_substr( $value, 0, $max ) );
			return '' === $value ? null : $value;
	}
	return null;
}

/**
 * The attributes of a widget's placeholder div (not yet escaped).
 *
 * @param string $name   Widget name.
 * @param array  $values Checked values, from pbgdpl_clean_values().
 * @return array HTML attribute name => value.
 */
function pbgdpl_placeholder_attributes( $name, $values ) {
	$attributes = array(
		'class'       => 'pbgdpl-widget pbgdpl-widget-' . $name,
		'data-pbgdpl' => $name,
	);
	foreach ( $values as $attr => $value ) {
		// The loader copies data-show-search="" to show-search="": on. Off is left out.
		$attributes[ 'data-' . $attr ] = ( true === $value ) ? '' : (string) $value;
	}
	$style = pbgdpl_placeholder_style( $name, $values );
	if ( '' !== $style ) {
		$attributes['style'] = $style;
	}
	return $attributes;
}

/**
 * The accent colour as --pbgdpl-accent (the widgets read it through their shadow root) and the
 * height the widget will take, so the page does not jump when it appears.
 *
 * @param string $name   Widget name.
 * @param array  $values Checked values.
 * @return string CSS declarations, or ''.
 */
function pbgdpl_placeholder_style( $name, $values ) {
	$settings = pbgdpl_settings();
	$rules    = array();
	if ( '' !== $settings['accent'] ) {
		$rules[] = '--pbgdpl-accent:' . $settings['accent'];
	}
	$height = pbgdpl_reserved_height( $name, $values );
	if ( '' !== $height ) {
		$rules[] = 'min-height:' . $height;
	}
	return implode( ';', $rules );
}

/**
 * The widget's height before it has loaded, from its "reserve" entry in widgets.json
 * (docs/embedding.md section 4): limit="5" gives calc(42.325em + 51px).
 *
 * @param string $name   Widget name.
 * @param array  $values Checked values.
 * @return string A CSS length, or '' when the widget has no reserve entry.
 */
function pbgdpl_reserved_height( $name, $values ) {
	$widget = pbgdpl_widget( $name );
	if ( ! $widget || empty( $widget['reserve'] ) ) {
		return '';
	}
	$reserve = $widget['reserve'];
	$counted = $reserve['count_attribute'];
	$count   = isset( $values[ $counted ] ) ? (int) $values[ $counted ] : (int) $widget['attributes'][ $counted ]['default'];
	$item    = ( ! empty( $values['compact'] ) && isset( $reserve['per_item_compact'] ) ) ? $reserve['per_item_compact'] : $reserve['per_item'];
	$em      = $count * $item['em'] + $reserve['base']['em'];
	$px      = $count * $item['px'] + $reserve['base']['px'];
	if ( ! empty( $values['show-search'] ) && isset( $reserve['show_search'] ) ) {
		$em += $reserve['show_search']['em'];
		$px += $reserve['show_search']['px'];
	}
	$em = rtrim( rtrim( sprintf( '%.3F', $em ), '0' ), '.' );
	return 'calc(' . $em . 'em + ' . (int) $px . 'px)';
}

/**
 * Attributes as HTML, every value escaped.
 *
 * @param array $attributes Name => value.
 * @return string ' name="value" …'
 */
function pbgdpl_html_attributes( $attributes ) {
	$html = '';
	foreach ( $attributes as $attr => $value ) {
		$html .= ' ' . preg_replace( '/[^a-z0-9-]/', '', strtolower( $attr ) ) . '="' . esc_attr( $value ) . '"';
	}
	return $html;
}

/**
 * The placeholder of one widget, and the loader enqueued for the page (once, however many
 * widgets the page has). Used by shortcodes and classic widgets; blocks add the block's own
 * class and anchor through get_block_wrapper_attributes().
 *
 * @param string $name   Widget name.
 * @param array  $values Checked values.
 * @return string HTML.
 */
function pbgdpl_placeholder( $name, $values ) {
	pbgdpl_enqueue_scripts();
	return '<div' . pbgdpl_html_attributes( pbgdpl_placeholder_attributes( $name, $values ) ) . '>' . pbgdpl_setup_notice() . '</div>';
}

/**
 * Until the province's address is set, the widgets cannot load; administrators see why (visitors
 * see nothing).
 *
 * @return string HTML.
 */
function pbgdpl_setup_notice() {
	if ( pbgdpl_is_configured() || ! current_user_can( 'manage_options' ) ) {
		return '';
	}
	return '<p class="pbgdpl-setup-notice"><a href="' . esc_url( admin_url( 'options-general.php?page=pbgdpl' ) ) . '">'
		. esc_html__( 'PBGDPL: enter the address of the province\'s PBGDPL server in Settings → PBGDPL to show this widget.', 'pbgdpl' )
		. '</a></p>';
}
