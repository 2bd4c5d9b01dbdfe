/**
 * The workshop timer, keyboard only, on a fake clock (`page.clock`): it counts down, pauses,
 * moves to the next segment, keeps its state over a reload, speaks once a minute, and beeps only
 * when the facilitator turned the sound on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import yaml from 'js-yaml';
import type { Locator, Page } from '@playwright/test';
import { parseWorkshop } from '../../src/schemas/workshop';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FILE = 'content/workshop.yaml';
const workshop = parseWorkshop(yaml.load(readFileSync(join(import.meta.dirname, '..', '..', FILE), 'utf8')), FILE);
const [first, second] = workshop.segments;
const mmss = (minutes: number) => `${String(minutes).padStart(2, '0')}:00`;

async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), state).toEqual([]);
}

async function press(page: Page, control: Locator, key = 'Enter') {
  await control.focus();
  await page.keyboard.press(key);
}

/**
 * The page's clock is fake but flows on its own between steps, so a reading can be late by the
 * real time a step takes: readings are taken on whole seconds, where that slack is a full second,
 * and nothing slow (axe) runs between a start and a reading.
 */
test.describe('workshop timer', () => {
  test.beforeEach(async ({ page }) => {
    // Counts the beeps: every beep makes one oscillator.
    await page.addInitScript(() => {
      const w = window as unknown as { beeps: number };
      w.beeps = 0;
      const original = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.beeps++;
        return original.call(this);
      };
    });
    await page.clock.install();
    await page.goto('/facilitator/timer/');
    await expect(page.getByRole('heading', { level: 1, name: 'Workshop timer' })).toBeVisible();
    // The server-rendered timer looks the same before hydration; a key pressed before it would be lost.
    await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  });

  test('start, count down, pause, resume, next segment, reload', async ({ page, pageErrors }) => {
    const clock = page.getByRole('timer');
    const agenda = page.getByRole('list').filter({ hasText: second!.title }).last();
    await expect(page.getByRole('heading', { level: 2, name: first!.title })).toBeVisible();
    await expect(clock).toHaveText(mmss(first!.minutes));
    await expect(agenda.getByRole('listitem')).toHaveCount(workshop.segments.length);
    await expect(agenda.locator('[aria-current="step"]')).toContainText(first!.title);
    await expect(page.getByText('Status: Not started')).toBeVisible();
    await axe(page, 'ready');

    await press(page, page.getByRole('button', { name: 'Start' }));
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await page.clock.runFor(1_000);
    await expect(clock).toHaveText(`${String(first!.minutes - 1).padStart(2, '0')}:59`);
    await page.clock.runFor(64_000);
    await expect(clock).toHaveText(`${String(first!.minutes - 2).padStart(2, '0')}:55`);
    // Spoken once a minute: the live region says the minute last crossed, not the seconds.
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'left in' })).toHaveText(`${first!.minutes - 1} minutes left in ${first!.title}.`);
    await expect(page.getByText('Status: Running')).toBeVisible();

    // Pause stops it.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeFocused();
    await page.clock.runFor(30_000);
    await expect(clock).toHaveText(`${String(first!.minutes - 2).padStart(2, '0')}:55`);
    await expect(page.getByText('Status: Paused')).toBeVisible();
    // Resume goes on from there.
    await page.keyboard.press('Enter');
    await page.clock.runFor(5_000);
    await expect(clock).toHaveText(`${String(first!.minutes - 2).padStart(2, '0')}:50`);
    await press(page, page.getByRole('button', { name: 'Pause' }));

    // Next: the following segment, from its start, highlighted in the agenda.
    await press(page, page.getByRole('button', { name: 'Next segment' }));
    await expect(page.getByRole('heading', { level: 2, name: second!.title })).toBeVisible();
    await expect(clock).toHaveText(mmss(second!.minutes));
    await expect(agenda.locator('[aria-current="step"]')).toContainText(second!.title);
    await expect(page.getByText('Status: Not started')).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Start' }));
    await page.clock.runFor(10_000);
    await expect(clock).toHaveText(`${String(second!.minutes - 1).padStart(2, '0')}:50`);
    await press(page, page.getByRole('button', { name: 'Pause' }));
    await expect(page.getByText('Status: Paused')).toBeVisible();

    // A reload keeps the segment, the time and the state.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: second!.title })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(`${String(second!.minutes - 1).padStart(2, '0')}:50`);
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await expect(page.getByRole('list').filter({ hasText: second!.title }).last().locator('[aria-current="step"]')).toContainText(second!.title);
    expect(pageErrors).toEqual([]);
  });

  test('a running timer keeps running over a reload', async ({ page }) => {
    await press(page, page.getByRole('button', { name: 'Start' }));
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await page.clock.runFor(20_000);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.clock.runFor(10_000);
    // 30 s and the real time the reload took.
    await expect(page.getByRole('timer')).toHaveText(new RegExp(`^${String(first!.minutes - 1).padStart(2, '0')}:(2\\d|30)$`));
    // (Last: axe takes real seconds, which the fake clock lets pass.)
    await axe(page, 'running');
  });

  test('sound is off by default; on, it beeps once when a segment’s time is up', async ({ page }) => {
    const sound = page.getByRole('checkbox', { name: 'Play a short sound when a segment’s time is up' });
    await expect(sound).not.toBeChecked();
    await press(page, page.getByRole('button', { name: 'Start' }));
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await page.clock.runFor(first!.minutes * 60_000 + 2_000);
    await expect(page.getByRole('timer')).toHaveText('00:00');
    await expect(page.getByText('Status: Time is up')).toBeVisible();
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Time is up' })).toHaveText(`Time is up for ${first!.title}.`);
    expect(await page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBe(0);
    await axe(page, 'time is up');

    await press(page, sound, 'Space');
    await expect(sound).toBeChecked();
    await press(page, page.getByRole('button', { name: 'Next segment' }));
    await expect(page.getByRole('heading', { level: 2, name: second!.title })).toBeVisible();
    await page.clock.runFor(second!.minutes * 60_000 + 2_000);
    await expect(page.getByRole('timer')).toHaveText('00:00');
    await expect.poll(() => page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBe(1);

    // The setting is kept over a reload, and Reset (after a confirmation) keeps it too.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: second!.title })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /sound/ })).toBeChecked();
    await press(page, page.getByRole('button', { name: 'Reset…' }));
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await press(page, page.getByRole('button', { name: 'Yes, reset the timer' }));
    await expect(page.getByRole('heading', { level: 2, name: first!.title })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(mmss(first!.minutes));
    await expect(page.getByRole('checkbox', { name: /sound/ })).toBeChecked();
  });

  test('the last segment has no next', async ({ page }) => {
    for (let i = 1; i < workshop.segments.length; i++) await press(page, page.getByRole('button', { name: 'Next segment' }));
    await expect(page.getByRole('heading', { level: 2, name: workshop.segments.at(-1)!.title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next segment' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Next segment' })).toHaveAccessibleDescription('This is the last segment.');
  });
});
