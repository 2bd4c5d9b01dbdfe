/**
 * `$progress`: the learner's progress, persisted through the installed engine with the versioned
 * codec, and the actions that change it. Actions merge with what is stored right now before
 * writing, so that two tabs never overwrite each other's work.
 */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { decode, encode } from '../lib/progress/codec';
import { complete, recordCheck, recordScenario, setLocation, setNote, visit } from '../lib/progress/reducers';
import { emptyProgress, type Problem, type Progress, type Response } from '../lib/progress/types';
import { courseFacts } from './course';
import { installEngine, packageProblems, type StorageState } from './engine';

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

const initialRaw = engine.store[PROGRESS_KEY];

export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), {
  encode,
  decode: decodeStored,
});

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
 * Applies a change to the freshest progress. Every change is written at once, so what is stored is
 * the latest state of every tab (or, when storage refuses, this page's own copy, which the engine
 * keeps): changing that, never a stale in-memory copy, means no tab overwrites another's work.
 */
export function update(change: (progress: Progress) => Progress): void {
  if (!canWrite) return;
  const raw = engine.store[PROGRESS_KEY];
  const current = $progress.get();
  const base = raw === undefined || raw === encode(current) ? current : decode(raw, { lessonIds }).progress;
  const next = change(base);
  if (next !== current) $progress.set(next);
}

export function recordVisit(lessonId: string, section?: string): void {
  update((p) => visit(p, lessonId, now(), section));
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
