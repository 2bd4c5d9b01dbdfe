/**
 * The course content as the tests need it: questions read from content/questions/*.yaml, so that
 * a test can answer any check right or wrong the way a learner would, with the keyboard.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { expect, type Frame, type Keyboard, type Locator, type Page } from '@playwright/test';
import type { Question } from '../../src/schemas/question';

const dir = join(import.meta.dirname, '..', '..', 'content', 'questions');

export const questions: Question[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => (yaml.load(readFileSync(join(dir, f), 'utf8')) as { questions: Question[] }).questions)
  .map((q) => ({ ...q, attempts: (q as { attempts?: number }).attempts ?? 2 }) as Question);

export function question(id: string): Question {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** The question whose prompt the text contains (the longest such, so that a prompt that is part of another never wins). */
export function byPrompt(text: string): Question {
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
  const found = questions.filter((x) => normal(text).includes(normal(x.prompt))).sort((a, b) => b.prompt.length - a.prompt.length);
  if (!found[0]) throw new Error(`no question with prompt ${text}`);
  return found[0];
}

/**
 * Waits until the page's client:load islands have hydrated: an answer given before that is the
 * browser's alone, and the island starts from what was saved.
 */
export async function hydrated(page: Page | Frame) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="load"]'));
}

/** A page, or a frame in one (a course inside an LMS). */
export type Surface = Page | Frame;

function keyboard(surface: Surface): Keyboard {
  return 'keyboard' in surface ? surface.keyboard : surface.page().keyboard;
}

/** Focus a control and operate it from the keyboard only. */
async function press(page: Surface, control: Locator, key: string) {
  await control.focus();
  await keyboard(page).press(key);
}

/**
 * Answers a question inside `scope` with the keyboard: right, or wrong (a plausible wrong answer:
 * the first wrong option, or every item in a wrong category).
 */
export async function answer(page: Surface, scope: Locator, q: Question, right: boolean) {
  await hydrated(page);
  // The island holding this question has hydrated: `hydrated` may have looked at the page before a
  // navigation that was still under way (a link clicked in an LMS frame).
  await expect.poll(() => scope.evaluate((el) => !el.closest('astro-island')?.hasAttribute('ssr'))).toBe(true);
  if (q.kind === 'single') {
    const option = q.options.find((o) => o.correct === right)!;
    const radio = scope.getByRole('radio', { name: option.text, exact: true });
    await press(page, radio, 'Space');
    await expect(radio).toBeChecked();
  } else if (q.kind === 'multiple') {
    // Clear what is ticked, then tick the right set (or only the wrong options).
    for (const o of q.options) {
      const box = scope.getByRole('checkbox', { name: o.text, exact: true });
      const want = right ? o.correct : !o.correct;
      if ((await box.isChecked()) !== want) await press(page, box, 'Space');
      await expect(box).toBeChecked({ checked: want });
    }
  } else {
    for (const item of q.items) {
      const target = right ? item.category : q.categories.find((c) => c.id !== item.category)!.id;
      const label = q.categories.find((c) => c.id === target)!.label;
      const select = scope.getByRole('combobox', { name: item.text, exact: true });
      // Arrow keys, as a learner would: type-ahead depends on the time between keys.
      const [from, to] = await select.evaluate(
        (el, wanted) => {
          const s = el as HTMLSelectElement;
          return [s.selectedIndex, [...s.options].findIndex((o) => o.text.trim() === wanted)] as const;
        },
        label,
      );
      expect(to, `option ${label}`).toBeGreaterThanOrEqual(0);
      await select.focus();
      for (let i = 0; i < Math.abs(to - from); i++) await keyboard(page).press(to > from ? 'ArrowDown' : 'ArrowUp');
      await expect(select.locator('option:checked')).toHaveText(label);
    }
  }
}

/** The knowledge check on a lesson page, by its position. */
export function checkForm(page: Surface, number: number): Locator {
  return page.getByRole('form', { name: new RegExp(`^Knowledge check ${number}\\b`) });
}

/** Answers every knowledge check on the current lesson page correctly, by keyboard. */
export async function finishChecks(page: Surface, lessonSlug: string) {
  const ids = checkIdsOf(lessonSlug);
  for (const [i, id] of ids.entries()) {
    const form = checkForm(page, i + 1);
    await answer(page, form, question(id), true);
    await press(page, form.getByRole('button', { name: 'Check answer' }), 'Enter');
    await form.getByRole('group', { name: /^Correct\./ }).waitFor();
  }
}

/** `<Check id>`s of a lesson, in page order, from its MDX. */
export function checkIdsOf(lessonSlug: string): string[] {
  const lessons = join(import.meta.dirname, '..', '..', 'content', 'lessons');
  const file = readdirSync(lessons).find((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, '') === lessonSlug);
  if (!file) throw new Error(`no lesson ${lessonSlug}`);
  return [...readFileSync(join(lessons, file), 'utf8').matchAll(/<Check\s+id="([^"]+)"/g)].map((m) => m[1]!);
}

export function lessonSlugs(): string[] {
  const lessons = join(import.meta.dirname, '..', '..', 'content', 'lessons');
  return readdirSync(lessons).filter((f) => f.endsWith('.mdx')).sort().map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
}

/** An artefact (content/artefacts/<id>.yaml) as the tests need it. */
export interface ArtefactContent {
  id: string;
  title: string;
  lesson: string;
  fields: { id: string; label: string; optional?: boolean }[];
  exemplar: { setting: string; values: Record<string, string> };
  rubric: { id: string; text: string }[];
}

export const artefacts: ArtefactContent[] = readdirSync(join(import.meta.dirname, '..', '..', 'content', 'artefacts'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'artefacts', f), 'utf8')) as Omit<ArtefactContent, 'id'>) }));

/** The builder of an artefact on its lesson page, hydrated (it hydrates when scrolled into view). */
export async function artefactForm(page: Surface, a: ArtefactContent): Promise<Locator> {
  const form = page.getByRole('form', { name: `${a.title}: your draft` });
  await form.scrollIntoViewIfNeeded();
  await expect.poll(() => form.evaluate((el) => !el.closest('astro-island')?.hasAttribute('ssr'))).toBe(true);
  return form;
}

/**
 * Writes every part of the artefact (`text(field)`) and self-assesses every criterion (the first
 * rating, then an arrow key for `partly` on the second), by keyboard, and saves.
 */
export async function fillArtefact(page: Surface, a: ArtefactContent, text: (field: string) => string = (f) => `Our ${f}`) {
  const form = await artefactForm(page, a);
  for (const [i, f] of a.fields.entries()) {
    const box = form.getByRole('textbox', { name: `${i + 1}. ${f.label}${f.optional ? ' (optional)' : ''}`, exact: true });
    await box.focus();
    await keyboard(page).press('ControlOrMeta+a');
    await keyboard(page).type(text(f.id));
  }
  for (const [i, c] of a.rubric.entries()) {
    const group = form.getByRole('group', { name: c.text, exact: true });
    await press(page, group.getByRole('radio', { name: 'Yes', exact: true }), 'Space');
    if (i === 1) await keyboard(page).press('ArrowRight');
    await expect(group.getByRole('radio', { name: i === 1 ? 'Partly' : 'Yes', exact: true })).toBeChecked();
  }
  await press(page, form.getByRole('button', { name: 'Save my draft' }), 'Enter');
  await expect(form.getByRole('status')).toHaveText('Saved in this browser. Every part is written and checked against the rubric.');
  return form;
}

/** Fills and saves the artefacts of the current lesson page, if it has any. */
export async function finishArtefacts(page: Surface, lessonSlug: string) {
  for (const a of artefacts.filter((x) => x.lesson === lessonSlug)) await fillArtefact(page, a);
}
