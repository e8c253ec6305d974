// Types for sizes.mjs, for tests that import measureSizes().
export interface FileSize {
  /** Path inside the bundle, e.g. "chunks/lit-CGy3i9Bz.js". */
  file: string;
  raw: number;
  /** gzip -9 (node:zlib). */
  gzip: number;
  /** brotli -q 11 (node:zlib). */
  brotli: number;
  /** Size of the precompressed .br twin the API serves, or null when there is none. */
  servedBrotli: number | null;
  /** false for build metadata browsers never fetch (manifest.json). */
  fetched: boolean;
}
export interface WidgetFirstLoad {
  /** loader.js, the widget's entry chunk, and every chunk it imports. */
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}
export interface Budget {
  name: string;
  /** Brotli bytes. */
  limit: number;
  actual: number;
  met: boolean;
}
export interface Sizes {
  distDir: string;
  version: string;
  files: FileSize[];
  widgets: Record<string, WidgetFirstLoad>;
  budgets: Budget[];
  /** Widgets in the bundle without a first-load budget. */
  unbudgeted: string[];
}
export declare const DEFAULT_DIST: string;
export declare const BUDGETS: { loader: number; firstLoad: Record<string, number> };
export declare function measureSizes(distDir?: string): Promise<Sizes>;
export declare function formatSizes(sizes: Sizes): string;
export declare function main(options?: { distDir?: string }): Promise<{ sizes: Sizes; targets: { name: string; value: string; met: boolean }[] }>;
