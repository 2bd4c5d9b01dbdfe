import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonSlugs } from './content';
import { expect, test } from './fixtures';

// The second test rewrites dist/sw.js for a moment; nothing else here may run beside it.
test.describe.configure({ mode: 'serial' });
const swFile = join(import.meta.dirname, '..', '..', 'dist', 'sw.js');

test('after one visit the whole course works offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByText('The course is ready to use offline on this device.')).toBeVisible({ timeout: 20_000 });
  await context.setOffline(true);

  for (const slug of lessonSlugs()) {
    await page.goto(`/lessons/${slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The islands still hydrate: a knowledge check answers.
    await expect(page.getByRole('button', { name: 'Check answer' }).first()).toBeVisible();
  }
  for (const path of ['/', '/simulations/', '/assessment/', '/glossary/', '/references/', '/cases/', '/notes/', '/diagnostic/', '/certificate/', '/progress/']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // A scenario plays offline.
  await page.goto('/simulations/');
  const first = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
  await first.getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'What happened' }).first()).toBeVisible();
  // An address that does not exist gets the course's own "not found" page.
  await page.goto('/nowhere/');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a new build replaces the cached version, and only when the learner reloads', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('The course is ready to use offline on this device.')).toBeVisible({ timeout: 20_000 });
  const version = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (e) => resolve((e.data as { version: string }).version), { once: true });
          navigator.serviceWorker.controller?.postMessage('version');
        }),
    );
  await page.reload();
  const before = await version();
  // Deploy a "newer build": the same service worker with another version.
  const original = readFileSync(swFile, 'utf8');
  try {
    writeFileSync(swFile, original.replace(/const VERSION = "[^"]+"/, 'const VERSION = "newer-build"'));
    await page.reload();
    // The new version waits: this page keeps its own files until the learner chooses to reload.
    await expect(page.getByRole('button', { name: 'Reload to use the new version' })).toBeVisible({ timeout: 20_000 });
    expect(await version()).toBe(before);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to use the new version' }).click()]);
    await expect.poll(version, { timeout: 10_000 }).toBe('newer-build');
    await expect.poll(() => page.evaluate(() => window.caches.keys())).toEqual(['leading-together-newer-build']);
  } finally {
    writeFileSync(swFile, original);
  }
});
