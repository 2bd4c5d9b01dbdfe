/**
 * `$progress`: the learner's progress, persisted through the installed engine with the versioned
 * codec, and the actions that change it. Actions merge with what is stored right now before
 * writing, so that two tabs never overwrite each other's work.
 */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { decode, encode } from '../lib/progress/codec';
import { complete, merge, recordCheck, recordScenario, setLocation, setNote, visit } from '../lib/progress/reducers';
import { emptyProgress, type Problem, type Progress, type Response } from '../lib/progress/types';
import { courseFacts } from './course';
import { installEngine, type StorageState } from './engine';

const courseId = courseFacts?.id ?? 'leading-together';
const lessonIds = courseFacts?.lessons.map((l) => l.id) ?? [];
/** Without the course facts we cannot tell real lessons from unknown ones: never write then. */
const canWrite = courseFacts !== undefined;

export const PROGRESS_KEY = `${courseId}:v${courseFacts?.storageVersion ?? 1}:progress`;
const BACKUP_KEY = `${PROGRESS_KEY}:unreadable`;

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
  if (engine.store[BACKUP_KEY] === undefined) engine.store[BACKUP_KEY] = initialRaw;
}

export function now(): string {
  return new Date().toISOString();
}

/** Applies a change to the freshest progress: what this page holds merged with what is stored now. */
export function update(change: (progress: Progress) => Progress): void {
  if (!canWrite) return;
  const raw = engine.store[PROGRESS_KEY];
  const current = $progress.get();
  const base = raw === undefined || raw === encode(current) ? current : merge(current, decode(raw, { lessonIds }).progress);
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

/** Adds imported progress to what is there; nothing already recorded is lost. */
export function importProgress(imported: Progress): void {
  update((p) => merge(p, imported));
}

export function resetProgress(): void {
  if (!canWrite) return;
  $progress.set(emptyProgress());
  $progressProblems.set([]);
}

export interface Notice {
  kind: 'not-saving' | 'damaged';
  text: string;
}

/** The notices every page shows: storage that does not save, saved progress that was damaged. */
export function noticesFor(storage: StorageState, problems: readonly Problem[]): Notice[] {
  const notices: Notice[] = [];
  if (storage.state === 'not-saving') {
    notices.push({
      kind: 'not-saving',
      text: `Your progress is not being saved on this device: ${storage.reason}. You can keep working; to keep what you do, export your progress from the “Your progress” page before you leave.`,
    });
  }
  const damaged = problems.filter((p) => p.code !== 'unknown-lesson');
  if (damaged.length > 0) {
    notices.push({
      kind: 'damaged',
      text: `Some of your saved progress could not be read. ${damaged.map((p) => p.message).join(' ')} What could be read is kept, and an untouched copy of the saved data was set aside.`,
    });
  }
  return notices;
}

export { courseId, lessonIds };
