/**
 * The projector view, keyboard only: a room plays "Line 3 Alert" with votes at each decision,
 * through a tie, a reload and an override, to an ending with the session summary and its export;
 * a lesson's knowledge checks with votes and "Reveal answer"; a new session after a confirmation.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import yaml from 'js-yaml';
import type { Locator, Page } from '@playwright/test';
import { correctAnswerText } from '../../src/lib/questions/grade';
import { replay } from '../../src/lib/scenario/engine';
import { scenarioSchema } from '../../src/schemas/scenario';
import { checkIdsOf, question } from './content';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WORKSHOP_KEY = 'leading-together:v1:workshop';
const scenario = scenarioSchema.parse(yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'scenarios', 'line-3-alert.yaml'), 'utf8')));
const [a1, a2, a3] = scenario.nodes;
const ROOMS_CHOICE = /^Continue with the room’s choice$/;
/** A decision's title as the summary ends it: with a full stop unless it has its own. */
const ended = (title: string) => (/[.?!]$/.test(title) ? title : `${title}.`);

async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), state).toEqual([]);
}

/** Focuses a control and presses a key on it: what a keyboard user does after tabbing to it. */
async function press(page: Page, control: Locator, key = 'Enter') {
  await control.focus();
  await page.keyboard.press(key);
}

/**
 * Enters the room's votes with the keyboard: the shortcut "1" goes to the votes for A (focus must
 * not be in a box), Tab to the next box.
 */
async function enterTally(page: Page, counts: number[]) {
  await page.keyboard.press('1');
  await expect(page.getByLabel('Votes for A')).toBeFocused();
  for (const [i, count] of counts.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await expect(page.getByLabel(`Votes for ${'ABCD'[i]}`)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(count));
  }
}

test.describe('projector view, keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/facilitator/projector/');
    await expect(page.getByRole('heading', { level: 1, name: 'Projector view' })).toBeVisible();
    // The server-rendered menu looks the same before hydration; a key pressed before it would be lost.
    await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  });

  test('a room plays Line 3 Alert: tallies, a tie, a reload, an override, the summary and its export', async ({ page, pageErrors }) => {
    await expect(page.getByText('Shortcuts do nothing while you type in a box')).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Play “Line 3 Alert”' }));
    await expect(page.getByRole('heading', { name: `Decision 1 of 3: ${a1!.title}` })).toBeFocused();
    for (const c of a1!.choices) await expect(page.getByText(c.text, { exact: true })).toBeVisible();

    // Decision 1: 3, 7, 2, 1. The bars carry the numbers, in text and in the chart's name.
    await enterTally(page, [3, 7, 2, 1]);
    const chart = page.getByRole('img', { name: 'Votes: A 3, B 7, C 2, D 1; 13 in all.' });
    await expect(chart).toBeVisible();
    for (const n of ['3', '7', '2', '1']) await expect(chart.getByText(n, { exact: true })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Most votes: B, with 7 of 13.' })).toBeVisible();
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Votes: A 3, B 7, C 2, D 1. Most votes: B, with 7 of 13.' })).toHaveCount(1);
    await axe(page, 'decision with a tally');

    // Tab leaves the last box for the button; the room's choice is B.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: ROOMS_CHOICE })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'What happened' })).toBeFocused();
    await expect(page.getByText(`The room continued with B: ${a1!.choices[1]!.text}`)).toBeVisible();
    await expect(page.getByText(a1!.choices[1]!.consequence)).toBeVisible();
    await expect(page.getByText(/^(Meters: .+|No meter changed\.)$/)).toBeVisible();
    // N goes on.
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: `Decision 2 of 3: ${a2!.title}` })).toBeFocused();

    // Decision 2: a tie. The room has no choice, and the page says why.
    await enterTally(page, [4, 4, 1, 0]);
    const roomsChoice = page.getByRole('button', { name: ROOMS_CHOICE });
    await expect(roomsChoice).toBeDisabled();
    const why = 'Tie: A and B have 4 votes each, out of 9. There is no room’s choice: choose one of the tied moves with “Continue with another choice”.';
    await expect(page.getByText(why)).toBeVisible();
    await expect(roomsChoice).toHaveAccessibleDescription(why);
    // Typing in a box is never a shortcut: N and → do nothing there.
    await page.keyboard.press('n');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: /^Decision 2 of 3/ })).toBeVisible();
    await expect(page.getByLabel('Votes for D')).toBeFocused();

    // A reload resumes at the same decision with the same votes.
    await page.reload();
    await expect(page.getByRole('heading', { name: `Decision 2 of 3: ${a2!.title}` })).toBeVisible();
    await expect(page.getByLabel('Votes for A')).toHaveValue('4');
    await expect(page.getByLabel('Votes for B')).toHaveValue('4');
    await expect(page.getByLabel('Votes for C')).toHaveValue('1');
    await expect(page.getByRole('button', { name: ROOMS_CHOICE })).toBeDisabled();
    // N on a tie does not continue.
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: /^Decision 2 of 3/ })).toBeVisible();

    // One more vote for B breaks the tie; N (outside a box) continues with the room's choice.
    await page.keyboard.press('2');
    await expect(page.getByLabel('Votes for B')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await expect(page.getByRole('figure', { name: 'Most votes: B, with 5 of 10.' })).toBeVisible();
    await press(page, page.getByRole('heading', { name: /^Decision 2 of 3/ }), 'n');
    await expect(page.getByRole('heading', { name: 'What happened' })).toBeFocused();
    await page.keyboard.press('ArrowRight');

    // Decision 3: the trainer overrides the majority (C) with A.
    await expect(page.getByRole('heading', { name: `Decision 3 of 3: ${a3!.title}` })).toBeFocused();
    await enterTally(page, [1, 2, 6, 0]);
    await press(page, page.getByRole('button', { name: 'Continue with another choice' }));
    await expect(page.getByRole('button', { name: 'Continue with another choice' })).toHaveAttribute('aria-expanded', 'true');
    await press(page, page.getByRole('button', { name: 'Continue with A', exact: true }));
    await expect(page.getByText(`The room continued with A (the trainer’s choice): ${a3!.choices[0]!.text}`)).toBeVisible();
    await press(page, page.getByRole('button', { name: 'See how it ended' }));

    // The ending, and the session summary: the room's choices, the tallies, the override.
    const path = [a1!.choices[1]!.id, a2!.choices[1]!.id, a3!.choices[0]!.id];
    const ending = scenario.endings.find((e) => e.id === replay(scenario, path).ending)!;
    await expect(page.getByRole('heading', { name: `Ending: ${ending.title}` })).toBeFocused();
    const summary = page.getByRole('region', { name: 'Session summary' });
    await expect(summary.getByText(`Ending: ${ending.title}.`)).toBeVisible();
    await expect(summary.getByText(`Decision 1: ${ended(a1!.title)} Continued with B (7 votes of 13): the room’s choice (most votes).`)).toBeVisible();
    await expect(summary.getByText(`Decision 2: ${ended(a2!.title)} Continued with B (5 votes of 10): the room’s choice (most votes).`)).toBeVisible();
    await expect(summary.getByText(`Decision 3: ${ended(a3!.title)} Continued with A (1 vote of 9): the trainer’s choice, overriding the majority (C). Override`)).toBeVisible();
    await expect(summary.getByText(`B. ${a1!.choices[1]!.text} 7 votes (the room continued with this)`)).toBeVisible();
    await expect(summary.getByText(`A. ${a1!.choices[0]!.text} 3 votes`)).toBeVisible();
    await expect(summary.getByText(`C. ${a3!.choices[2]!.text} 6 votes`)).toBeVisible();
    await axe(page, 'ending with the session summary');

    const [md] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Export summary (Markdown)' }))]);
    expect(md.suggestedFilename()).toMatch(/^leading-together-workshop-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await md.path())!, 'utf8');
    expect(markdown).toContain('## Run 1: Line 3 Alert');
    expect(markdown).toContain(`| A. ${a1!.choices[0]!.text} | 3 | |`);
    expect(markdown).toContain(`| B. ${a1!.choices[1]!.text} | 7 | continued with this |`);
    expect(markdown).toContain(`| C. ${a1!.choices[2]!.text} | 2 | |`);
    expect(markdown).toContain(`| D. ${a1!.choices[3]!.text} | 1 | |`);
    expect(markdown).toContain('overriding the majority (C). **Override.**');
    expect(markdown).toContain(`**Ending:** ${ending.title}.`);
    await expect(page.getByText(/The session summary was exported as leading-together-workshop-.+\.md\./)).toBeVisible();

    const [csv] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Export (CSV)' }))]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
    expect(rows[0]).toBe('kind,run,title,number,item,option,option_text,votes,total_votes,chosen,decided_by,overridden,correct,ending');
    expect(rows).toHaveLength(1 + 4 + 4 + 4);
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

    // What is stored is the session, under the workshop's own key.
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), WORKSHOP_KEY)) ?? 'null');
    expect(stored.runs[0].decisions.map((d: { choice: string }) => d.choice)).toEqual(path);
    expect(stored.runs[0].decisions[0].votes).toEqual({ [a1!.choices[0]!.id]: 3, [a1!.choices[1]!.id]: 7, [a1!.choices[2]!.id]: 2, [a1!.choices[3]!.id]: 1 });

    // A reload shows the same ending and summary.
    await page.reload();
    await expect(page.getByRole('heading', { name: `Ending: ${ending.title}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Session summary' }).getByText(/^Decision 1: .+ Continued with B \(7 votes of 13\)/)).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('a box that is not a whole number says so, and the tally keeps the last good count', async ({ page }) => {
    await press(page, page.getByRole('button', { name: 'Play “Line 3 Alert”' }));
    await expect(page.getByRole('heading', { name: /^Decision 1 of 3/ })).toBeFocused();
    await enterTally(page, [3]);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('-2');
    const box = page.getByLabel('Votes for A');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription('Enter a whole number of votes: 0 or more.');
    await expect(page.getByRole('img', { name: 'Votes: A 3, B 0, C 0, D 0; 3 in all.' })).toBeVisible();
    await axe(page, 'a vote box with an error');
  });

  test('knowledge checks: votes per option, then "Reveal answer" shows the answer and why', async ({ page }) => {
    const ids = checkIdsOf('leadership-in-the-plural');
    const first = question(ids[0]!);
    if (first.kind === 'classify') throw new Error('the test expects a first check with options');
    await press(page, page.getByRole('button', { name: `Lesson 1: Leadership in the plural (${ids.length} questions)` }));
    await expect(page.getByRole('heading', { name: `Question 1 of ${ids.length}` })).toBeFocused();
    await expect(page.getByText(first.prompt.trim(), { exact: true })).toBeVisible();
    const counts = first.options.map((_, i) => i + 1);
    await page.keyboard.press('1');
    for (const [i, count] of counts.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(String(count));
    }
    const tally = first.options.map((_, i) => `${'ABCDEFGH'[i]} ${counts[i]}`).join(', ');
    await expect(page.getByRole('img', { name: `Votes: ${tally}; ${counts.reduce((a, b) => a + b, 0)} in all.` })).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Reveal answer' }));
    const answer = page.getByRole('heading', { name: 'The answer' });
    await expect(answer).toBeVisible();
    for (const text of correctAnswerText(first)) await expect(page.getByRole('listitem').filter({ hasText: text }).first()).toBeVisible();
    await expect(page.getByText(first.explanation.trim())).toBeVisible();
    await axe(page, 'a knowledge check with the answer revealed');

    // N moves to the next question; the reveal and the votes are kept.
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: `Question 2 of ${ids.length}` })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('heading', { name: `Question 2 of ${ids.length}` })).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Previous question' }));
    await expect(page.getByRole('heading', { name: 'The answer' })).toBeVisible();
    await expect(page.getByLabel('Votes for A')).toHaveValue('1');
  });

  test('"New session" clears the session only after a confirmation', async ({ page }) => {
    await press(page, page.getByRole('button', { name: 'Play “Line 3 Alert”' }));
    await expect(page.getByRole('heading', { name: /^Decision 1 of 3/ })).toBeFocused();
    await enterTally(page, [1, 2]);
    await press(page, page.getByRole('button', { name: 'New session…' }));
    await expect(page.getByRole('group', { name: 'Clear this session: every run, vote and answer shown?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'New session…' })).toBeFocused();
    await expect(page.getByLabel('Votes for B')).toHaveValue('2');

    await press(page, page.getByRole('button', { name: 'New session…' }));
    // Opening the confirmation moves focus to Cancel: a person reads it there before moving on.
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await press(page, page.getByRole('button', { name: 'Yes, start a new session' }));
    await expect(page.getByRole('heading', { name: 'Choose what to project' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Runs in this session' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Choose what to project' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New session…' })).toHaveCount(0);
  });

  test('votes typed in two boxes in the same moment are both kept', async ({ page }) => {
    await press(page, page.getByRole('button', { name: 'Play “Line 3 Alert”' }));
    await expect(page.getByRole('heading', { name: /^Decision 1 of 3/ })).toBeFocused();
    // Both boxes change in one task: the second comes before the store's re-render.
    await page.getByLabel('Votes for A').evaluate((a) => {
      const b = a.closest('ul')!.querySelectorAll<HTMLInputElement>('input')[1]!;
      for (const [box, value] of [[a as HTMLInputElement, '3'], [b, '4']] as const) {
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await expect(page.getByRole('img', { name: 'Votes: A 3, B 4, C 0, D 0; 7 in all.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Votes for A')).toHaveValue('3');
    await expect(page.getByLabel('Votes for B')).toHaveValue('4');
  });

  test('a damaged saved session does not break the page', async ({ page, pageErrors }) => {
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"runs":[{"id"'), WORKSHOP_KEY);
    await page.reload();
    await expect(page.getByText('The saved workshop session was damaged and could not be read.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Choose what to project' })).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Play “Line 3 Alert”' }));
    await expect(page.getByRole('heading', { name: /^Decision 1 of 3/ })).toBeFocused();
    expect(pageErrors).toEqual([]);
  });
});
