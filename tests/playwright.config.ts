import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
const executablePath = process.env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env['E2E_PORT'] ?? 4322);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : '50%',
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  // Generous for a shared, loaded 2-core CI machine: a wait ends as soon as the page shows what it waits for.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    trace: 'off',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The production build, as learners get it: `npm test` builds before this runs.
    command: `npx astro preview --port ${port} --host localhost`,
    cwd: '..',
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
