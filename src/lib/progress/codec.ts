/**
 * Reading and writing saved progress. `decode` never throws: whatever is stored (nothing,
 * corrupted text, another app's data, a newer version) it returns a usable progress and the
 * problems it found, keeping every part it could validate.
 */
import { migrate, migrations as defaultMigrations, type MigrationTable } from './migrations';
import {
  KEEP_ASSESSMENTS,
  KEEP_DIAGNOSTICS,
  PROGRESS_VERSION,
  emptyProgress,
  type AssessmentAttempt,
  type CheckState,
  type CourseFacts,
  type DiagnosticResult,
  type LessonProgress,
  type Location,
  type Note,
  type Problem,
  type Progress,
  type Response,
} from './types';

export interface Decoded {
  progress: Progress;
  problems: Problem[];
}

const SECTION_ID = /^[A-Za-z0-9_-]{1,120}$/;
const ID = /^[A-Za-z0-9_-]{1,80}$/;
/** Longest reflection kept, in characters. */
export const MAX_NOTE_LENGTH = 5000;

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
  const invalid: string[] = [];
  const checks = sanitiseRecord(data['checks'], sanitiseCheck, 'checks', invalid);
  if (checks) progress.checks = checks;
  const notes = sanitiseRecord(data['notes'], sanitiseNote, 'notes', invalid);
  if (notes) progress.notes = notes;
  const diagnostics = sanitiseList(data['diagnostics'], sanitiseDiagnostic, KEEP_DIAGNOSTICS, 'diagnostics', invalid);
  if (diagnostics) progress.diagnostics = diagnostics;
  const assessments = sanitiseList(data['assessments'], sanitiseAttempt, KEEP_ASSESSMENTS, 'assessments', invalid);
  if (assessments) progress.assessments = assessments;
  if (data['learnerName'] !== undefined) {
    const name = sanitiseNote(data['learnerName']);
    if (name) progress.learnerName = { text: name.text.slice(0, 120), at: name.at };
    else invalid.push('learnerName');
  }
  if (invalid.length > 0) {
    problems.push({
      code: 'invalid-field',
      message: `Some saved answers or notes were unreadable and were left out (${[...new Set(invalid)].join(', ')}).`,
    });
  }
  if (isTimestamp(data['updatedAt'])) progress.updatedAt = data['updatedAt'];
  return progress;
}

function sanitiseRecord<T>(
  value: unknown,
  item: (entry: unknown) => T | undefined,
  field: string,
  invalid: string[],
): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    invalid.push(field);
    return undefined;
  }
  const out: Record<string, T> = {};
  for (const [id, entry] of Object.entries(value)) {
    const clean = ID.test(id) ? item(entry) : undefined;
    if (clean === undefined) invalid.push(`${field}.${ID.test(id) ? id : '?'}`);
    else out[id] = clean;
  }
  return out;
}

function sanitiseList<T>(
  value: unknown,
  item: (entry: unknown) => T | undefined,
  keep: number,
  field: string,
  invalid: string[],
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    invalid.push(field);
    return undefined;
  }
  const out: T[] = [];
  value.forEach((entry, i) => {
    const clean = item(entry);
    if (clean === undefined) invalid.push(`${field}[${i}]`);
    else out.push(clean);
  });
  return out.slice(-keep);
}

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

export function sanitiseResponse(value: unknown): Response | undefined {
  if (!isRecord(value)) return undefined;
  switch (value['kind']) {
    case 'single':
      return isId(value['choice']) ? { kind: 'single', choice: value['choice'] } : undefined;
    case 'multiple': {
      const choices = value['choices'];
      return Array.isArray(choices) && choices.length <= 20 && choices.every(isId)
        ? { kind: 'multiple', choices: [...new Set(choices as string[])] }
        : undefined;
    }
    case 'classify': {
      const placements = value['placements'];
      if (!isRecord(placements)) return undefined;
      const entries = Object.entries(placements);
      if (entries.length > 20 || !entries.every(([k, v]) => isId(k) && isId(v))) return undefined;
      return { kind: 'classify', placements: Object.fromEntries(entries) as Record<string, string> };
    }
    default:
      return undefined;
  }
}

function sanitiseCheck(value: unknown): CheckState | undefined {
  if (!isRecord(value)) return undefined;
  const response = sanitiseResponse(value['response']);
  const { attempts, score, at } = value;
  if (!response || typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1 || attempts > 10) return undefined;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1) || !isTimestamp(at)) return undefined;
  return { response, attempts, score, at };
}

function sanitiseNote(value: unknown): Note | undefined {
  if (!isRecord(value) || typeof value['text'] !== 'string' || !isTimestamp(value['at'])) return undefined;
  return { text: value['text'].slice(0, MAX_NOTE_LENGTH), at: value['at'] };
}

function sanitiseDiagnostic(value: unknown): DiagnosticResult | undefined {
  if (!isRecord(value) || !isTimestamp(value['at'])) return undefined;
  const { answers, flags } = value;
  if (!Array.isArray(answers) || answers.length > 60 || !answers.every((a) => Number.isInteger(a) && a >= 1 && a <= 5)) return undefined;
  if (!Array.isArray(flags) || flags.length > 20 || !flags.every((f) => typeof f === 'boolean')) return undefined;
  return { answers: answers as number[], flags: flags as boolean[], at: value['at'] };
}

function sanitiseAttempt(value: unknown): AssessmentAttempt | undefined {
  if (!isRecord(value)) return undefined;
  const { seed, startedAt, questions, answers, submittedAt, score, passed } = value;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || !isTimestamp(startedAt)) return undefined;
  if (!Array.isArray(questions) || questions.length > 60 || !questions.every(isId)) return undefined;
  if (!isRecord(answers)) return undefined;
  const clean: Record<string, Response> = {};
  for (const [id, answer] of Object.entries(answers)) {
    const response = sanitiseResponse(answer);
    if (!isId(id) || !response) return undefined;
    clean[id] = response;
  }
  const attempt: AssessmentAttempt = { seed, startedAt, questions: questions as string[], answers: clean };
  if (submittedAt !== undefined) {
    if (!isTimestamp(submittedAt) || typeof score !== 'number' || !(score >= 0 && score <= 100) || typeof passed !== 'boolean') return undefined;
    attempt.submittedAt = submittedAt;
    attempt.score = score;
    attempt.passed = passed;
  }
  return attempt;
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
