import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lessonTime } from '../../src/lib/content/lesson-time';
import { expect, test } from './fixtures';

// Each lesson's time is computed from its words and activities, and the home page and the lesson page show it.
const dir = join(resolve(import.meta.dirname, '..', '..'), 'content', 'lessons');
const lessons = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((file) => {
  const body = readFileSync(join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  return { slug: file.replace(/^\d+-|\.mdx$/g, ''), minutes: lessonTime(body).minutes };
});
const shown = (m: number) => (m < 60 ? `${m} minutes` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`);

test('every lesson page and card shows the computed time; the last lesson is far longer than 30 minutes', async ({ page }) => {
  await page.goto('/');
  const cards = page.locator('.lesson-card');
  await expect(cards).toHaveCount(lessons.length);
  for (const [i, l] of lessons.entries()) await expect(cards.nth(i)).toContainText(shown(l.minutes));
  for (const [i, l] of lessons.entries()) {
    await page.goto(`/lessons/${l.slug}/`);
    await expect(page.getByText(`Lesson ${i + 1} of ${lessons.length} · ${shown(l.minutes)}`)).toBeVisible();
  }
  const last = lessons.at(-1)!;
  expect(last.minutes).toBeGreaterThan(45);
  await expect(page.getByText(/ · 30 minutes$/)).toHaveCount(0);
});
