import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { scenarioSchema } from '../../src/schemas/scenario';
import { PROCESS_LABEL, allPaths, replay } from '../../src/lib/scenario';
import { PROGRESS_KEY, expect, test } from './fixtures';
import { hydrated } from './content';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const scenario = scenarioSchema.parse(yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'scenarios', 'line-3-alert.yaml'), 'utf8')));
const paths = allPaths(scenario);
const region = (page: Page) => page.getByRole('region', { name: scenario.title });

/** Presses a move's button with the keyboard, then "Continue". */
async function play(page: Page, choiceIndex: number) {
  const box = region(page);
  const buttons = box.getByRole('list').filter({ has: page.getByRole('button') }).last().getByRole('button');
  await buttons.nth(choiceIndex).focus();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('heading', { name: 'What happened' })).toBeFocused();
  const next = box.getByRole('button', { name: /^(Continue|See how it ended)$/ });
  await next.focus();
  await page.keyboard.press('Enter');
}

async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).include(`#scenario-line-3-alert`).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), state).toEqual([]);
}

test.describe('branching scenario, keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/simulations/');
    await hydrated(page);
  });

  test('play a path, reload mid-way, reach an ending with a debrief and a path map, restart', async ({ page }) => {
    const box = region(page);
    const first = scenario.nodes.find((n) => n.id === scenario.start)!;
    await expect(box.getByRole('heading', { name: `Decision 1 of ${scenario.nodes.length}: ${first.title}` })).toBeVisible();
    for (const m of scenario.meters) await expect(box.getByText(`${m.label}`, { exact: true })).toBeVisible();
    // The meters are one named group.
    const meters = box.getByRole('group', { name: 'Meters (0–10)' });
    for (const m of scenario.meters) await expect(meters.getByText(`${m.label}`, { exact: true })).toBeVisible();
    await axe(page, 'start');

    // First move: the consequence, the meter changes in text, the why.
    const firstChoice = first.choices[0]!;
    await box.getByRole('button', { name: firstChoice.text }).focus();
    await page.keyboard.press('Enter');
    await expect(box.getByText(firstChoice.consequence).filter({ visible: true })).toBeVisible();
    await expect(box.getByText(firstChoice.why).filter({ visible: true })).toBeVisible();
    await expect(box.locator('[aria-live="polite"]')).toHaveText(/^(Meters: .+|No meter changed\.)$/);
    await axe(page, 'consequence');
    await box.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await expect(box.getByRole('heading', { name: /^Decision 2 of/ })).toBeFocused();
    const metersBefore = await box.getByText(/^\d+ \/ 10$/).allTextContents();

    // A reload resumes at the same decision with the same meters.
    await page.reload();
    await hydrated(page);
    await expect(region(page).getByRole('heading', { name: /^Decision 2 of/ })).toBeVisible();
    expect(await region(page).getByText(/^\d+ \/ 10$/).allTextContents()).toEqual(metersBefore);

    for (let i = 1; i < scenario.nodes.length; i++) await play(page, 0);
    const ending = box.getByRole('heading', { name: /^Ending: / });
    await expect(ending).toBeFocused();
    // The debrief lists every decision with the choice made and the alternatives.
    const debrief = box.getByRole('list').filter({ hasText: 'Your choice' }).first();
    await expect(debrief.getByText('Your choice', { exact: false })).toHaveCount(scenario.nodes.length);
    for (const node of scenario.nodes) await expect(box.getByText(`Decision ${scenario.nodes.indexOf(node) + 1}: ${node.title}`, { exact: true }).filter({ visible: true })).toBeVisible();
    for (const q of scenario.debrief) await expect(box.getByText(q).filter({ visible: true })).toBeVisible();
    // The path map highlights the path, with an equivalent text.
    const map = box.getByRole('img', { name: /^Path map: \d+ decisions taken, ending/ });
    await expect(map).toBeVisible();
    await expect(box.getByText(/1 of \d+ endings found so far/).filter({ visible: true }).first()).toBeVisible();
    await axe(page, 'ending with debrief');
    // Every text of the path map is on a solid background, so that axe can compute its contrast.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const contrast = await new AxeBuilder({ page }).include('#scenario-line-3-alert .path-map').withRules(['color-contrast']).analyze();
      const targets = (results: typeof contrast.passes) => results.flatMap((r) => r.nodes.map((n) => n.target.join(' ')));
      expect(targets(contrast.incomplete), colorScheme).toEqual([]);
      expect(targets(contrast.violations), colorScheme).toEqual([]);
      // The decision labels, "Endings" and each ending's title were measured.
      expect(targets(contrast.passes).length, colorScheme).toBeGreaterThanOrEqual(scenario.nodes.length + 1 + scenario.endings.length);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await box.getByRole('button', { name: 'Restart the scenario' }).focus();
    await page.keyboard.press('Enter');
    await expect(box.getByRole('heading', { name: /^Decision 1 of/ })).toBeFocused();
    await expect(box.getByText(/Endings found so far: 1 of/)).toBeVisible();
  });

  test('runs to two different endings: both are listed as found, the latest highlighted', async ({ page }) => {
    const box = region(page);
    const a = paths[0]!;
    const b = paths.find((p) => p.ending !== a.ending)!;
    const title = (id: string) => scenario.endings.find((e) => e.id === id)!.title;
    for (const [run, path] of [a, b].entries()) {
      if (run > 0) await box.getByRole('button', { name: 'Restart the scenario' }).click();
      for (const [i, choiceId] of path.choices.entries()) {
        const here = replay(scenario, path.choices.slice(0, i)).node;
        const choice = scenario.nodes.find((n) => n.id === here)!.choices.find((c) => c.id === choiceId)!;
        await box.getByRole('button', { name: choice.text, exact: true }).focus();
        await page.keyboard.press('Enter');
        await box.getByRole('button', { name: /^(Continue|See how it ended)$/ }).click();
      }
      await expect(box.getByRole('heading', { name: `Ending: ${title(path.ending)}` })).toBeVisible();
    }
    await expect(box.getByText(/Endings found so far: 2 of/)).toBeVisible();
    await expect(box.getByText(`${title(a.ending)} (found)`, { exact: false })).toBeVisible();
    await expect(box.getByText(`${title(b.ending)} (this run)`, { exact: false })).toBeVisible();
  });

  test('the best ending, by keyboard, along the path that earns it; the debrief names how each move decides', async ({ page }) => {
    const box = region(page);
    // Back Sam's stop with an intent and roles, give Mei the hold decision, review with the crew.
    const path = ['intent-and-roles', 'mei-decides', 'crew-review'];
    const best = scenario.endings.find((e) => e.best)!;
    expect(replay(scenario, path).ending).toBe(best.id);
    for (const [i, choiceId] of path.entries()) {
      const node = scenario.nodes.find((n) => n.id === replay(scenario, path.slice(0, i)).node)!;
      await expect(box.getByRole('heading', { name: `Decision ${i + 1} of ${scenario.nodes.length}: ${node.title}` })).toBeVisible();
      await box.getByRole('button', { name: node.choices.find((c) => c.id === choiceId)!.text, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(box.getByRole('heading', { name: 'What happened' })).toBeFocused();
      await box.getByRole('button', { name: /^(Continue|See how it ended)$/ }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(box.getByRole('heading', { name: `Ending: ${best.title}` })).toBeFocused();
    await expect(box.getByText(best.text, { exact: true }).filter({ visible: true })).toBeVisible();
    // Each decision's moves are labelled by decision process, never by a "style".
    const debrief = box.getByRole('list').filter({ hasText: 'Your choice' }).first();
    await expect(debrief.getByText('Your choice (Delegate):')).toHaveCount(2);
    await expect(debrief.getByText(`Your choice (${PROCESS_LABEL.facilitate}):`)).toHaveCount(1);
    await expect(debrief.getByText(`Alternative (${PROCESS_LABEL.decide}):`).first()).toBeVisible();
    await expect(debrief.getByText(`Alternative (${PROCESS_LABEL.convene}):`).first()).toBeVisible();
    await expect(debrief.getByText(/\((Directive|Delegating|Distributed|Collaborative|Tempting shortcut)\)/)).toHaveCount(0);
    await axe(page, 'best ending with process labels');
  });

  test('a run saved by an earlier version of the scenario is kept, marked as such, and its ending still counts', async ({ page }) => {
    const at = '2026-11-20T10:00:00.000Z';
    // Saved by the current version: moves named by style, which no longer exist.
    const saved = { path: ['distributed', 'delegating'], endings: ['safe-and-stronger'], at };
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [PROGRESS_KEY, JSON.stringify({ version: 2, lessons: {}, scenarios: { 'line-3-alert': saved }, updatedAt: at })] as const,
    );
    await page.goto('/simulations/');
    await hydrated(page);
    const box = region(page);
    await expect(box.getByText('From an earlier version of this scenario: 1 run kept in your progress.', { exact: false })).toBeVisible();
    await expect(box.getByRole('heading', { name: /^Decision 1 of/ })).toBeVisible();
    await expect(box.getByText(`Endings found so far: 1 of ${scenario.endings.length} (Safe and stronger).`)).toBeVisible();
    await axe(page, 'earlier version');
    // Stored: the old run in the history, the current run restarted, the ending kept.
    await expect.poll(async () => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)) ?? '{}').scenarios?.['line-3-alert']).toEqual({
      path: [], endings: ['safe-and-stronger'], at, earlier: [{ path: saved.path, endings: [], at }],
    });
    // Playing on keeps the history; a reload still says so.
    await box.getByRole('button', { name: scenario.nodes[0]!.choices[0]!.text, exact: true }).click();
    await box.getByRole('button', { name: 'Continue' }).click();
    await page.reload();
    await hydrated(page);
    await expect(region(page).getByRole('heading', { name: /^Decision 2 of/ })).toBeVisible();
    await expect(region(page).getByText('From an earlier version of this scenario: 1 run kept in your progress.', { exact: false })).toBeVisible();
  });
});
