/**
 * `$progress`: the learner's progress, persisted through the installed engine with the versioned
 * codec, and the actions that change it. Every change is written at once; what another tab stores
 * is merged into this tab's copy (storage events, and before each change), and the merge written
 * back when it holds more, so that no tab's change is lost to what another tab wrote in between.
 */
import { atom } from 'nanostores';
import { decode, encode } from '../lib/progress/codec';
import type { mergeTabs } from '../lib/progress/merge';
import { complete, recordCheck, recordScenario, setLocation, setNote, visit, withOptionSeed } from '../lib/progress/reducers';
import { emptyProgress, type Problem, type Progress, type Response } from '../lib/progress/types';
import { courseFacts } from './course';
import { holdWrites, installEngine, packageProblems, type StorageState } from './engine';

const courseId = courseFacts?.id ?? 'leading-together';
const lessonIds = courseFacts?.lessons.map((l) => l.id) ?? [];
/** Without the course facts we cannot tell real lessons from unknown ones: never write then. */
const canWrite = courseFacts !== undefined;

export const PROGRESS_KEY = `${courseId}:v${courseFacts?.storageVersion ?? 1}:progress`;
/** Where saved progress that could not be read is set aside (in a package: what the LMS returned). */
export const BACKUP_KEY = `${PROGRESS_KEY}:unreadable`;

const engine = installEngine(`${courseId}:probe`);

/** Problems found in the saved progress the last time it was read. */
export const $progressProblems = atom<Problem[]>([]);

function decodeStored(raw: string): Progress {
  const { progress, problems } = decode(raw, { lessonIds });
  $progressProblems.set(problems);
  return progress;
}

const EMPTY = encode(emptyProgress());
/** What this page last read from or wrote to storage. */
let known: string | undefined;
/** The last copy this page read from storage (not one it wrote). */
let seen: Progress | undefined;
/** Stored values not merged yet (the merge loads on demand: one tab alone never needs it). */
let unmerged: string[] = [];
let merger: typeof mergeTabs | undefined;
/** The saved progress could not be read: nothing is written over it. */
let unreadable = false;

try {
  known = engine.read(PROGRESS_KEY);
} catch {
  unreadable = true;
  holdWrites('this browser could not read the progress saved here, so nothing will be written over it');
}
const initialRaw = known;

export const $progress = atom<Progress>(known === undefined ? emptyProgress() : (seen = decodeStored(known)));

function write(progress: Progress): void {
  known = encode(progress);
  engine.store[PROGRESS_KEY] = known;
}

/**
 * Brings this page's copy up to date with what is stored: a reset elsewhere (nothing stored, or
 * empty progress) is taken as it is; anything else is merged with this copy, and the merge
 * written back when it holds something the stored copy lacks.
 */
function sync(): void {
  if (unreadable) return;
  const raw = engine.store[PROGRESS_KEY];
  if (raw !== known) {
    known = raw;
    if (raw === undefined || raw === EMPTY) {
      unmerged = [];
      $progress.set(emptyProgress());
      return;
    }
    unmerged.push(raw);
  }
  if (!unmerged.length) return;
  if (!merger) {
    void import('../lib/progress/merge').then((m) => {
      merger = m.mergeTabs;
      sync();
    });
    return;
  }
  let next = $progress.get();
  for (const raw of unmerged) {
    const before = seen;
    seen = decodeStored(raw);
    next = merger(next, seen, before);
  }
  unmerged = [];
  if (encode(next) !== known) write(next);
  $progress.set(next);
}

if (canWrite) {
  // Another tab's write (a `storage` event; the key is null when the storage was cleared) and a
  // page restored from the back-forward cache.
  engine.backend.events.addEventListener(PROGRESS_KEY, (e) => void ((e.key === PROGRESS_KEY || e.key === null) && sync()), sync);
}

// A damaged value is kept aside before anything overwrites it, so that nothing is lost for good.
if (initialRaw !== undefined && $progressProblems.get().some((p) => p.code !== 'unknown-lesson')) {
  if (engine.store[BACKUP_KEY] !== initialRaw) engine.store[BACKUP_KEY] = initialRaw;
}

// In a package, what the LMS returned was read (and set aside when unreadable) by the launch page:
// it reports the problems.
if (import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageProblems().length) $progressProblems.set([...$progressProblems.get(), ...packageProblems()]);

/** The saved progress set aside because it could not be read, if any. */
export function setAside(): string | undefined {
  return engine.store[BACKUP_KEY];
}

export function now(): string {
  return new Date().toISOString();
}

/**
 * Applies a change to this page's copy, first brought up to date with what is stored, and writes
 * it at once. When storage refuses, the engine keeps this page's copy; when the saved progress
 * could not be read, the change stays in this page.
 */
export function update(change: (progress: Progress) => Progress): void {
  if (!canWrite) return;
  sync();
  const current = $progress.get();
  const next = change(current);
  if (next === current) return;
  if (!unreadable) write(next);
  $progress.set(next);
}

/** Opening a lesson also gives the learner their own order of check options, once (progress saved earlier has none). */
export function recordVisit(lessonId: string, section?: string): void {
  update((p) => withOptionSeed(visit(p, lessonId, now(), section), p.optionSeed ?? Math.floor(Math.random() * 2 ** 32)));
}

export function recordLocation(lessonId: string, section: string | undefined): void {
  update((p) => setLocation(p, lessonId, section, now()));
}

export function completeLesson(lessonId: string): void {
  update((p) => complete(p, lessonId, now()));
}

/** The learner checked an answer to a knowledge check. */
export function answerCheck(questionId: string, response: Response, score: number): void {
  update((p) => recordCheck(p, questionId, response, score, now()));
}

/** The learner's current run of a scenario (and its ending, once reached). */
export function saveScenarioRun(scenarioId: string, path: string[], ending: string | undefined): void {
  update((p) => recordScenario(p, scenarioId, path, ending, now()));
}

export function saveNote(noteId: string, text: string): void {
  update((p) => setNote(p, noteId, text, now()));
}


export function resetProgress(): void {
  if (!canWrite) return;
  unmerged = [];
  if (!unreadable) write(emptyProgress());
  $progress.set(emptyProgress());
  $progressProblems.set([]);
}

export interface Notice {
  kind: 'not-saving' | 'damaged' | 'lms-refused' | 'lms-review';
  /** The variable part; the page holds the rest of the sentence (templates in the base layout). */
  detail: string;
}

/** The notices every page shows: storage that does not save, saved progress that was damaged. */
export function noticesFor(storage: StorageState, problems: readonly Problem[]): Notice[] {
  const notices: Notice[] = [];
  if (storage.state === 'not-saving') {
    const kind = storage.notice === 'LmsRefused' ? 'lms-refused' : storage.notice === 'LmsReview' ? 'lms-review' : 'not-saving';
    notices.push({ kind, detail: storage.reason });
  }
  const damaged = problems.filter((p) => p.code !== 'unknown-lesson');
  if (damaged.length > 0) notices.push({ kind: 'damaged', detail: damaged.map((p) => p.message).join(' ') });
  return notices;
}

export { courseId, lessonIds };
