/**
 * Actions for the records kept outside lessons (diagnostic, certificate name, final assessment),
 * apart from the core store so that lesson pages do not load them.
 */
import { addDiagnostic, answerAssessment, fromOutside, setLearnerName, setPlan, startAssessment, submitAssessment } from '../lib/progress/records';
import type { ActionPlan, DiagnosticResult, Response } from '../lib/progress/types';
import { merge } from '../lib/progress/merge';
import type { Progress } from '../lib/progress/types';
import { packageTracking } from './engine';
import { now, update } from './progress';

export function saveDiagnostic(answers: number[], flags: boolean[]): void {
  const result: DiagnosticResult = { answers, flags, at: now() };
  update((p) => addDiagnostic(p, result));
}

export function saveLearnerName(name: string): void {
  update((p) => setLearnerName(p, name, now()));
}

/** In a package, an attempt begun while the LMS tracks the visit is marked as taken there. */
export function beginAssessment(seed: number, questions: string[]): void {
  const inLms = import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageTracking();
  update((p) => startAssessment(p, seed, questions, now(), inLms));
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

/**
 * Adds imported progress to what is there; nothing already recorded is lost. Its attempts count as
 * imported, whatever the file says: they never reach an LMS.
 */
export function importProgress(imported: Progress): void {
  update((p) => merge(p, fromOutside(imported)));
}
