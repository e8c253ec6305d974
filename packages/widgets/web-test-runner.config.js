// Component tests in real Chromium (Debian's, or Playwright's own when CHROME_PATH is empty).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS as args } from '../../scripts/chromium.mjs';

const executablePath = process.env.CHROME_PATH || (process.env.CHROME_PATH === undefined ? '/usr/bin/chromium' : undefined);

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: { exportConditions: ['development'] },
  // target es2022 lowers the (experimental) decorators; 'auto' would leave them for Chromium to choke on.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: '../../tsconfig.json' /* esbuild reads one file and does not follow extends */ })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } })],
  testFramework: { config: { timeout: 8000 } },
  concurrency: 1,
};
