/**
 * Actions for the records kept outside lessons (diagnostic, certificate name, final assessment),
 * apart from the core store so that lesson pages do not load them.
 */
import { addDiagnostic, answerAssessment, setLearnerName, setPlan, startAssessment, submitAssessment } from '../lib/progress/records';
import type { ActionPlan, DiagnosticResult, Response } from '../lib/progress/types';
import { merge } from '../lib/progress/merge';
import type { Progress } from '../lib/progress/types';
import { now, update } from './progress';

export function saveDiagnostic(answers: number[], flags: boolean[]): void {
  const result: DiagnosticResult = { answers, flags, at: now() };
  update((p) => addDiagnostic(p, result));
}

export function saveLearnerName(name: string): void {
  update((p) => setLearnerName(p, name, now()));
}

export function beginAssessment(seed: number, questions: string[]): void {
  update((p) => startAssessment(p, seed, questions, now()));
}

export function answerInAssessment(seed: number, questionId: string, response: Response): void {
  update((p) => answerAssessment(p, seed, questionId, response, now()));
}

export function finishAssessment(seed: number, score: number, passed: boolean): void {
  update((p) => submitAssessment(p, seed, score, passed, now()));
}

export function savePlan(plan: Omit<ActionPlan, 'at'>): void {
  update((p) => setPlan(p, plan, now()));
}

/** Adds imported progress to what is there; nothing already recorded is lost. */
export function importProgress(imported: Progress): void {
  update((p) => merge(p, imported));
}
