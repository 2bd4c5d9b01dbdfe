/**
 * Does imported progress fit this course? The codec keeps what is well formed; this keeps, of
 * that, only what the course can use: knowledge checks, notes and scenarios it has, answers of
 * the right kind with options it offers, scenario paths its decisions allow, assessment attempts
 * on its bank, diagnostic runs of its length. Everything else is set aside, with a reason.
 * Pure; loaded only by the progress page.
 */
import type { Question } from '../../schemas/question';
import type { Scenario } from '../../schemas/scenario';
import { settleRun } from './earlier';
import type { AssessmentAttempt, Progress, Response } from './types';

/** What an answer to a question may hold: its kind and the ids it can name. */
export type AnswerFact =
  | { kind: 'single' | 'multiple'; options: string[] }
  | { kind: 'classify'; items: string[]; categories: string[] };

/** A scenario's decisions: at each node, where each choice leads (`end` ends the run). */
export interface ScenarioFact {
  start: string;
  nodes: Record<string, Record<string, string>>;
  endings: string[];
}

/** What the course has, as the progress page knows it (written into the page at build time). */
export interface CourseContent {
  /** Knowledge checks placed in lessons, by question id. */
  checks: Record<string, AnswerFact>;
  /** The final-assessment bank, by question id. */
  bank: Record<string, AnswerFact>;
  /** Reflection (note) ids. */
  notes: string[];
  scenarios: Record<string, ScenarioFact>;
  /** How many answers and red-flag answers a diagnostic run holds. */
  diagnostic: { answers: number; flags: number };
  /** Artefact ids (content/artefacts/); without it, artefacts are kept as they are. */
  artefacts?: string[];
  /** Pre-check statement ids. */
  precheck?: string[];
  /** Spaced-review checks: the question ids each may ask (earlier lessons' checks). */
  reviews?: Record<string, string[]>;
}

/** Why an entry was set aside. */
export type Unfit = 'lesson' | 'question' | 'answer' | 'option' | 'note' | 'scenario' | 'path' | 'diagnostic' | 'form' | 'artefact';

/** What each reason says, for one entry and for several (“1 names a lesson…”, “2 name lessons…”). */
export const UNFIT: Record<Unfit, [string, string]> = {
  lesson: ['names a lesson this course does not have', 'name lessons this course does not have'],
  question: ['names a question this course does not have', 'name questions this course does not have'],
  answer: ['answers a question with the wrong kind of answer', 'answer questions with the wrong kind of answer'],
  option: ['gives an answer its question does not offer', 'give answers their questions do not offer'],
  note: ['names a note this course does not have', 'name notes this course does not have'],
  scenario: ['names a scenario this course does not have', 'name scenarios this course does not have'],
  path: ['takes moves its scenario does not have', 'take moves their scenarios do not have'],
  diagnostic: ['does not match this course’s diagnostic', 'do not match this course’s diagnostic'],
  form: ['is not in a form this course can read', 'are not in a form this course can read'],
  artefact: ['names a work product this course does not have', 'name work products this course does not have'],
};

/** Counts of entries set aside, by reason. */
export type SetAside = Partial<Record<Unfit, number>>;

/** Counts one more entry set aside for `reason`. */
export function tally(aside: SetAside, reason: Unfit): void {
  aside[reason] = (aside[reason] ?? 0) + 1;
}

/** The value under an own key only: ids from a file never reach a prototype's members. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Why a response does not fit its question, or undefined when it does. */
export function unfitResponse(response: Response, fact: AnswerFact): Unfit | undefined {
  if (response.kind !== fact.kind) return 'answer';
  const offered = (ids: string[], allowed: string[]) => ids.every((x) => allowed.includes(x));
  if (response.kind === 'single') return offered([response.choice], (fact as { options: string[] }).options) ? undefined : 'option';
  if (response.kind === 'multiple') {
    const { choices } = response;
    return new Set(choices).size === choices.length && offered(choices, (fact as { options: string[] }).options) ? undefined : 'option';
  }
  const { items, categories } = fact as { items: string[]; categories: string[] };
  return offered(Object.keys(response.placements), items) && offered(Object.values(response.placements), categories) ? undefined : 'option';
}

/** True when the path replays from the start, each move one of its decision's choices. */
export function replays(fact: ScenarioFact, path: readonly string[]): boolean {
  let node: string | undefined = fact.start;
  for (const choice of path) {
    const next: string | undefined = node === undefined ? undefined : own(own(fact.nodes, node) ?? {}, choice);
    if (next === undefined) return false;
    node = next === 'end' ? undefined : next;
  }
  return true;
}

function unfitAttempt(attempt: AssessmentAttempt, bank: CourseContent['bank']): Unfit | undefined {
  if (attempt.questions.some((q) => !own(bank, q))) return 'question';
  for (const [q, response] of Object.entries(attempt.answers)) {
    const fact = own(bank, q);
    if (!fact || !attempt.questions.includes(q)) return 'question';
    const why = unfitResponse(response, fact);
    if (why) return why;
  }
  return undefined;
}

/** Keeps the entries of a record that `why` finds nothing wrong with, counting the others. */
function keep<T>(record: Record<string, T> | undefined, why: (id: string, value: T) => Unfit | undefined, aside: SetAside): Record<string, T> | undefined {
  if (!record) return undefined;
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(record)) {
    const reason = why(id, value);
    if (reason) tally(aside, reason);
    else out[id] = value;
  }
  return out;
}

/** Only what the course can use, and what was set aside. Lessons and the bookmark are the codec's. */
export function fit(progress: Progress, content: CourseContent, aside: SetAside = {}): { progress: Progress; aside: SetAside } {
  const out: Progress = { ...progress };
  const list = <T>(items: T[] | undefined, why: (item: T) => Unfit | undefined) =>
    items?.filter((item) => {
      const reason = why(item);
      if (reason) tally(aside, reason);
      return !reason;
    });
  const checks = keep(progress.checks, (id, check) => {
    const fact = own(content.checks, id);
    return fact ? unfitResponse(check.response, fact) : 'question';
  }, aside);
  const notes = keep(progress.notes, (id) => (content.notes.includes(id) ? undefined : 'note'), aside);
  const scenarios = keep(progress.scenarios, (id) => {
    const fact = own(content.scenarios, id);
    if (!fact) return 'scenario';
    return undefined;
  }, aside);
  // A run from an earlier version of its scenario is kept, marked as such, not set aside.
  if (scenarios) for (const [id, run] of Object.entries(scenarios)) {
    const fact = own(content.scenarios, id) as ScenarioFact;
    scenarios[id] = settleRun(run, (path) => replays(fact, path), (e) => fact.endings.includes(e));
  }
  const { answers, flags } = content.diagnostic;
  const diagnostics = list(progress.diagnostics, (d) => (d.answers.length === answers && d.flags.length === flags ? undefined : 'diagnostic'));
  const assessments = list(progress.assessments, (a) => unfitAttempt(a, content.bank));
  const artefacts = content.artefacts && keep(progress.artefacts, (id) => (content.artefacts?.includes(id) ? undefined : 'artefact'), aside);
  if (artefacts) out.artefacts = artefacts;
  if (progress.precheck) {
    const statements = content.precheck ?? [];
    const precheck = { ...progress.precheck };
    for (const key of ['before', 'after'] as const) {
      const round = precheck[key];
      if (!round) continue;
      const answers = keep(round.answers, (id) => (statements.includes(id) ? undefined : 'question'), aside) ?? {};
      if (Object.keys(answers).length) precheck[key] = { ...round, answers };
      else delete precheck[key];
    }
    out.precheck = precheck;
  }
  const reviews = keep(progress.reviews, (id, review) => {
    const pool = own(content.reviews ?? {}, id);
    if (!pool) return 'question';
    if (!review.items.every((q) => pool.includes(q))) return 'question';
    for (const [q, check] of Object.entries(review.answers)) {
      const fact = own(content.checks, q);
      if (!fact || !review.items.includes(q)) return 'question';
      const why = unfitResponse(check.response, fact);
      if (why) return why;
    }
    return undefined;
  }, aside);
  if (reviews) out.reviews = reviews;
  if (checks) out.checks = checks;
  if (notes) out.notes = notes;
  if (scenarios) out.scenarios = scenarios;
  if (diagnostics) out.diagnostics = diagnostics;
  if (assessments) out.assessments = assessments;
  return { progress: out, aside };
}

/** True when progress records nothing a learner did (a time of last change alone is nothing). */
export function isEmpty(progress: Progress): boolean {
  const { version: _v, updatedAt: _u, ...rest } = progress;
  return Object.values(rest).every((part) => part === undefined || Object.keys(part).length === 0);
}

const order = Object.keys(UNFIT);

/** “3 entries were set aside: 2 name lessons this course does not have; 1 …”, or '' when none was. */
export function setAsideMessage(aside: SetAside): string {
  const counts = (Object.entries(aside) as [Unfit, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return '';
  const reasons = counts.map(([why, n]) => `${n} ${UNFIT[why][n === 1 ? 0 : 1]}`).join('; ');
  return `${total} ${total === 1 ? 'entry was' : 'entries were'} set aside: ${reasons}.`;
}

/** The answer ids a question accepts. */
export function answerFact(question: Question): AnswerFact {
  return question.kind === 'classify'
    ? { kind: 'classify', items: question.items.map((i) => i.id), categories: question.categories.map((c) => c.id) }
    : { kind: question.kind, options: question.options.map((o) => o.id) };
}

/** A scenario's decisions as `fit` reads them. */
export function scenarioFact(scenario: Pick<Scenario, 'start' | 'nodes' | 'endings'>): ScenarioFact {
  return {
    start: scenario.start,
    nodes: Object.fromEntries(scenario.nodes.map((n) => [n.id, Object.fromEntries(n.choices.map((c) => [c.id, c.next]))])),
    endings: scenario.endings.map((e) => e.id),
  };
}

/** How many answers and red-flag answers a run of the diagnostic holds. */
export function diagnosticFact(diagnostic: { dimensions: readonly { statements: readonly unknown[] }[]; integrity: { flags: readonly unknown[] } }): CourseContent['diagnostic'] {
  return { answers: diagnostic.dimensions.reduce((n, d) => n + d.statements.length, 0), flags: diagnostic.integrity.flags.length };
}
