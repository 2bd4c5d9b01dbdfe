/**
 * `$workshop`: the facilitator's workshop session on the projector (the room's votes, the runs,
 * the screen on show), and `$workshopTimer`: the agenda timer. Both are persisted through the
 * installed (guarded) engine with codecs that never throw, under keys of their own, apart from
 * the learner's progress. Actions change the freshest stored value, so two tabs (a laptop screen
 * and the projector) never undo each other's work.
 */
import { atom } from 'nanostores';
import { persistentAtom, setPersistentEngine } from '@nanostores/persistent';
import type { Question } from '../schemas/question';
import type { Scenario } from '../schemas/scenario';
import {
  decide,
  decodeSession,
  emptySession,
  encodeSession,
  recordCheckTally,
  recordTally,
  revealCheck,
  showScreen,
  startRun,
  type Problem,
  type Screen,
  type Session,
} from '../lib/workshop/tally';
import {
  decodeTimer,
  encodeTimer,
  initialTimer,
  nextSegment,
  pauseTimer,
  resetTimer,
  resumeTimer,
  setSound,
  startTimer,
  type TimedSegment,
  type TimerState,
} from '../lib/workshop/timer';
import { courseFacts } from './course';
import { installEngine } from './engine';

const courseId = courseFacts?.id ?? 'leading-together';

export const WORKSHOP_KEY = `${courseId}:v${courseFacts?.storageVersion ?? 1}:workshop`;
export const WORKSHOP_TIMER_KEY = `${WORKSHOP_KEY}-timer`;

const engine = installEngine(`${courseId}:probe`);
setPersistentEngine(engine.store, engine.backend.events);

/** Problems found in the saved session the last time it was read. */
export const $workshopProblems = atom<Problem[]>([]);

function decodeStored(raw: string): Session {
  const { session, problems } = decodeSession(raw);
  $workshopProblems.set(problems);
  return session;
}

export const $workshop = persistentAtom<Session>(WORKSHOP_KEY, emptySession(), { encode: encodeSession, decode: decodeStored });

export const $workshopTimer = persistentAtom<TimerState>(WORKSHOP_TIMER_KEY, initialTimer(), {
  encode: encodeTimer,
  decode: (raw) => decodeTimer(raw).state,
});

function freshest<T>(key: string, current: T, encode: (v: T) => string, decode: (raw: string) => T): T {
  const raw = engine.store[key];
  return raw === undefined || raw === encode(current) ? current : decode(raw);
}

function update(change: (session: Session) => Session): void {
  const current = $workshop.get();
  const base = freshest(WORKSHOP_KEY, current, encodeSession, (raw) => decodeSession(raw).session);
  const next = change(base);
  if (next !== current) $workshop.set(next);
}

function updateTimer(change: (state: TimerState) => TimerState): void {
  const current = $workshopTimer.get();
  const base = freshest(WORKSHOP_TIMER_KEY, current, encodeTimer, (raw) => decodeTimer(raw).state);
  const next = change(base);
  if (next !== current) $workshopTimer.set(next);
}

// ——— Session ———

export function startScenarioRun(scenarioId: string): void {
  update((s) => startRun(s, scenarioId, new Date().toISOString()));
}

/** Records the room's votes at the run's current decision; returns what is wrong, if anything. */
export function setVotes(scenario: Scenario, runId: string, votes: Record<string, unknown>): string[] {
  let problems: string[] = [];
  update((s) => {
    const result = recordTally(s, scenario, runId, votes);
    if (result.ok) return result.session;
    problems = result.problems;
    return s;
  });
  return problems;
}

/** Continues the run with a move: the room's choice or the trainer's. */
export function continueRun(scenario: Scenario, runId: string, choiceId: string): void {
  update((s) => decide(s, scenario, runId, choiceId));
}

export function showWorkshopScreen(screen: Screen): void {
  update((s) => showScreen(s, screen));
}

export function setCheckVotes(lesson: string, question: Question, votes: Record<string, unknown>): string[] {
  let problems: string[] = [];
  update((s) => {
    const result = recordCheckTally(s, lesson, question, votes);
    if (result.ok) return result.session;
    problems = result.problems;
    return s;
  });
  return problems;
}

export function revealCheckAnswer(lesson: string, questionId: string): void {
  update((s) => revealCheck(s, lesson, questionId));
}

/** Clears the session (the island asks for a confirmation first). The timer is not touched. */
export function newWorkshopSession(): void {
  $workshop.set(emptySession());
  $workshopProblems.set([]);
}

// ——— Timer ———

export function startWorkshopTimer(): void {
  updateTimer((t) => startTimer(t, Date.now()));
}

export function pauseWorkshopTimer(): void {
  updateTimer((t) => pauseTimer(t, Date.now()));
}

export function resumeWorkshopTimer(): void {
  updateTimer((t) => resumeTimer(t, Date.now()));
}

export function nextWorkshopSegment(segments: readonly TimedSegment[]): void {
  updateTimer((t) => nextSegment(t, segments, Date.now()));
}

export function resetWorkshopTimer(): void {
  updateTimer((t) => resetTimer(t));
}

export function setWorkshopSound(on: boolean): void {
  updateTimer((t) => setSound(t, on));
}
