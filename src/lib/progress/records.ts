/**
 * Changes to the records kept outside lessons: diagnostic runs, the certificate name and the
 * final assessment's attempts. Pure, like the lesson reducers; a module of its own so that pages
 * without these features do not load them.
 */
import { KEEP_ASSESSMENTS, KEEP_DIAGNOSTICS, type ActionPlan, type AssessmentAttempt, type DiagnosticResult, type Progress, type Response } from './types';

export function addDiagnostic(progress: Progress, result: DiagnosticResult): Progress {
  const diagnostics = [...(progress.diagnostics ?? []), result].slice(-KEEP_DIAGNOSTICS);
  return { ...progress, diagnostics, updatedAt: result.at };
}

export function setLearnerName(progress: Progress, name: string, now: string): Progress {
  const text = name.trim().slice(0, 120);
  if ((progress.learnerName?.text ?? '') === text) return progress;
  const next: Progress = { ...progress, updatedAt: now };
  if (text) next.learnerName = { text, at: now };
  else delete next.learnerName;
  return next;
}

/**
 * The attempts worth keeping, oldest first: the latest few, and always the best passing one, so
 * that retaking the assessment can never take a passed course (and its certificate) away.
 */
export function keepAttempts(attempts: readonly AssessmentAttempt[]): AssessmentAttempt[] {
  if (attempts.length <= KEEP_ASSESSMENTS) return [...attempts];
  const best = attempts.filter((a) => a.passed).reduce<AssessmentAttempt | undefined>((b, a) => (!b || (a.score ?? 0) > (b.score ?? 0) ? a : b), undefined);
  const recent = attempts.slice(-(best ? KEEP_ASSESSMENTS - 1 : KEEP_ASSESSMENTS));
  return best && !recent.includes(best) ? [best, ...recent] : attempts.slice(-KEEP_ASSESSMENTS);
}

/**
 * Starts an assessment attempt with the questions drawn for `seed`; `inLms` when an LMS is
 * tracking the visit (only such attempts are reported to it).
 */
export function startAssessment(progress: Progress, seed: number, questions: string[], now: string, inLms = false): Progress {
  const attempt: AssessmentAttempt = { seed, startedAt: now, questions, answers: {} };
  if (inLms) attempt.lms = true;
  return { ...progress, assessments: keepAttempts([...(progress.assessments ?? []), attempt]), updatedAt: now };
}

function withAttempt(progress: Progress, seed: number, change: (a: AssessmentAttempt) => AssessmentAttempt, now: string): Progress {
  const list = progress.assessments ?? [];
  const index = list.findLastIndex((a) => a.seed === seed);
  const current = list[index];
  if (!current || current.submittedAt) return progress;
  const assessments = [...list];
  assessments[index] = change(current);
  return { ...progress, assessments, updatedAt: now };
}

export function answerAssessment(progress: Progress, seed: number, questionId: string, response: Response, now: string): Progress {
  return withAttempt(progress, seed, (a) => ({ ...a, answers: { ...a.answers, [questionId]: response } }), now);
}

/** Progress from elsewhere (an imported file): none of its attempts counts as taken in an LMS. */
export function fromOutside(progress: Progress): Progress {
  if (!progress.assessments?.some((a) => a.lms)) return progress;
  return { ...progress, assessments: progress.assessments.map(({ lms: _, ...a }) => a) };
}

export function submitAssessment(progress: Progress, seed: number, score: number, passed: boolean, now: string): Progress {
  return withAttempt(progress, seed, (a) => ({ ...a, submittedAt: now, score, passed }), now);
}


/** Saves the 90-day plan; a plan with every field empty removes it. */
export function setPlan(progress: Progress, plan: Omit<ActionPlan, 'at'>, now: string): Progress {
  const empty = !plan.decision && !plan.mechanism && !plan.owner && !plan.checkIn && plan.measures.every((m) => !m);
  const next: Progress = { ...progress, updatedAt: now };
  if (empty) delete next.plan;
  else next.plan = { ...plan, measures: plan.measures.slice(0, 3), at: now };
  return next;
}
