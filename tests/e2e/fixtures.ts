/**
 * Shared fixtures: a `course` page object for the learner's common moves, and the built pages
 * (read from dist/, so "every page" means every page the build wrote).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { finishArtefacts, finishChecks } from './content';

export const PROGRESS_KEY = 'leading-together:v1:progress';
export const FIRST_LESSON = '/lessons/leadership-in-the-plural/';
export const FIRST_LESSON_TITLE = 'Leadership in the plural';
export const SECOND_LESSON = '/lessons/delegation-done-well/';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Every page of the build, as a path: `/`, `/glossary/`, … and `/404.html`. */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('_')) walk(full);
      } else if (name === 'index.html') {
        pages.push(`/${relative(dist, dir).split('\\').join('/')}${dir === dist ? '' : '/'}`);
      } else if (name === '404.html') {
        pages.push('/404.html');
      }
    }
  };
  walk(dist);
  return pages.sort();
}

export class Course {
  constructor(readonly page: Page) {}

  async home() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
  }

  primaryAction() {
    return this.page.getByRole('link', { name: /^(Start the course|Continue: .+)$/ });
  }

  progressText() {
    return this.page.getByText(/\d+ of \d+ lessons? completed/);
  }

  async storedProgress(page: Page = this.page): Promise<unknown> {
    const raw = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
    return raw === null ? null : JSON.parse(raw);
  }

  /**
   * Finishes the lesson's knowledge checks and artefacts, then presses the end-of-lesson button, with the
   * keyboard, as a learner would after reading.
   */
  async completeLesson() {
    const slug = new URL(this.page.url()).pathname.split('/').filter(Boolean).at(-1) ?? '';
    await finishChecks(this.page, slug);
    await finishArtefacts(this.page, slug);
    const button = this.page.getByRole('link', { name: /^Complete lesson and/ });
    const here = new URL(this.page.url()).pathname;
    await button.focus();
    await Promise.all([this.page.waitForURL((url) => url.pathname !== here), this.page.keyboard.press('Enter')]);
  }
}

export const test = base.extend<{ course: Course; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  course: async ({ page }, use) => {
    await use(new Course(page));
  },
});

export { expect };
