/**
 * The optional pre-check: statements the learner agrees or disagrees with at the start of the course,
 * revisited at the end. Pure: the change per statement (then vs now) and whether each view agrees with
 * what the evidence in the course says.
 */
import type { Precheck, PrecheckRound, Progress, Stance } from '../progress/types';

export interface PrecheckStatement {
  id: string;
  /** What the evidence in the course supports: agreeing or disagreeing with the statement. */
  evidence: 'agree' | 'disagree';
}

export interface PrecheckRow {
  id: string;
  then: Stance | undefined;
  now: Stance | undefined;
  /** The answer agrees with the evidence. */
  thenFits: boolean;
  nowFits: boolean;
  /** 'closer': now fits and then did not; 'kept': fits both times; 'away': fitted then, not now; 'still': fits neither time. */
  change: 'closer' | 'kept' | 'away' | 'still';
}

export const STANCES: readonly Stance[] = ['agree', 'disagree', 'unsure'];

export function isComplete(statements: readonly PrecheckStatement[], answers: Record<string, Stance>): boolean {
  return statements.every((s) => STANCES.includes(answers[s.id] as Stance));
}

/** Then vs now, one row per statement, and how many now agree with the evidence. */
export function compare(statements: readonly PrecheckStatement[], precheck: Precheck | undefined): { rows: PrecheckRow[]; thenFit: number; nowFit: number } {
  const rows = statements.map((s): PrecheckRow => {
    const then = precheck?.before?.answers[s.id];
    const now = precheck?.after?.answers[s.id];
    const thenFits = then === s.evidence;
    const nowFits = now === s.evidence;
    const change = nowFits ? (thenFits ? 'kept' : 'closer') : thenFits ? 'away' : 'still';
    return { id: s.id, then, now, thenFits, nowFits, change };
  });
  return { rows, thenFit: rows.filter((r) => r.thenFits).length, nowFit: rows.filter((r) => r.nowFits).length };
}

/**
 * What the pre-check page asks for next: the round the next answers are for ("before" until the
 * learner has answered or skipped at the start), and whether the form shows by itself (nothing yet).
 */
export function precheckStep(precheck: Precheck | undefined): { round: 'before' | 'after'; form: boolean } {
  const started = !!(precheck?.before || precheck?.skippedAt);
  return { round: started ? 'after' : 'before', form: !started && !precheck?.after };
}

/** Records a round. A second "before" replaces the first only while no "after" exists. */
export function recordPrecheck(progress: Progress, round: 'before' | 'after', answers: Record<string, Stance>, now: string): Progress {
  const current = progress.precheck ?? {};
  if (round === 'before' && current.after) return progress;
  const entry: PrecheckRound = { answers: { ...answers }, at: now };
  return { ...progress, precheck: { ...current, [round]: entry }, updatedAt: now };
}

/** The learner skipped the pre-check at the start; the first skip is kept. */
export function skipPrecheck(progress: Progress, now: string): Progress {
  const current = progress.precheck ?? {};
  if (current.skippedAt) return progress;
  return { ...progress, precheck: { ...current, skippedAt: now }, updatedAt: now };
}
