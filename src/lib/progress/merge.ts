/**
 * Merging two copies of the same learner's progress (an import into existing progress, or two
 * saved copies): nothing either copy recorded is lost. Its own module, loaded only where needed.
 */
import type { CheckState, LessonProgress, Location, Note, Precheck, Progress, ReviewState, ScenarioProgress } from './types';
import { KEEP_DIAGNOSTICS, MAX_EARLIER, type AssessmentAttempt, type EarlierRun } from './types';
import { keepAttempts } from './records';

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * Combines two copies of the same learner's progress (two tabs, or an import into existing
 * progress) so that nothing either copy recorded is lost: a lesson completed in either is
 * completed, first visits and completions keep their earliest dates, the newer bookmark wins.
 * merge(empty, x) equals x, and merge is commutative and idempotent.
 */
export function merge(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonProgress> = {};
  const ids = new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)]);
  for (const id of [...ids].sort()) {
    const x = a.lessons[id] ?? {};
    const y = b.lessons[id] ?? {};
    const lesson: LessonProgress = {};
    const visitedAt = earlier(x.visitedAt, y.visitedAt);
    const completedAt = earlier(x.completedAt, y.completedAt);
    if (visitedAt) lesson.visitedAt = visitedAt;
    if (completedAt) lesson.completedAt = completedAt;
    lessons[id] = lesson;
  }
  const merged: Progress = { version: a.version, lessons };
  const location = pickLocation(a.location, b.location);
  if (location) merged.location = location;
  if (a.checks || b.checks) merged.checks = mergeRecords(a.checks, b.checks, newerCheck);
  if (a.notes || b.notes) merged.notes = mergeRecords(a.notes, b.notes, newerNote);
  if (a.scenarios || b.scenarios) merged.scenarios = mergeRecords(a.scenarios, b.scenarios, mergeScenario);
  if (a.diagnostics || b.diagnostics) {
    merged.diagnostics = mergeLists(a.diagnostics, b.diagnostics, (d) => second(d.at), tieBreak, KEEP_DIAGNOSTICS, (d) => d.at);
  }
  if (a.assessments || b.assessments) {
    merged.assessments = keepAttempts(mergeLists(a.assessments, b.assessments, (t) => `${t.seed}@${second(t.startedAt)}`, fullerAttempt, Number.MAX_SAFE_INTEGER, (t) => t.startedAt));
  }
  const plan = a.plan && b.plan ? newer(a.plan, b.plan) : (a.plan ?? b.plan);
  if (plan) merged.plan = plan;
  const name = a.learnerName && b.learnerName ? newerNote(a.learnerName, b.learnerName) : (a.learnerName ?? b.learnerName);
  if (name) merged.learnerName = name;
  // Both copies set a seed at once only when two tabs opened a first check together: keep one of them.
  const optionSeed = a.optionSeed !== undefined && b.optionSeed !== undefined ? Math.min(a.optionSeed, b.optionSeed) : (a.optionSeed ?? b.optionSeed);
  if (optionSeed !== undefined) merged.optionSeed = optionSeed;
  // An artefact is saved whole: the newer copy of each wins.
  if (a.artefacts || b.artefacts) merged.artefacts = mergeRecords(a.artefacts, b.artefacts, newer);
  const updatedAt = later(a.updatedAt, b.updatedAt);
  if (updatedAt) merged.updatedAt = updatedAt;
  const precheck = a.precheck && b.precheck ? mergePrecheck(a.precheck, b.precheck) : (a.precheck ?? b.precheck);
  if (precheck) merged.precheck = precheck;
  if (a.reviews || b.reviews) merged.reviews = mergeRecords(a.reviews, b.reviews, mergeReview);
  return merged;
}

/** The first "before" (what the learner believed at the start), the newer "after", the first skip. */
function mergePrecheck(x: Precheck, y: Precheck): Precheck {
  const out: Precheck = {};
  const before = x.before && y.before ? (newer(x.before, y.before) === x.before ? y.before : x.before) : (x.before ?? y.before);
  const after = x.after && y.after ? newer(x.after, y.after) : (x.after ?? y.after);
  const skippedAt = earlier(x.skippedAt, y.skippedAt);
  if (before) out.before = before;
  if (after) out.after = after;
  if (skippedAt) out.skippedAt = skippedAt;
  return out;
}

/** Every answer either copy holds (per question as for checks); the draw of the copy with more answers. */
function mergeReview(x: ReviewState, y: ReviewState): ReviewState {
  const nx = Object.keys(x.answers).length;
  const ny = Object.keys(y.answers).length;
  const lead = nx !== ny ? (nx > ny ? x : y) : newer(x, y);
  return { items: lead.items, answers: mergeRecords(x.answers, y.answers, newerCheck), at: later(x.at, y.at) ?? lead.at };
}

/**
 * The second a time falls in: a copy kept by an LMS (see ../lms/suspend) has times to the second,
 * so that the same attempt or diagnostic run from there and from the browser is one, not two.
 */
function second(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : String(Math.round(ms / 1000));
}

/** Deterministic tie-break so that merge stays commutative. */
function tieBreak<T>(x: T, y: T): T {
  return JSON.stringify(x) >= JSON.stringify(y) ? x : y;
}

function newer<T extends { at: string }>(x: T, y: T): T {
  const tx = Date.parse(x.at);
  const ty = Date.parse(y.at);
  return tx !== ty ? (tx > ty ? x : y) : tieBreak(x, y);
}

const newerNote: (x: Note, y: Note) => Note = newer;

/** Both copies' earlier runs, once each, oldest first (for merging two tabs or an import). */
function mergeEarlier(a: readonly EarlierRun[] | undefined, b: readonly EarlierRun[] | undefined): EarlierRun[] | undefined {
  if (!a && !b) return undefined;
  const seen = new Map<string, EarlierRun>();
  for (const run of [...(a ?? []), ...(b ?? [])]) seen.set(JSON.stringify([run.path, run.endings, run.at]), run);
  return [...seen.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)).slice(-MAX_EARLIER);
}

/** The newer run, and every ending either copy reached. */
function mergeScenario(x: ScenarioProgress, y: ScenarioProgress): ScenarioProgress {
  const run = newer(x, y);
  const other = run === x ? y : x;
  const merged: ScenarioProgress = { ...run, endings: [...new Set([...run.endings, ...other.endings])] };
  const history = mergeEarlier(run.earlier, other.earlier);
  if (history) merged.earlier = history;
  return merged;
}

/** The check with more tries is further along; at equal tries, the newer one. */
function newerCheck(x: CheckState, y: CheckState): CheckState {
  if (x.attempts !== y.attempts) return x.attempts > y.attempts ? x : y;
  return newer(x, y);
}

/**
 * The same attempt seen by two copies: the submitted one, else the one taken in an LMS session
 * (an imported copy never takes its place), else the one with more answers.
 */
function fullerAttempt(x: AssessmentAttempt, y: AssessmentAttempt): AssessmentAttempt {
  if (!!x.submittedAt !== !!y.submittedAt) return x.submittedAt ? x : y;
  if (!!x.lms !== !!y.lms) return x.lms ? x : y;
  const nx = Object.keys(x.answers).length;
  const ny = Object.keys(y.answers).length;
  if (nx !== ny) return nx > ny ? x : y;
  return tieBreak(x, y);
}

function mergeRecords<T>(
  a: Record<string, T> | undefined,
  b: Record<string, T> | undefined,
  pick: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const key of [...keys].sort()) {
    const x = a?.[key];
    const y = b?.[key];
    const value = x !== undefined && y !== undefined ? pick(x, y) : (x ?? y);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeLists<T>(
  a: T[] | undefined,
  b: T[] | undefined,
  key: (item: T) => string,
  pick: (x: T, y: T) => T,
  keep: number,
  time: (item: T) => string,
): T[] {
  const byKey = new Map<string, T>();
  for (const item of [...(a ?? []), ...(b ?? [])]) {
    const k = key(item);
    const seen = byKey.get(k);
    byKey.set(k, seen === undefined ? item : pick(seen, item));
  }
  return [...byKey.values()]
    .sort((x, y) => Date.parse(time(x)) - Date.parse(time(y)) || (key(x) < key(y) ? -1 : 1))
    .slice(-keep);
}

function pickLocation(a: Location | undefined, b: Location | undefined): Location | undefined {
  if (!a) return b;
  if (!b) return a;
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta > tb ? a : b;
  // Same instant: pick deterministically so that merge stays commutative.
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/**
 * How long after a note was written another tab's copy may still lack it because the write had not
 * reached that tab yet (storage is shared between tabs, but each tab sees the others' writes a moment
 * later). A note older than that, which the other tab's latest change lacks, was cleared there.
 */
export const TAB_DELAY_MS = 2000;

/**
 * This tab's copy (`ours`) and what another tab just stored (`theirs`), when `theirs` is not a
 * reset: as `merge`, so that a change either tab made survives what the other wrote in between,
 * except that a note `theirs` lacks was cleared there, and is dropped, when this tab had read it
 * from storage (`seen`, the last copy this tab read) as it is, or it is older than `TAB_DELAY_MS`
 * before their last change.
 */
export function mergeTabs(ours: Progress, theirs: Progress, seen?: Progress): Progress {
  const merged = merge(ours, theirs);
  const clearedBy = Date.parse(theirs.updatedAt ?? '') - TAB_DELAY_MS;
  for (const [id, note] of Object.entries(ours.notes ?? {})) {
    const known = seen?.notes?.[id];
    if (!theirs.notes?.[id] && ((known?.at === note.at && known.text === note.text) || Date.parse(note.at) < clearedBy)) delete merged.notes?.[id];
  }
  if (merged.notes && !Object.keys(merged.notes).length && !theirs.notes) delete merged.notes;
  return merged;
}
