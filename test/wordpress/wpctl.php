<?php
/**
 * wpctl.php - a tiny stand-in for wp-cli (Debian 12 has no wp-cli package), adapted from
 * shared/recipes/wordpress. Usage: WPCTL_ROOT=/tmp/pbgdpl-wp/wordpress php wpctl.php CMD [ARGS]
 *
 *   is-installed | install TITLE USER PASS EMAIL | version
 *   option-get NAME | option-set NAME VALUE | option-delete NAME
 *   permalinks STRUCTURE | theme SLUG | user LOGIN PASS EMAIL ROLE | user-locale LOGIN LOCALE
 *   install-zip FILE (unzips into wp-content/plugins) | activate SLUG | deactivate SLUG
 *   uninstall SLUG (deactivate, then delete like Plugins → Delete: runs uninstall.php)
 *   page SLUG TITLE CONTENT_FILE (prints the permalink) | post-content ID | sidebar-widget SIDEBAR ID_BASE JSON
 *   eval-file FILE
 */
$root = rtrim( getenv( 'WPCTL_ROOT' ) ?: '/tmp/pbgdpl-wp/wordpress', '/' );
$_SERVER['HTTP_HOST']       = getenv( 'WPCTL_HOST' ) ?: '127.0.0.1:8089';
$_SERVER['SERVER_NAME']     = '127.0.0.1';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$cmd = $argv[1] ?? 'help';
$a   = array_slice( $argv, 2 );
function fail( $m ) { fwrite( STDERR, "wpctl: $m\n" ); exit( 1 ); }
if ( in_array( $cmd, array( 'install', 'is-installed' ), true ) ) {
	define( 'WP_INSTALLING', true );
}
if ( 'install' === $cmd ) {
	function wp_new_blog_notification() {} // no mail server
}
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
require $root . '/wp-load.php';
ini_set( 'display_errors', 'stderr' );
error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED ); // WordPress 6.1 on PHP 8.2 is noisy.
require_once ABSPATH . 'wp-admin/includes/plugin.php';
if ( ! in_array( $cmd, array( 'install', 'is-installed' ), true ) ) {
	$admins = get_users( array( 'role' => 'administrator', 'number' => 1, 'fields' => 'ID' ) );
	if ( $admins ) {
		wp_set_current_user( (int) $admins[0] );
	}
}
function plugin_file( $slug ) {
	if ( strpos( $slug, '/' ) !== false ) {
		return $slug;
	}
	$found = array_keys( get_plugins( '/' . $slug ) );
	if ( ! $found ) {
		fail( "no plugin in " . WP_PLUGIN_DIR . "/$slug" );
	}
	return $slug . '/' . $found[0];
}
switch ( $cmd ) {
	case 'is-installed':
		exit( is_blog_installed() ? 0 : 1 );
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$r = wp_install( $a[0], $a[1], $a[3], true, '', wp_slash( $a[2] ) );
		echo "installed, admin user id {$r['user_id']}\n";
		break;
	case 'version':
		echo get_bloginfo( 'version' ), "\n";
		break;
	case 'option-get':
		echo maybe_serialize( get_option( $a[0] ) ), "\n";
		break;
	case 'option-set':
		update_option( $a[0], $a[1] );
		break;
	case 'option-delete':
		delete_option( $a[0] );
		break;
	case 'permalinks':
		global $wp_rewrite;
		$wp_rewrite->set_permalink_structure( $a[0] );
		$wp_rewrite->flush_rules( false );
		break;
	case 'theme':
		$t = wp_get_theme( $a[0] );
		if ( ! $t->exists() ) {
			fail( "theme {$a[0]} not found in " . get_theme_root() );
		}
		if ( get_stylesheet() !== $a[0] ) {
			switch_theme( $a[0] );
		}
		echo get_stylesheet(), "\n";
		break;
	case 'user':
		if ( ! get_user_by( 'login', $a[0] ) ) {
			$id = wp_insert_user( array( 'user_login' => $a[0], 'user_pass' => $a[1], 'user_email' => $a[2], 'role' => $a[3] ) );
			if ( is_wp_error( $id ) ) {
				fail( $id->get_error_message() );
			}
			echo "user {$a[0]} ({$a[3]}) id $id\n";
		}
		break;
	case 'user-locale':
		// user-locale LOGIN LOCALE: the language of that user's admin screens ('' = the site's).
		$u = get_user_by( 'login', $a[0] );
		if ( ! $u ) {
			fail( "no user {$a[0]}" );
		}
		update_user_meta( $u->ID, 'locale', $a[1] ?? '' );
		break;
	case 'install-zip':
		require_once ABSPATH . 'wp-admin/includes/file.php';
		WP_Filesystem();
		$r = unzip_file( $a[0], WP_PLUGIN_DIR );
		if ( is_wp_error( $r ) ) {
			fail( 'unzip: ' . $r->get_error_message() );
		}
		echo "unzipped {$a[0]} into " . WP_PLUGIN_DIR . "\n";
		break;
	case 'activate':
		$file = plugin_file( $a[0] );
		ob_start();
		$r   = activate_plugin( $file );
		$out = ob_get_clean();
		if ( is_wp_error( $r ) ) {
			fail( "activate $file: " . $r->get_error_message() );
		}
		if ( '' !== $out ) {
			fail( 'activation printed output: ' . substr( $out, 0, 500 ) );
		}
		echo is_plugin_active( $file ) ? "active: $file\n" : fail( "not active: $file" );
		break;
	case 'deactivate':
		deactivate_plugins( plugin_file( $a[0] ) );
		echo "inactive: {$a[0]}\n";
		break;
	case 'uninstall':
		require_once ABSPATH . 'wp-admin/includes/file.php';
		$file = plugin_file( $a[0] );
		deactivate_plugins( $file );
		$r = delete_plugins( array( $file ) ); // runs uninstall.php, then removes the files
		if ( is_wp_error( $r ) || ! $r ) {
			fail( 'delete: ' . ( is_wp_error( $r ) ? $r->get_error_message() : 'failed' ) );
		}
		echo "deleted: $file\n";
		break;
	case 'page':
		$content = file_get_contents( $a[2] );
		$p       = get_page_by_path( $a[0], OBJECT, 'page' );
		$data    = array( 'post_type' => 'page', 'post_status' => 'publish', 'post_name' => $a[0], 'post_title' => $a[1], 'post_content' => $content );
		if ( $p ) {
			$data['ID'] = $p->ID;
		}
		$id = $p ? wp_update_post( wp_slash( $data ), true ) : wp_insert_post( wp_slash( $data ), true );
		if ( is_wp_error( $id ) ) {
			fail( $id->get_error_message() );
		}
		echo get_permalink( $id ), "\n";
		break;
	case 'post-content':
		$p = get_post( (int) $a[0] );
		echo $p ? $p->post_content : fail( "no post {$a[0]}" ), "\n";
		break;
	case 'sidebar-widget':
		// sidebar-widget SIDEBAR ID_BASE JSON: puts a classic widget with these settings in a sidebar.
		$settings = get_option( 'widget_' . $a[1], array() );
		$settings = is_array( $settings ) ? $settings : array();
		$number   = max( array_merge( array( 1 ), array_filter( array_keys( $settings ), 'is_int' ) ) ) + 1;
		$settings[ $number ]    = json_decode( $a[2], true );
		$settings['_multiwidget'] = 1;
		update_option( 'widget_' . $a[1], $settings );
		$sidebars = wp_get_sidebars_widgets();
		$sidebars[ $a[0] ] = array_merge( isset( $sidebars[ $a[0] ] ) ? (array) $sidebars[ $a[0] ] : array(), array( $a[1] . '-' . $number ) );
		wp_set_sidebars_widgets( $sidebars );
		echo $a[1] . '-' . $number, "\n";
		break;
	case 'eval-file':
		require $a[0];
		break;
	default:
		fail( 'commands: is-installed install version option-get option-set option-delete permalinks theme user user-locale install-zip activate deactivate uninstall page post-content sidebar-widget eval-file' );
}
