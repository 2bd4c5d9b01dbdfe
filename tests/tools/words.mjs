#!/usr/bin/env node
// `npm run words`: learner-facing words per lesson (prose and component text; not frontmatter, facilitator
// notes or code), the activities, and the estimated minutes the lesson page shows (src/lib/content/lesson-time.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lessonTime } from '../../src/lib/content/lesson-time.ts';

const dir = join(resolve(import.meta.dirname, '..', '..'), 'content', 'lessons');
const rows = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((file) => {
  const body = readFileSync(join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const t = lessonTime(body);
  const acts = Object.entries(t.activities).filter(([, n]) => n > 0).map(([k, n]) => `${k}×${n}`).join(' ');
  return { lesson: file.replace(/\.mdx$/, ''), words: t.words, reading: Math.round(t.readingMinutes), activities: t.activityMinutes, minutes: t.minutes, placed: acts };
});
console.table(rows);
const total = rows.reduce((s, r) => ({ words: s.words + r.words, minutes: s.minutes + r.minutes }), { words: 0, minutes: 0 });
console.log(`total: ${total.words} words, ${total.minutes} minutes`);
