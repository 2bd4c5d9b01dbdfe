/**
 * Grading: how right an answer is, which feedback to show, and whether a knowledge check is
 * finished. Pure functions over the validated question data.
 */
import type { ClassifyQuestion, MultipleQuestion, Question, SingleQuestion } from '../../schemas/question';
import type { CheckState, Response } from '../progress/types';
import { isFinished } from './completion';

export { isFinished };

export type Outcome = 'correct' | 'partial' | 'incorrect';

export interface Grade {
  outcome: Outcome;
  /** 0–1; partial credit for multiple response and classification. */
  score: number;
}

/** Said after the outcome ("Correct.") when a question has no message of its own. */
export const DEFAULT_MESSAGES: Readonly<Record<Outcome, string>> = {
  correct: 'Well done.',
  partial: 'Some of it is right.',
  incorrect: 'Look again.',
};

export function outcomeOf(score: number): Outcome {
  if (score >= 1) return 'correct';
  return score > 0 ? 'partial' : 'incorrect';
}

/** Whether a response has something to check: a choice made, every item placed. */
export function isComplete(question: Question, response: Response | undefined): boolean {
  if (!response || response.kind !== question.kind) return false;
  if (response.kind === 'single') return response.choice !== '';
  if (response.kind === 'multiple') return response.choices.length > 0;
  return question.kind === 'classify' && question.items.every((i) => !!response.placements[i.id]);
}

export function grade(question: Question, response: Response): Grade {
  if (response.kind !== question.kind) return { outcome: 'incorrect', score: 0 };
  switch (question.kind) {
    case 'single':
      return gradeSingle(question, response as Extract<Response, { kind: 'single' }>);
    case 'multiple':
      return gradeMultiple(question, response as Extract<Response, { kind: 'multiple' }>);
    case 'classify':
      return gradeClassify(question, response as Extract<Response, { kind: 'classify' }>);
  }
}

function gradeSingle(q: SingleQuestion, r: { choice: string }): Grade {
  const right = q.options.some((o) => o.correct && o.id === r.choice);
  return { outcome: right ? 'correct' : 'incorrect', score: right ? 1 : 0 };
}

/**
 * Multiple response: each correct option chosen earns a share; each wrong option chosen takes a
 * share back (never below zero), so that choosing everything scores nothing.
 */
function gradeMultiple(q: MultipleQuestion, r: { choices: string[] }): Grade {
  const correct = q.options.filter((o) => o.correct).map((o) => o.id);
  const chosen = new Set(r.choices.filter((c) => q.options.some((o) => o.id === c)));
  const hits = correct.filter((id) => chosen.has(id)).length;
  const wrong = [...chosen].filter((id) => !correct.includes(id)).length;
  const score = Math.max(0, (hits - wrong) / correct.length);
  const exact = hits === correct.length && wrong === 0;
  return { outcome: exact ? 'correct' : hits > 0 && score > 0 ? 'partial' : 'incorrect', score: exact ? 1 : round(score) };
}

function gradeClassify(q: ClassifyQuestion, r: { placements: Record<string, string> }): Grade {
  const right = q.items.filter((i) => r.placements[i.id] === i.category).length;
  const score = right / q.items.length;
  return { outcome: outcomeOf(score), score: round(score) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** One piece of option or item feedback to show. */
export interface FeedbackLine {
  /** Option or item id. */
  id: string;
  /** The option or item text, to name what the feedback is about. */
  label: string;
  /** For options: is it a correct option. For items: was it placed right. */
  correct: boolean;
  /** For options: did the learner choose it. For items: always true. */
  chosen: boolean;
  text: string;
}

/**
 * Feedback for an answer. The learner's own choices always get theirs; correct options they
 * missed get theirs once the check is finished (before that they would give the answer away, so
 * `missedHint` only says that something was missed).
 */
export function feedbackFor(question: Question, response: Response, finished: boolean): { lines: FeedbackLine[]; missedHint: boolean } {
  if (question.kind === 'classify') {
    const placements = response.kind === 'classify' ? response.placements : {};
    const label = (id: string | undefined) => question.categories.find((c) => c.id === id)?.label ?? 'no category';
    const lines = question.items.map((item) => {
      const right = placements[item.id] === item.category;
      const base = right ? `Placed in ${label(item.category)}: right.` : `Placed in ${label(placements[item.id])}${finished ? `; it belongs in ${label(item.category)}` : ': not right'}.`;
      const text = right || finished ? `${base}${item.feedback ? ` ${item.feedback}` : ''}` : base;
      return { id: item.id, label: item.text, correct: right, chosen: true, text };
    });
    return { lines, missedHint: false };
  }
  const chosen = new Set(response.kind === 'single' ? [response.choice] : response.kind === 'multiple' ? response.choices : []);
  const lines: FeedbackLine[] = [];
  let missed = false;
  for (const option of question.options) {
    const isChosen = chosen.has(option.id);
    if (isChosen || (option.correct && finished)) {
      lines.push({ id: option.id, label: option.text, correct: option.correct, chosen: isChosen, text: option.feedback });
    } else if (option.correct) {
      missed = true;
    }
  }
  return { lines, missedHint: missed && question.kind === 'multiple' };
}

export function overallMessage(question: Question, outcome: Outcome): string {
  return question.feedback?.[outcome] ?? DEFAULT_MESSAGES[outcome];
}

export function attemptsLeft(question: Pick<Question, 'attempts'>, state: CheckState | undefined): number {
  return Math.max(0, question.attempts - (state?.attempts ?? 0));
}

/** The correct answer, as text, for "Show answer" and for the assessment review. */
export function correctAnswerText(question: Question): string[] {
  if (question.kind === 'classify') {
    return question.items.map((i) => `${i.text} → ${question.categories.find((c) => c.id === i.category)?.label ?? i.category}`);
  }
  return question.options.filter((o) => o.correct).map((o) => o.text);
}
