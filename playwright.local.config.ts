import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/*
 * The Playwright config our machines use: Debian's Chromium instead of a browser
 * Playwright would download (no such download is possible here), and in CI the
 * backend serving the production build of the app on :7007.
 */
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  ...base,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: process.env.CI
    ? [
        {
          command: 'yarn workspace backend start',
          url: 'http://localhost:7007/.backstage/health/v1/readiness',
          reuseExistingServer: false,
          timeout: 180_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
      ]
    : base.webServer,
  projects: (base.projects ?? []).map(project => ({
    ...project,
    use: {
      ...project.use,
      // generateProjects() asks for Google Chrome; we run Debian's chromium.
      channel: undefined,
      launchOptions: {
        executablePath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
  })),
});
