<?php
use PHPUnit\Framework\TestCase;

/** Keeps the plugin's settings, the current user and the script queue as each test found them. */
abstract class PbgdplTestCase extends TestCase {
	private $saved_settings;

	protected function setUp(): void {
		$this->saved_settings = get_option( 'pbgdpl_settings' );
		$GLOBALS['wp_settings_errors'] = array();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		remove_all_filters( 'sanitize_option_pbgdpl_settings' );
		update_option( 'pbgdpl_settings', $this->saved_settings );
		wp_dequeue_script( 'pbgdpl-loader' );
		wp_dequeue_script( 'pbgdpl-offline' );
		wp_set_current_user( 0 );
	}

	/** Stores settings without the sanitiser (as a test fixture), then registers the scripts again. */
	protected function settings( array $values ) {
		remove_all_filters( 'sanitize_option_pbgdpl_settings' );
		update_option( 'pbgdpl_settings', array_merge( pbgdpl_default_settings(), $values ) );
		wp_deregister_script( 'pbgdpl-loader' );
		wp_deregister_script( 'pbgdpl-offline' );
		pbgdpl_register_scripts();
	}

	protected function user( $role ) {
		$login = 'pbgdpl_test_' . $role;
		$user  = get_user_by( 'login', $login );
		$id    = $user ? $user->ID : wp_insert_user( array( 'user_login' => $login, 'user_pass' => wp_generate_password(), 'role' => $role, 'user_email' => $login . '@example.com' ) );
		wp_set_current_user( $id );
		return $id;
	}
}
