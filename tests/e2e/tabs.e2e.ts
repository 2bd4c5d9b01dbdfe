import type { BrowserContext, Page } from '@playwright/test';
import { finishChecks, hydrated } from './content';
import { FIRST_LESSON, PROGRESS_KEY, SECOND_LESSON, expect, test } from './fixtures';

test('two tabs stay in sync and neither loses the other’s update', async ({ context, course }) => {
  const home = course.page;
  await course.home();
  await expect(course.progressText()).toHaveText(/^0 of/);

  const lessonTab = await context.newPage();
  await lessonTab.goto(FIRST_LESSON);
  // The home tab sees the visit at once: the lesson is in progress, the button offers to continue.
  await expect(home.getByText('In progress').first()).toBeVisible();
  await expect(course.primaryAction()).toHaveText(/^Continue: /);

  // A third tab, opened before the completion, later records its own bookmark.
  const staleTab = await context.newPage();
  await staleTab.goto(FIRST_LESSON);

  await finishChecks(lessonTab, 'leadership-in-the-plural');
  await lessonTab.getByRole('link', { name: /^Complete lesson and/ }).click();
  await expect(course.progressText()).toHaveText(/^1 of/);
  await expect(home.getByText('Completed').first()).toBeVisible();

  const section = staleTab.locator('[data-lesson] .prose h2[id]').nth(1);
  const id = await section.getAttribute('id');
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect
    .poll(async () => (await course.storedProgress(staleTab)) as { location?: { section?: string } } | null)
    .toMatchObject({ location: { section: id } });
  const stored = (await course.storedProgress(staleTab)) as { lessons: Record<string, { completedAt?: string }> };
  expect(stored.lessons['leadership-in-the-plural']?.completedAt).toBeTruthy();
  await expect(course.progressText()).toHaveText(/^1 of/);
});

test('a reset in one tab is not undone by another open tab', async ({ context, page, course }) => {
  await page.goto(FIRST_LESSON);
  const other = await context.newPage();
  await other.goto(SECOND_LESSON);
  await hydrated(other);
  const outline = other.getByRole('navigation', { name: 'Course outline' });
  await expect(outline.getByText('In progress')).toHaveCount(2);
  await page.goto('/progress/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(outline.getByText('In progress')).toHaveCount(0);
  // The other tab's next change starts from the reset progress.
  const note = other.getByRole('textbox', { name: /^Reflect / });
  await note.fill('After the reset');
  await note.blur();
  await expect(other.getByText('Saved in this browser.')).toBeVisible();
  const stored = (await course.storedProgress(other)) as Stored;
  expect(stored.lessons).toEqual({});
  expect(Object.values(stored.notes ?? {}).map((n) => n.text)).toEqual(['After the reset']);
  await page.reload();
  await expect(page.getByText(/^Completed: 0 of/)).toBeVisible();
});

/*
 * Two tabs changing progress close together, 100 interleaved rounds per case. Each round's changes
 * are made through the pages' own controls (input, blur and submit events on the islands, page
 * loads), in both tabs at a chosen instant of the shared clock; then the round's changes must all
 * be in storage. A change that is not there once the tabs have settled is lost: the tab that made
 * it has nothing left to write (it showed "Saved in this browser" and moved on).
 */
const ROUNDS = 100;
// The offline worker's precaching (the whole site, in the background) is not what these rounds are about.
test.use({ serviceWorkers: 'block' });

/** How long a round's changes may take to reach storage before they count as lost. */
const SETTLE_MS = 2_000;
const LIGHT_LESSONS = ['/lessons/leadership-in-the-plural/', '/lessons/delegation-done-well/', '/lessons/shared-leadership-in-teams/', '/lessons/power-accountability-and-limits/'];

interface Stored {
  lessons: Record<string, { visitedAt?: string }>;
  notes?: Record<string, { text: string }>;
  checks?: Record<string, unknown>;
}

type Move = { type: string } | { submit: string[] };

/**
 * At `time` (milliseconds of the clock both tabs share), the learner's move in the page, through
 * its own controls: types a note and leaves the field (which saves it at once), or checks answers.
 */
function at(page: Page, time: number, move: Move): Promise<void> {
  return page.evaluate(
    ([t, m]) => {
      // A busy wait of a few milliseconds, so that both tabs act at the same instant.
      while (Date.now() < t);
      if ('type' in m) {
        const field = document.querySelector<HTMLTextAreaElement>('textarea[id^="note-"]')!;
        field.value = m.type;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new FocusEvent('blur'));
      } else {
        for (const id of m.submit) document.querySelector<HTMLButtonElement>(`[data-check="${id}"] form button[type="submit"]`)!.click();
      }
    },
    [time, move] as const,
  );
}

type Kind = 'note' | 'check' | 'visit';

/** The round's items (`kind`, id and the value shown in the report) that are not in storage once the tabs have settled. */
async function missing(page: Page, kind: Kind, items: Record<string, string>): Promise<string[]> {
  const absent = ([key, k, want]: readonly [string, Kind, Record<string, string>]) => {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
    return Object.entries(want)
      .filter(([id, value]) => (k === 'note' ? stored?.notes?.[id]?.text !== value : k === 'check' ? !stored?.checks?.[id] : !stored?.lessons[id]?.visitedAt))
      .map(([id, value]) => `${id}: ${value}`);
  };
  const args = [PROGRESS_KEY, kind, items] as const;
  try {
    await page.waitForFunction(`(${absent.toString()})(${JSON.stringify(args)}).length === 0`, undefined, { timeout: SETTLE_MS });
    return [];
  } catch {
    return page.evaluate(absent, args);
  }
}

async function twoTabs(context: BrowserContext, first: string, second: string): Promise<[Page, Page]> {
  const a = await context.newPage();
  const b = await context.newPage();
  await Promise.all([a.goto(first), b.goto(second)]);
  await Promise.all([hydrated(a), hydrated(b)]);
  return [a, b];
}

/**
 * A page of the site that runs none of the course's code (and is never busy): it reads what is
 * stored, and clears the stored progress between rounds as another program would.
 */
async function observer(context: BrowserContext): Promise<{ watch: Page; clear: () => Promise<void> }> {
  const watch = await context.newPage();
  await watch.goto('/embed.js');
  return { watch, clear: () => watch.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY) };
}

for (const [name, spacing] of [
  ['notes typed in both tabs 150 ms apart', 150],
  ['notes saved in the same instant', 0],
] as const) {
  test(`${name}: no note is lost over ${ROUNDS} rounds`, async ({ context }) => {
    test.setTimeout(120_000);
    const [a, b] = await twoTabs(context, FIRST_LESSON, SECOND_LESSON);
    const { watch } = await observer(context);
    const ids = await Promise.all([a, b].map(async (tab) => (await tab.getByRole('textbox', { name: /^Reflect / }).getAttribute('id'))!.replace(/^note-/, '')));
    const lost: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const start = Date.now() + 15;
      await Promise.all([at(a, start, { type: `A-${round}` }), at(b, start + spacing, { type: `B-${round}` })]);
      lost.push(...(await missing(watch, 'note', { [ids[0]!]: `A-${round}`, [ids[1]!]: `B-${round}` })));
    }
    expect(lost, 'notes lost').toEqual([]);
    // After a reload each tab shows its last note.
    await Promise.all([a.reload(), b.reload()]);
    await expect(a.getByRole('textbox', { name: /^Reflect / })).toHaveValue(`A-${ROUNDS}`);
    await expect(b.getByRole('textbox', { name: /^Reflect / })).toHaveValue(`B-${ROUNDS}`);
  });
}

test(`checks answered in both tabs at once: no answer is lost over ${ROUNDS} rounds`, async ({ context }) => {
  test.setTimeout(120_000);
  const [a, b] = await twoTabs(context, FIRST_LESSON, SECOND_LESSON);
  const { watch, clear } = await observer(context);
  // The checks answered by choosing options (radios and checkboxes), in each tab.
  const choosable = (tab: Page) =>
    tab.evaluate(() => [...document.querySelectorAll('[data-check]')].filter((c) => c.querySelector('form input')).map((c) => (c as HTMLElement).dataset['check']!));
  const checks = await Promise.all([choosable(a), choosable(b)]);
  expect(checks[0]!.length + checks[1]!.length).toBeGreaterThan(3);
  const lost: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Each tab shows its checks unanswered again. A tab's merge of the round before may still be
    // on its way and put the answers back after the clearing (as it would after a program's): then clear again.
    for (let tries = 1; ; tries++) {
      await clear();
      try {
        await Promise.all([a, b].map((tab, i) => tab.waitForFunction((n) => document.querySelectorAll('[data-check] form button[type="submit"]').length >= n, checks[i]!.length, { timeout: 2_000 })));
        break;
      } catch (error) {
        if (tries === 5) throw error;
      }
    }
    // The learner chooses an option in each check.
    await Promise.all(
      [a, b].map(async (tab, i) => {
        await tab.evaluate((ids) => {
          for (const id of ids) (document.querySelector(`[data-check="${id}"] form input`) as HTMLInputElement).click();
        }, checks[i]!);
      }),
    );
    await Promise.all([a, b].map((tab, i) => tab.waitForFunction((ids) => ids.every((id) => document.querySelector<HTMLInputElement>(`[data-check="${id}"] form input`)!.checked), checks[i]!)));
    // Both tabs check their answers at the same instant.
    const start = Date.now() + 15;
    await Promise.all([at(a, start, { submit: checks[0]! }), at(b, start, { submit: checks[1]! })]);
    lost.push(...(await missing(watch, 'check', Object.fromEntries([...checks[0]!, ...checks[1]!].map((id) => [id, `round ${round}`])))));
  }
  expect(lost, 'answers lost').toEqual([]);
  await a.reload();
  await expect(a.locator('[data-check] .check__result')).toHaveCount(checks[0]!.length);
});

for (const [name, move, rounds] of [
  ['both tabs navigating at once', 'navigate', ROUNDS],
  // The same race as navigating; fewer rounds, since page loads are what takes time here.
  ['tabs restored at once', 'reload', 20],
] as const) {
  test(`${name}: no lesson visit is lost over ${rounds} rounds`, async ({ context }) => {
    test.setTimeout(120_000);
    const [a, b] = await twoTabs(context, LIGHT_LESSONS[0]!, LIGHT_LESSONS[1]!);
    const { watch, clear } = await observer(context);
    const lost: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Two different lessons each round, none of them the round before's (whose copy a tab that is
      // leaving may still write back after the clearing, as it would after a program's).
      const pair = round % 2 ? [LIGHT_LESSONS[0]!, LIGHT_LESSONS[1]!] : [LIGHT_LESSONS[2]!, LIGHT_LESSONS[3]!];
      const targets = move === 'reload' ? [a.url(), b.url()].map((u) => new URL(u).pathname) : (round >> 1) % 2 ? pair.reverse() : pair;
      await clear();
      // Both at the same moment, as the browser starts them (whatever the pages are still doing).
      await Promise.all([a, b].map((tab, i) => (move === 'reload' ? tab.reload({ waitUntil: 'commit' }) : tab.goto(targets[i]!, { waitUntil: 'commit' }))));
      lost.push(...(await missing(watch, 'visit', Object.fromEntries(targets.map((path) => [path.split('/').filter(Boolean).at(-1)!, `round ${round}`])))));
    }
    expect(lost, 'visits lost').toEqual([]);
    // The outline of a reloaded tab shows both lessons of the last round in progress.
    await a.reload();
    await expect(a.getByRole('navigation', { name: 'Course outline' }).getByText('In progress')).toHaveCount(2);
  });
}
