/**
 * The course as pages see it: one normalising step over the content collections that sorts the
 * lessons, links previous/next, and runs the cross-lesson checks of `lib/content/validate`.
 * A problem fails the build with the file and the field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { validateLessons } from '../lib/content/validate';
import { lessonUrl } from './url';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface CourseLesson {
  entry: LessonEntry;
  id: string;
  number: number;
  href: string;
  prev?: LessonEntry;
  next?: LessonEntry;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

function fileOf(entry: { id: string; filePath?: string | undefined }): string {
  return entry.filePath ?? entry.id;
}

let cached: Promise<CourseLesson[]> | undefined;

export function getLessons(): Promise<CourseLesson[]> {
  cached ??= loadLessons();
  return cached;
}

async function loadLessons(): Promise<CourseLesson[]> {
  const entries = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  const problems = validateLessons(
    entries.map((entry) => ({
      file: fileOf(entry),
      order: entry.data.order,
      objectiveIds: entry.data.objectives.map((o) => o.id),
      body: entry.body ?? '',
    })),
    {
      glossaryIds: new Set((await getCollection('glossary')).map((t) => t.id)),
      referenceIds: new Set((await getCollection('references')).map((r) => r.id)),
    },
  );
  if (problems.length > 0) {
    throw new ContentError(`The course content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return entries.map((entry, index) => {
    const lesson: CourseLesson = { entry, id: entry.id, number: index + 1, href: lessonUrl(entry.id) };
    const prev = entries[index - 1];
    const next = entries[index + 1];
    if (prev) lesson.prev = prev;
    if (next) lesson.next = next;
    return lesson;
  });
}

export async function getCourse() {
  const entries = await getCollection('course');
  const [course, ...extra] = entries;
  if (!course || extra.length > 0) {
    throw new ContentError('content/course.yaml: must hold exactly one course, keyed by its id.');
  }
  return { id: course.id, ...course.data };
}

export function totalMinutes(lessons: CourseLesson[]): number {
  return lessons.reduce((sum, l) => sum + l.entry.data.minutes, 0);
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}
