/**
 * Reading and writing saved progress. `decode` never throws: whatever is stored (nothing,
 * corrupted text, another app's data, a newer version) it returns a usable progress and the
 * problems it found, keeping every part it could validate.
 */
import { migrate, migrations as defaultMigrations, type MigrationTable } from './migrations';
import {
  PROGRESS_VERSION,
  emptyProgress,
  type CourseFacts,
  type LessonProgress,
  type Location,
  type Problem,
  type Progress,
} from './types';

export interface Decoded {
  progress: Progress;
  problems: Problem[];
}

const SECTION_ID = /^[A-Za-z0-9_-]{1,120}$/;

export function encode(progress: Progress): string {
  return JSON.stringify(progress);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

/** Decodes stored text. */
export function decode(
  raw: string | null | undefined,
  facts: CourseFacts,
  table: MigrationTable = defaultMigrations,
): Decoded {
  if (raw === null || raw === undefined || raw === '') return { progress: emptyProgress(), problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      progress: emptyProgress(),
      problems: [{ code: 'not-json', message: 'The saved progress was damaged and could not be read.' }],
    };
  }
  return fromData(parsed, facts, table);
}

/** Validates already-parsed data (from storage, an import or an LMS) into the current shape. */
export function fromData(
  parsed: unknown,
  facts: CourseFacts,
  table: MigrationTable = defaultMigrations,
): Decoded {
  const problems: Problem[] = [];
  if (!isRecord(parsed)) {
    return {
      progress: emptyProgress(),
      problems: [{ code: 'wrong-shape', message: 'The saved data is not progress from this course.' }],
    };
  }
  let data: Record<string, unknown> = parsed;
  const migrated = migrate(parsed, PROGRESS_VERSION, table);
  if (migrated.ok) {
    data = migrated.data;
  } else if (migrated.reason === 'future-version') {
    problems.push({
      code: 'future-version',
      message: `The saved progress comes from a newer version of the course (data version ${migrated.version}); only the parts this version understands were kept.`,
    });
  } else if (!isRecord(parsed['lessons'])) {
    return {
      progress: emptyProgress(),
      problems: [{ code: 'wrong-shape', message: 'The saved data is not progress from this course.' }],
    };
  } else {
    problems.push({
      code: 'unknown-version',
      message: 'The saved progress has no version this course knows; the parts that look right were kept.',
    });
  }
  return { progress: sanitise(data, facts, problems), problems };
}

function sanitise(data: Record<string, unknown>, facts: CourseFacts, problems: Problem[]): Progress {
  const known = new Set(facts.lessonIds);
  const progress = emptyProgress();
  const lessons = data['lessons'];
  if (lessons !== undefined && !isRecord(lessons)) {
    problems.push({ code: 'invalid-field', message: 'The list of lessons in the saved progress was unreadable.' });
  }
  const unknown: string[] = [];
  if (isRecord(lessons)) {
    for (const [id, entry] of Object.entries(lessons)) {
      if (!known.has(id)) {
        unknown.push(id);
        continue;
      }
      const lesson = sanitiseLesson(entry);
      if (!lesson) {
        problems.push({ code: 'invalid-field', message: `The saved state of lesson “${id}” was unreadable.` });
        continue;
      }
      progress.lessons[id] = lesson;
    }
  }
  if (unknown.length > 0) {
    problems.push({
      code: 'unknown-lesson',
      message: `The saved progress mentions ${unknown.length === 1 ? 'a lesson' : 'lessons'} this course does not have (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}); ${unknown.length === 1 ? 'it was' : 'they were'} left out.`,
    });
  }
  const location = sanitiseLocation(data['location'], known);
  if (location) progress.location = location;
  else if (data['location'] !== undefined) {
    problems.push({ code: 'invalid-field', message: 'The saved bookmark was unreadable; the course starts from the lesson list.' });
  }
  if (isTimestamp(data['updatedAt'])) progress.updatedAt = data['updatedAt'];
  return progress;
}

function sanitiseLesson(entry: unknown): LessonProgress | undefined {
  if (!isRecord(entry)) return undefined;
  const lesson: LessonProgress = {};
  if (isTimestamp(entry['visitedAt'])) lesson.visitedAt = entry['visitedAt'];
  if (isTimestamp(entry['completedAt'])) lesson.completedAt = entry['completedAt'];
  if (!lesson.visitedAt && !lesson.completedAt) return undefined;
  return lesson;
}

function sanitiseLocation(value: unknown, known: Set<string>): Location | undefined {
  if (!isRecord(value)) return undefined;
  const { lesson, section, at } = value;
  if (typeof lesson !== 'string' || !known.has(lesson) || !isTimestamp(at)) return undefined;
  const location: Location = { lesson, at };
  if (typeof section === 'string' && SECTION_ID.test(section)) location.section = section;
  return location;
}
