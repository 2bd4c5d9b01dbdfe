/**
 * The facilitator guide and the printable handouts: each handout loads, reads as a normal page on
 * screen, prints without the site's navigation and on the pages it promises, on A4 and on Letter;
 * the guide shows the agenda and every lesson's prompt; axe finds nothing in either colour scheme.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lessonSlugs } from './content';
import { keyTakeaways } from '../../src/lib/handouts';
import { HALF_DAY, HANDOUTS, LESSON_PROMPTS, type HandoutId } from '../../src/lib/workshop/agenda';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const content = join(import.meta.dirname, '..', '..', 'content');

/** Decisions across all scenarios: the scenario cards print one card per page. */
const decisions = readdirSync(join(content, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .reduce((n, f) => n + (yaml.load(readFileSync(join(content, 'scenarios', f), 'utf8')) as { nodes: unknown[] }).nodes.length, 0);
const lessons = lessonSlugs();
const lessonBodies = readdirSync(join(content, 'lessons')).filter((f) => f.endsWith('.mdx')).sort().map((f) => readFileSync(join(content, 'lessons', f), 'utf8'));
const diagnostic = (yaml.load(readFileSync(join(content, 'diagnostic.yaml'), 'utf8')) as {
  tdrd: { dimensions: { statements: { text: string }[] }[]; integrity: { flags: { text: string }[] } };
}).tdrd;

/** Printed pages per handout: exactly, or at most. */
const PAGES: Record<HandoutId, { exactly: number } | { atMost: number }> = {
  'lesson-summaries': { exactly: lessons.length },
  'comparison-table': { exactly: 1 },
  'scenario-cards': { exactly: decisions },
  'diagnostic-worksheet': { atMost: 3 },
  'delegation-agreement': { exactly: 1 },
  'action-plan': { exactly: 1 },
};

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Markdown emphasis as the page shows it: without the stars. */
const plain = (text: string) => text.replace(/\*/g, '');

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

test.describe('printable handouts', () => {
  for (const h of HANDOUTS) {
    const expected = PAGES[h.id];
    test(`${h.title}: loads as a page and prints on ${'exactly' in expected ? expected.exactly : `at most ${expected.atMost}`} page(s) of A4 and Letter`, async ({ page }) => {
      await page.goto(`/facilitator/handouts/${h.id}/`);
      await expect(page.getByRole('heading', { level: 1, name: h.title })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Facilitator', exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByText(/Use your browser’s Print command \(Ctrl\+P, or Cmd\+P on a Mac\)/)).toBeVisible();

      for (const format of ['A4', 'Letter'] as const) {
        const pages = pageCount(await page.pdf({ format, preferCSSPageSize: true, printBackground: true }));
        if ('exactly' in expected) expect(pages, format).toBe(expected.exactly);
        else {
          expect(pages, format).toBeGreaterThan(0);
          expect(pages, format).toBeLessThanOrEqual(expected.atMost);
        }
      }

      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
      await expect(page.getByRole('contentinfo')).toBeHidden();
      await expect(page.getByText(/Use your browser’s Print command/)).toBeHidden();
    });
  }

  test('lesson summaries: every lesson with its takeaways and its workshop prompt', async ({ page }) => {
    await page.goto('/facilitator/handouts/lesson-summaries/');
    for (const [i, slug] of lessons.entries()) {
      const sheet = page.getByRole('region', { name: new RegExp(`^Lesson ${i + 1}: `) });
      await expect(sheet.getByRole('heading', { name: 'Key takeaways' })).toBeVisible();
      const takeaways = keyTakeaways(lessonBodies[i]!);
      expect(takeaways.length, slug).toBeGreaterThan(0);
      for (const t of takeaways) await expect(sheet.getByText(plain(t))).toBeVisible();
      await expect(sheet.getByText(plain(LESSON_PROMPTS[slug]!))).toBeVisible();
    }
  });

  test('scenario cards: one per decision, with the moves lettered from A', async ({ page }) => {
    await page.goto('/facilitator/handouts/scenario-cards/');
    const cards = page.getByRole('region', { name: /, decision \d of \d: / });
    await expect(cards).toHaveCount(decisions);
    for (const card of await cards.all()) {
      const moves = card.getByRole('list', { name: 'Your moves' }).getByRole('listitem');
      await expect(moves.first()).toHaveText(/^A\./);
      expect(await moves.count()).toBeLessThanOrEqual(4);
    }
    await expect(page.getByText(/one card per page/)).toBeVisible();
  });

  test('diagnostic worksheet: the 24 statements and the red flags, each a row to tick', async ({ page }) => {
    await page.goto('/facilitator/handouts/diagnostic-worksheet/');
    const statements = diagnostic.dimensions.flatMap((d) => d.statements.map((s) => s.text));
    expect(statements).toHaveLength(24);
    for (const text of [...statements, ...diagnostic.integrity.flags.map((f) => f.text)]) {
      await expect(page.getByRole('rowheader', { name: text, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/Not a validated instrument/)).toBeVisible();
  });
});

test('the facilitator guide: the agenda, every lesson’s prompt, the cautions and the handouts', async ({ page }) => {
  await page.goto('/facilitator/');
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator guide' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Facilitator', exact: true })).toHaveAttribute('aria-current', 'page');

  const agenda = page.getByRole('table', { name: /^Half-day workshop agenda/ });
  await expect(agenda.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(9);
  await expect(agenda.getByRole('rowheader')).toHaveText(HALF_DAY.map((s) => s.title));
  await expect(agenda.getByRole('columnheader')).toHaveText(['Time', 'Segment', 'Goal', 'Activity', 'Discussion prompts', 'Materials']);
  await expect(page.getByRole('table', { name: /^Full-day workshop agenda/ })).toBeVisible();

  expect(lessons).toHaveLength(Object.keys(LESSON_PROMPTS).length);
  for (const [i, slug] of lessons.entries()) {
    const section = page.getByRole('region', { name: new RegExp(`^Lesson ${i + 1}: `) });
    await expect(section.getByRole('blockquote')).toHaveText(plain(LESSON_PROMPTS[slug]!));
    await expect(section.getByRole('heading', { name: 'Facilitator notes' })).toBeVisible();
  }

  const cautions = page.getByRole('region', { name: 'Facilitator cautions' });
  await expect(cautions.getByText(/could not be traced/)).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/71\s*%/);

  for (const h of HANDOUTS) {
    await expect(page.getByRole('link', { name: h.title, exact: true })).toHaveAttribute('href', `/facilitator/handouts/${h.id}/`);
  }
  // The place another part of the course fills with the trainer-mode switch.
  await expect(page.locator('#trainer-mode-toggle')).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe on the facilitator pages, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const path of ['/facilitator/', ...HANDOUTS.map((h) => `/facilitator/handouts/${h.id}/`)]) {
      test(`${path} has no violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      });
    }
  });
}
