/**
 * Reading and writing saved progress. `decode` never throws: whatever is stored (nothing,
 * corrupted text, another app's data, a newer version) it returns a usable progress and the
 * problems it found, keeping every part it could validate.
 */
import { migrate, migrations as defaultMigrations, type MigrationTable } from './migrations';
import {
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
  type EarlierRun,
  type ScenarioProgress,
  type ActionPlan,
  type ArtefactState,
  type Rating,
  type Precheck,
  type PrecheckRound,
  type ReviewState,
  type Stance,
} from './types';

export interface Decoded {
  progress: Progress;
  problems: Problem[];
}

const SECTION_ID = /^[A-Za-z0-9_-]{1,120}$/;
/** An id; never a name that would reach an object's prototype (`__proto__`, `constructor`, `prototype`). */
const ID = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_-]{1,80}$/;
/** Longest reflection kept, in characters. */
export const MAX_NOTE_LENGTH = 5000;
/** Longest text in one field of the action plan. */
export const MAX_PLAN_FIELD = 500;
/** Longest text in one field of an artefact. */
export const MAX_ARTEFACT_FIELD = 2000;

const wrongShape = (): Decoded => ({
  progress: emptyProgress(),
  problems: [{ code: 'wrong-shape', message: 'The saved data is not progress from this course.' }],
});

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
  // A byte-order mark or surrounding whitespace (an editor, a copy) does not make the value damaged.
  const text = raw?.trim();
  if (!text) return { progress: emptyProgress(), problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
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
  if (!isRecord(parsed)) return wrongShape();
  let data: Record<string, unknown> = parsed;
  const migrated = migrate(parsed, PROGRESS_VERSION, table);
  if (migrated.ok) {
    data = migrated.data;
  } else if (migrated.reason === 'future-version') {
    problems.push({
      code: 'future-version',
      message: `It comes from a newer version of the course (data version ${migrated.version}); the parts this version understands were kept.`,
    });
  } else if (!isRecord(parsed['lessons'])) {
    return wrongShape();
  } else {
    problems.push({
      code: 'unknown-version',
      message: 'It has no version this course knows; the parts that look right were kept.',
    });
  }
  return { progress: sanitise(data, facts, problems), problems };
}

function sanitise(data: Record<string, unknown>, facts: CourseFacts, problems: Problem[]): Progress {
  const known = new Set(facts.lessonIds);
  const progress = emptyProgress();
  /** Names of the parts that were unreadable and left out, reported once at the end. */
  const invalid: string[] = [];
  const unknown: string[] = [];
  const lessons = data['lessons'];
  if (isRecord(lessons)) {
    for (const [id, entry] of Object.entries(lessons)) {
      const where = `lessons.${id}`;
      const lesson = known.has(id) ? sanitiseLesson(entry, where, invalid) : undefined;
      if (!known.has(id)) unknown.push(id);
      else if (lesson) progress.lessons[id] = lesson;
      else invalid.push(where);
    }
  } else if (lessons !== undefined) invalid.push('lessons');
  if (unknown.length > 0) {
    problems.push({
      code: 'unknown-lesson',
      message: `Progress for lessons this course does not have was left out (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}).`,
      entries: unknown,
    });
  }
  const location = sanitiseLocation(data['location'], known);
  if (location) progress.location = location;
  else if (data['location'] !== undefined) invalid.push('location');
  const checks = sanitiseRecord(data['checks'], sanitiseCheck, 'checks', invalid);
  if (checks) progress.checks = checks;
  const notes = sanitiseRecord(data['notes'], sanitiseNote, 'notes', invalid);
  if (notes) progress.notes = notes;
  const scenarios = sanitiseRecord(data['scenarios'], sanitiseScenario, 'scenarios', invalid);
  if (scenarios) progress.scenarios = scenarios;
  const diagnostics = sanitiseList(data['diagnostics'], sanitiseDiagnostic, 'diagnostics', invalid);
  if (diagnostics) progress.diagnostics = diagnostics;
  const assessments = sanitiseList(data['assessments'], sanitiseAttempt, 'assessments', invalid);
  if (assessments) progress.assessments = assessments;
  if (data['plan'] !== undefined) {
    const plan = sanitisePlan(data['plan']);
    if (plan) progress.plan = plan;
    else invalid.push('plan');
  }
  if (data['learnerName'] !== undefined) {
    const name = sanitiseNote(data['learnerName']);
    if (name) progress.learnerName = { text: name.text.slice(0, 120), at: name.at };
    else invalid.push('learnerName');
  }
  if (data['optionSeed'] !== undefined) {
    const seed = data['optionSeed'];
    if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) progress.optionSeed = seed;
    else invalid.push('optionSeed');
  }
  const artefacts = sanitiseRecord(data['artefacts'], sanitiseArtefact, 'artefacts', invalid);
  if (artefacts) progress.artefacts = artefacts;
  if (data['precheck'] !== undefined) {
    const precheck = sanitisePrecheck(data['precheck']);
    if (precheck) progress.precheck = precheck;
    else invalid.push('precheck');
  }
  const reviews = sanitiseRecord(data['reviews'], sanitiseReview, 'reviews', invalid);
  if (reviews) progress.reviews = reviews;
  if (invalid.length > 0) {
    problems.push({ code: 'invalid-field', message: `Unreadable parts were left out (${[...new Set(invalid)].join(', ')}).`, entries: invalid });
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
    const ok = ID.test(id);
    const clean = ok ? item(entry) : undefined;
    if (clean === undefined) invalid.push(`${field}.${ok ? id : '?'}`);
    else out[id] = clean;
  }
  return out;
}

function sanitiseList<T>(
  value: unknown,
  item: (entry: unknown) => T | undefined,
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
  return out;
}

/** A validator returns the value in its clean form, or undefined when it is not acceptable. */
type Valid<T> = (value: unknown) => T | undefined;

const id: Valid<string> = (v) => (typeof v === 'string' && ID.test(v) ? v : undefined);
const timestamp: Valid<string> = (v) => (isTimestamp(v) ? v : undefined);
const int = (min: number, max: number): Valid<number> => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
const num = (min: number, max: number): Valid<number> => (v) => (typeof v === 'number' && v >= min && v <= max ? v : undefined);
const bool: Valid<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const text = (max: number): Valid<string> => (v) => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** Every item must be valid, or the whole list is. */
function list<T>(item: Valid<T>, max: number): Valid<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length > max) return undefined;
    const out = v.map(item);
    return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
  };
}

/** An object keyed by ids; every entry must be valid, or the whole object is. */
function dict<T>(item: Valid<T>, max: number): Valid<Record<string, T>> {
  return (v) => {
    if (!isRecord(v)) return undefined;
    const entries = Object.entries(v);
    if (entries.length > max) return undefined;
    const out: Record<string, T> = {};
    for (const [key, value] of entries) {
      if (value === '') continue; // an unanswered item, not a damaged one
      const clean = item(value);
      if (!id(key) || clean === undefined) return undefined;
      out[key] = clean;
    }
    return out;
  };
}

/** An object with exactly these required fields (others are dropped). */
function shape<T>(fields: { [K in keyof T]-?: Valid<T[K]> }): Valid<T> {
  return (v) => {
    if (!isRecord(v)) return undefined;
    const out: Partial<T> = {};
    for (const key in fields) {
      const clean = fields[key](v[key]);
      if (clean === undefined) return undefined;
      out[key] = clean;
    }
    return out as T;
  };
}

const kind = <K extends string>(name: K): Valid<K> => (v) => (v === name ? name : undefined);
const responses: Record<string, Valid<Response>> = {
  single: shape({ kind: kind('single'), choice: id }),
  multiple: shape({ kind: kind('multiple'), choices: list(id, 20) }),
  classify: shape({ kind: kind('classify'), placements: dict(id, 20) }),
};

export const sanitiseResponse: Valid<Response> = (v) => (isRecord(v) ? responses[String(v['kind'])]?.(v) : undefined);

const sanitiseCheck: Valid<CheckState> = shape({ response: sanitiseResponse, attempts: int(1, 10), score: num(0, 1), at: timestamp });
const sanitiseNote: Valid<Note> = shape({ text: text(MAX_NOTE_LENGTH), at: timestamp });
const scenarioRun = shape<EarlierRun>({ path: list(id, 40), endings: list(id, 20), at: timestamp });
/** A run, with its earlier-version runs (same shape) when they are well formed; a damaged history alone is dropped. */
const sanitiseScenario: Valid<ScenarioProgress> = (v) => {
  const run: ScenarioProgress | undefined = scenarioRun(v);
  const earlier = run && list(scenarioRun, 10)((v as ScenarioProgress).earlier);
  return earlier ? { ...run, earlier } : run;
};
const date: Valid<string> = (v) => (typeof v === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(v) ? v : undefined);
const sanitisePlan: Valid<ActionPlan> = shape({
  decision: text(MAX_PLAN_FIELD),
  mechanism: text(MAX_PLAN_FIELD),
  owner: text(MAX_PLAN_FIELD),
  measures: list(text(MAX_PLAN_FIELD), 3),
  checkIn: date,
  at: timestamp,
});
// A rating is read as an id, as cheaply as possible on every page; lib/artefact.ts counts only the ratings it knows.
const sanitiseArtefact: Valid<ArtefactState> = shape({ fields: dict(text(MAX_ARTEFACT_FIELD), 20), rubric: dict(id as Valid<Rating>, 20), at: timestamp });
const sanitiseDiagnostic: Valid<DiagnosticResult> = shape({ answers: list(int(1, 5), 60), flags: list(bool, 20), at: timestamp });
const attemptBase = shape<Pick<AssessmentAttempt, 'seed' | 'startedAt' | 'questions' | 'answers'>>({
  seed: int(0, Number.MAX_SAFE_INTEGER),
  startedAt: timestamp,
  questions: list(id, 60),
  answers: dict(sanitiseResponse, 60),
});
const submission = shape<Required<Pick<AssessmentAttempt, 'submittedAt' | 'score' | 'passed'>>>({ submittedAt: timestamp, score: num(0, 100), passed: bool });

function sanitiseAttempt(value: unknown): AssessmentAttempt | undefined {
  const attempt: AssessmentAttempt | undefined = attemptBase(value);
  if (attempt && isRecord(value) && value['lms'] === true) attempt.lms = true;
  if (!attempt || !isRecord(value) || value['submittedAt'] === undefined) return attempt;
  const done = submission(value);
  return done ? { ...attempt, ...done } : undefined;
}

const stance: Valid<Stance> = (v) => (v === 'agree' || v === 'disagree' || v === 'unsure' ? v : undefined);
const sanitiseReview: Valid<ReviewState> = shape({ items: list(id, 8), answers: dict(sanitiseCheck, 8), at: timestamp });
const round: Valid<PrecheckRound> = shape({ answers: dict(stance, 40), at: timestamp });
const precheckParts: Record<string, Valid<unknown>> = { before: round, after: round, skippedAt: timestamp };

/** The pre-check: each part that is present must be valid, or the whole is left out. */
const sanitisePrecheck: Valid<Precheck> = (v) => {
  if (!isRecord(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in precheckParts) {
    if (v[key] === undefined) continue;
    if ((out[key] = precheckParts[key]?.(v[key])) === undefined) return undefined;
  }
  return out as Precheck;
};

/** A lesson keeps its readable time; an unreadable one is reported when the other is kept. */
function sanitiseLesson(entry: unknown, where: string, invalid: string[]): LessonProgress | undefined {
  if (!isRecord(entry)) return undefined;
  const lesson: LessonProgress = {};
  const bad: string[] = [];
  for (const key of ['visitedAt', 'completedAt'] as const) {
    const value = entry[key];
    if (isTimestamp(value)) lesson[key] = value;
    else if (value !== undefined) bad.push(`${where}.${key}`);
  }
  if (!lesson.visitedAt && !lesson.completedAt) return undefined;
  invalid.push(...bad);
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
