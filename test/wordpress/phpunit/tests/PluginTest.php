<?php
/** The plugin as the Plugin Handbook asks: active, guarded files, one text domain, PHP 7.4 syntax, translations. */
final class PluginTest extends PbgdplTestCase {
	private function php_files() {
		$files = array();
		$it    = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( PBGDPL_DIR, FilesystemIterator::SKIP_DOTS ) );
		foreach ( $it as $file ) {
			if ( 'php' === $file->getExtension() ) {
				$files[] = $file->getPathname();
			}
		}
		sort( $files );
		return $files;
	}

	public function test_plugin_is_active_and_installed_from_the_zip(): void {
		$this->assertTrue( is_plugin_active( 'pbgdpl/pbgdpl.php' ) );
		$data = get_plugin_data( WP_PLUGIN_DIR . '/pbgdpl/pbgdpl.php', false, false );
		$this->assertSame( '6.1', $data['RequiresWP'] );
		$this->assertSame( '7.4', $data['RequiresPHP'] );
		$this->assertSame( 'pbgdpl', $data['TextDomain'] );
		$this->assertFileExists( PBGDPL_DIR . 'assets/v1/loader.js' );
		$this->assertFileExists( PBGDPL_DIR . 'languages/pbgdpl-vi.mo' );
	}

	public function test_every_php_file_stops_when_opened_directly(): void {
		foreach ( $this->php_files() as $file ) {
			$code  = file_get_contents( $file );
			$guard = basename( $file ) === 'uninstall.php' ? "defined( 'WP_UNINSTALL_PLUGIN' ) || exit;" : "defined( 'ABSPATH' ) || exit;";
			$this->assertStringContainsString( $guard, $code, $file );
		}
		// Through the web server too: a file opened directly prints nothing.
		$res = wp_remote_get( plugins_url( 'includes/widgets.php', PBGDPL_FILE ) );
		$this->assertSame( '', wp_remote_retrieve_body( $res ) );
	}

	public function test_functions_and_classes_are_prefixed_and_one_text_domain_is_used(): void {
		foreach ( $this->php_files() as $file ) {
			$code = file_get_contents( $file );
			preg_match_all( '/^\s*function\s+([a-z_0-9]+)\s*\(/mi', $code, $m );
			foreach ( $m[1] as $name ) {
				$this->assertMatchesRegularExpression( '/^(pbgdpl_|__construct$|widget$|update$|form$)/', $name, "$file: $name" );
			}
			preg_match_all( '/\b(?:__|_e|_x|_n|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\([^;]*?,\s*\'([a-z-]+)\'\s*\)/', $code, $m );
			foreach ( $m[1] as $domain ) {
				$this->assertSame( 'pbgdpl', $domain, $file );
			}
		}
	}

	/** Nothing that PHP 7.4 cannot parse (this machine runs PHP 8, so the check reads the tokens). */
	public function test_php_files_use_no_php8_only_syntax(): void {
		$php8_functions = array( 'str_contains', 'str_starts_with', 'str_ends_with', 'get_debug_type', 'array_is_list', 'fdiv', 'get_resource_id', 'enum_exists' );
		foreach ( $this->php_files() as $file ) {
			$tokens = array_values( array_filter( token_get_all( file_get_contents( $file ) ), function ( $t ) {
				return ! is_array( $t ) || ! in_array( $t[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true );
			} ) );
			foreach ( $tokens as $i => $t ) {
				$name = is_array( $t ) ? token_name( $t[0] ) : $t;
				$this->assertNotContains( $name, array( 'T_MATCH', 'T_NULLSAFE_OBJECT_OPERATOR', 'T_ATTRIBUTE', 'T_ENUM', 'T_READONLY' ), "$file: $name" );
				$next = $tokens[ $i + 1 ] ?? null;
				$prev = $tokens[ $i - 1 ] ?? null;
				if ( is_array( $t ) && T_STRING === $t[0] ) {
					$this->assertNotContains( strtolower( $t[1] ), $php8_functions, "$file: {$t[1]}()" );
					// Named argument: "(" or "," then a name then ":" (not "::").
					if ( ':' === $next && ( '(' === $prev || ',' === $prev ) ) {
						$this->fail( "$file line {$t[2]}: named argument {$t[1]}:" );
					}
				}
				// Constructor promotion and union types in a parameter list.
				if ( is_array( $t ) && T_FUNCTION === $t[0] ) {
					$depth = 0;
					for ( $j = $i + 1; $j < count( $tokens ); $j++ ) {
						$u = $tokens[ $j ];
						if ( '(' === $u ) {
							$depth++;
						} elseif ( ')' === $u && 0 === --$depth ) {
							$this->assertNotSame( ',', $tokens[ $j - 1 ], "$file: trailing comma in a parameter list" );
							break;
						} elseif ( $depth > 0 && is_array( $u ) && in_array( $u[0], array( T_PUBLIC, T_PROTECTED, T_PRIVATE ), true ) ) {
							$this->fail( "$file line {$u[2]}: constructor promotion" );
						} elseif ( 1 === $depth && '|' === $u ) {
							$this->fail( "$file: union type" );
						}
					}
				}
			}
		}
	}

	public function test_the_admin_is_in_vietnamese_when_the_language_is_vi(): void {
		$this->assertTrue( switch_to_locale( 'vi' ) );
		try {
			$this->assertSame( 'Văn bản pháp luật mới', __( 'Latest legal documents', 'pbgdpl' ) );
			$this->assertSame( 'Hỏi đáp pháp luật', pbgdpl_widget_translated( 'qa-box' )['title'] );
			$this->assertSame( 'Góp ý, phản hồi', pbgdpl_widget_translated( 'feedback-form' )['title'] );
			$this->assertSame( 'Địa chỉ máy chủ', __( 'Server address', 'pbgdpl' ) );
		} finally {
			restore_previous_locale();
		}
		$this->assertSame( 'Latest legal documents', __( 'Latest legal documents', 'pbgdpl' ) );
	}

	public function test_every_widget_is_defined_with_the_attributes_the_kit_knows(): void {
		$this->assertSame( array( 'latest-laws', 'qa-box', 'feedback-form' ), array_keys( pbgdpl_widgets() ) );
		$laws = pbgdpl_widget( 'latest-laws' );
		$this->assertSame( 'pbgdpl-latest-laws', $laws['tag'] );
		$this->assertSame( array( 'limit', 'field', 'type', 'issuer', 'validity', 'show-search', 'compact', 'heading', 'heading-level', 'lang', 'theme' ), array_keys( $laws['attributes'] ) );
		$this->assertSame( array( 'con-hieu-luc', 'het-hieu-luc-mot-phan', 'het-hieu-luc-toan-bo', 'chua-co-hieu-luc', 'ngung-hieu-luc' ), array_keys( $laws['attributes']['validity']['values'] ) );
		$this->assertSame( array( 1, 50, 5 ), array( $laws['attributes']['limit']['min'], $laws['attributes']['limit']['max'], $laws['attributes']['limit']['default'] ) );
		$qa = pbgdpl_widget( 'qa-box' );
		$this->assertSame( 'pbgdpl-qa-box', $qa['tag'] );
		$this->assertSame( array( 1, 20, 5 ), array( $qa['attributes']['limit']['min'], $qa['attributes']['limit']['max'], $qa['attributes']['limit']['default'] ) );
		$form = pbgdpl_widget( 'feedback-form' );
		$this->assertSame( 'pbgdpl-feedback-form', $form['tag'] );
		$this->assertSame( array( 'page', 'document', 'draft' ), array_keys( $form['attributes']['kind']['values'] ) );
		$this->assertSame( 'page', $form['attributes']['kind']['default'] );
	}
}
