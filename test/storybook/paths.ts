import { fileURLToPath } from 'node:url';

/** The repository root, storybook-static in it, and where the test serves it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STATIC_DIR = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
export const PORT = Number(process.env.STORYBOOK_TEST_PORT || 6106);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
