/**
 * Scoring an attempt at the final assessment: per question (with partial credit), overall as a
 * whole percent against the pass mark, and broken down by the objective each item assesses.
 */
import type { Question } from '../../schemas/question';
import type { Response } from '../progress/types';
import { grade, outcomeOf, type Outcome } from './grade';

export interface QuestionResult {
  id: string;
  objective: string;
  score: number;
  outcome: Outcome;
  answered: boolean;
}

export interface ObjectiveResult {
  objective: string;
  /** Sum of the item scores (partial credit counts). */
  score: number;
  items: number;
  /** Whole percent. */
  percent: number;
}

export interface AttemptResult {
  /** Whole percent. */
  score: number;
  passed: boolean;
  questions: QuestionResult[];
  /** In the order objectives first appear in `objectiveOrder`, then any others. */
  objectives: ObjectiveResult[];
}

export function scoreAttempt(
  questions: readonly Question[],
  answers: Readonly<Record<string, Response>>,
  passMark: number,
  objectiveOrder: readonly string[] = [],
): AttemptResult {
  const results: QuestionResult[] = questions.map((q) => {
    const answer = answers[q.id];
    const score = answer ? grade(q, answer).score : 0;
    return { id: q.id, objective: q.objective, score, outcome: outcomeOf(score), answered: !!answer };
  });
  const total = results.reduce((sum, r) => sum + r.score, 0);
  const score = questions.length === 0 ? 0 : Math.round((total / questions.length) * 100);
  const byObjective = new Map<string, ObjectiveResult>();
  for (const r of results) {
    const entry = byObjective.get(r.objective) ?? { objective: r.objective, score: 0, items: 0, percent: 0 };
    entry.score += r.score;
    entry.items += 1;
    byObjective.set(r.objective, entry);
  }
  const rank = (id: string) => {
    const i = objectiveOrder.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const objectives = [...byObjective.values()]
    .map((o) => ({ ...o, score: Math.round(o.score * 100) / 100, percent: Math.round((o.score / o.items) * 100) }))
    .sort((a, b) => rank(a.objective) - rank(b.objective) || a.objective.localeCompare(b.objective));
  return { score, passed: score >= passMark, questions: results, objectives };
}

/** The learner's answer, as text lines, for the assessment review. */
export function responseText(question: Question, response: Response | undefined): string[] {
  if (!response || response.kind !== question.kind) return [];
  if (question.kind === 'classify' && response.kind === 'classify') {
    return question.items.map((i) => {
      const placed = question.categories.find((c) => c.id === response.placements[i.id]);
      return `${i.text} → ${placed?.label ?? 'not sorted'}`;
    });
  }
  if (question.kind === 'classify') return [];
  const chosen = response.kind === 'single' ? [response.choice] : response.kind === 'multiple' ? response.choices : [];
  return question.options.filter((o) => chosen.includes(o.id)).map((o) => o.text);
}
