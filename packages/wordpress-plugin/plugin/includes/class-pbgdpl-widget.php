<?php
/**
 * One classic widget (Appearance → Widgets, the Customizer) per widget, for themes with
 * sidebars. Each is an instance of Pbgdpl_Widget made for one entry of widgets.json; its form
 * has a field per attribute and it prints the same placeholder as the block and the shortcode.
 *
 * @package pbgdpl
 */

defined( 'ABSPATH' ) || exit;

/** A PBGDPL widget as a classic WordPress widget. */
class Pbgdpl_Widget extends WP_Widget {

	/**
	 * Which widget this is, e.g. "latest-laws".
	 *
	 * @var string
	 */
	protected $pbgdpl_name;

	/**
	 * Makes the classic widget for one entry of widgets.json.
	 *
	 * @param string $name Widget name.
	 */
	public function __construct( $name = 'latest-laws' ) {
		$this->pbgdpl_name = $name;
		$widget            = pbgdpl_widget_translated( $name );
		parent::__construct(
			pbgdpl_shortcode_tag( $name ),
			/* translators: %s: the widget's title, e.g. Latest legal documents. */
			sprintf( __( 'PBGDPL: %s', 'pbgdpl' ), $widget ? $widget['title'] : $name ),
			array(
				'description'           => $widget ? $widget['description'] : '',
				'classname'             => 'pbgdpl-classic-widget',
				'show_instance_in_rest' => true,
			)
		);
	}

	/**
	 * Prints the widget in the sidebar.
	 *
	 * @param array $args     The theme's before_widget and after_widget.
	 * @param array $instance The saved values.
	 */
	public function widget( $args, $instance ) {
		echo $args['before_widget']; // phpcs:ignore WordPress.Security.EscapeOutput, WordPress.XSS.EscapeOutput -- the theme's own markup.
		echo pbgdpl_placeholder( $this->pbgdpl_name, pbgdpl_clean_values( $this->pbgdpl_name, (array) $instance ) ); // phpcs:ignore WordPress.Security.EscapeOutput, WordPress.XSS.EscapeOutput -- escaped in pbgdpl_placeholder().
		echo $args['after_widget']; // phpcs:ignore WordPress.Security.EscapeOutput, WordPress.XSS.EscapeOutput -- the theme's own markup.
	}

	/**
	 * Keeps the allowed values of the submitted form.
	 *
	 * @param array $new_instance Submitted values.
	 * @param array $old_instance Previous values.
	 * @return array
	 */
	public function update( $new_instance, $old_instance ) {
		return pbgdpl_clean_values( $this->pbgdpl_name, (array) $new_instance );
	}

	/**
	 * The form: one field per attribute.
	 *
	 * @param array $instance The saved values.
	 * @return string
	 */
	public function form( $instance ) {
		$widget = pbgdpl_widget_translated( $this->pbgdpl_name );
		if ( ! $widget ) {
			return 'noform';
		}
		$values = pbgdpl_clean_values( $this->pbgdpl_name, (array) $instance );
		foreach ( $widget['attributes'] as $attr => $spec ) {
			$id    = $this->get_field_id( $attr );
			$field = $this->get_field_name( $attr );
			$value = isset( $values[ $attr ] ) ? $values[ $attr ] : '';
			echo '<p>';
			if ( 'boolean' === $spec['type'] ) {
				printf(
					'<input type="checkbox" class="checkbox" id="%s" name="%s" value="1"%s /> <label for="%s">%s</label>',
					esc_attr( $id ),
					esc_attr( $field ),
					checked( true === $value, true, false ),
					esc_attr( $id ),
					esc_html( $spec['label'] )
				);
			} elseif ( 'enum' === $spec['type'] ) {
				printf( '<label for="%s">%s</label> <select class="widefat" id="%s" name="%s">', esc_attr( $id ), esc_html( $spec['label'] ), esc_attr( $id ), esc_attr( $field ) );
				if ( ! isset( $spec['default'] ) ) {
					printf( '<option value="">%s</option>', esc_html__( 'Default', 'pbgdpl' ) );
				}
				$current = ( '' === $value && isset( $spec['default'] ) ) ? $spec['default'] : $value;
				foreach ( $spec['values'] as $code => $label ) {
					printf( '<option value="%s"%s>%s</option>', esc_attr( $code ), selected( $current, $code, false ), esc_html( $label ) );
				}
				echo '</select>';
			} elseif ( 'integer' === $spec['type'] ) {
				$placeholder = isset( $spec['default'] ) ? (string) $spec['default'] : '';
				printf(
					'<label for="%s">%s</label> <input class="tiny-text" type="number" id="%s" name="%s" min="%d" max="%d" step="1" value="%s" placeholder="%s" />',
					esc_attr( $id ),
					esc_html( $spec['label'] ),
					esc_attr( $id ),
					esc_attr( $field ),
					(int) $spec['min'],
					(int) $spec['max'],
					esc_attr( (string) $value ),
					esc_attr( $placeholder )
				);
			} else {
				printf(
					'<label for="%s">%s</label> <input class="widefat" type="text" id="%s" name="%s" value="%s" />',
					esc_attr( $id ),
					esc_html( $spec['label'] ),
					esc_attr( $id ),
					esc_attr( $field ),
					esc_attr( (string) $value )
				);
			}
			if ( isset( $spec['help'] ) ) {
				echo '<br /><small>' . esc_html( $spec['help'] ) . '</small>';
			}
			echo '</p>';
		}
		return '';
	}
}

/** Registers one classic widget per widget. */
function pbgdpl_register_classic_widgets() {
	foreach ( array_keys( pbgdpl_widgets() ) as $name ) {
		register_widget( new Pbgdpl_Widget( $name ) );
	}
}
add_action( 'widgets_init', 'pbgdpl_register_classic_widgets' );
