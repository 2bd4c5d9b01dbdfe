/**
 * What the LMS is told, from the learner's progress: status, score and the assessment answers as
 * interactions, in each standard's vocabulary. Pure: the session writes what this returns.
 */
import type { Question } from '../../schemas/question';
import type { AssessmentAttempt, Progress, Response } from '../progress/types';
import { bestAssessment } from '../progress/summary';
import { grade } from '../questions/grade';
import type { Standard } from './api';
import { scorm12Time, scorm2004Timestamp } from './time';

export interface CourseRules {
  lessonIds: readonly string[];
  passMark: number;
}

export interface Standing {
  /** Every lesson completed and an assessment attempt submitted. */
  completed: boolean;
  success: 'passed' | 'failed' | 'unknown';
  /** Best submitted score, whole percent. */
  score?: number;
  /** 0–1: lessons completed, plus the assessment as one more step. */
  measure: number;
}

export function standing(progress: Progress, rules: CourseRules): Standing {
  const done = rules.lessonIds.filter((id) => progress.lessons[id]?.completedAt).length;
  const submitted = (progress.assessments ?? []).filter((a) => a.submittedAt && a.score !== undefined);
  const best = bestAssessment(progress)?.score;
  const lessonsDone = rules.lessonIds.length > 0 && done === rules.lessonIds.length;
  const completed = lessonsDone && submitted.length > 0;
  const passed = submitted.some((a) => a.passed || (a.score ?? 0) >= rules.passMark);
  const result: Standing = {
    completed,
    success: submitted.length === 0 ? 'unknown' : passed ? 'passed' : 'failed',
    measure: Math.round(((done + (completed ? 1 : 0)) / (rules.lessonIds.length + 1)) * 1000) / 1000,
  };
  if (best !== undefined) result.score = best;
  return result;
}

/** The CMI elements for a standing, in the order they should be written. */
export function statusValues(s: Standing, standard: Standard): [string, string][] {
  if (standard === '1.2') {
    const status = s.completed ? (s.success === 'passed' ? 'passed' : 'failed') : 'incomplete';
    const out: [string, string][] = [['cmi.core.lesson_status', status]];
    if (s.score !== undefined) out.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(s.score)]);
    // Suspended until passed: a learner who failed comes back to the same attempt to retake.
    out.push(['cmi.core.exit', s.completed && s.success === 'passed' ? '' : 'suspend']);
    return out;
  }
  const out: [string, string][] = [
    ['cmi.completion_status', s.completed ? 'completed' : 'incomplete'],
    ['cmi.success_status', s.success],
    ['cmi.progress_measure', String(s.measure)],
  ];
  if (s.score !== undefined) {
    out.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', String(s.score)], ['cmi.score.scaled', String(s.score / 100)]);
  }
  out.push(['cmi.exit', s.completed && s.success === 'passed' ? 'normal' : 'suspend']);
  return out;
}

/** The bookmark: the page to reopen, relative to the course root (`lessons/x/#section`). */
export function bookmark(progress: Progress): string {
  const l = progress.location;
  if (!l) return '';
  return `lessons/${l.lesson}/${l.section ? `#${l.section}` : ''}`;
}

/** SCORM 1.2 responses use one character per option or item: 0–9, then a–z, by position. */
const letter = (index: number) => (index < 10 ? String(index) : String.fromCharCode(87 + index));

/** SCORM 1.2 choice and matching responses are single characters, 0–9 or a–z. */
export function scorm12Characters(ids: readonly string[]): boolean {
  return ids.every((id) => /^[0-9a-z]$/.test(id));
}

/**
 * How SCORM 1.2 names the members of a list in a response: by their own ids when every id is a
 * valid response character (`c` for option c, as the course and the LMS's report both show it),
 * else by position (`2` for the third). SCORM 2004 always uses the ids.
 */
function namer(ids: readonly string[]): (id: string) => string {
  return scorm12Characters(ids) ? (id) => id : (id) => letter(ids.indexOf(id));
}

function pattern(q: Question, r: Response | undefined, standard: Standard): string {
  if (!r) return '';
  if (q.kind === 'classify' && r.kind === 'classify') {
    const item = namer(q.items.map((i) => i.id));
    const category = namer(q.categories.map((c) => c.id));
    const pairs = q.items.filter((i) => r.placements[i.id]).map((i) => {
      const placed = r.placements[i.id]!;
      return standard === '2004' ? `${i.id}[.]${placed}` : `${item(i.id)}.${category(placed)}`;
    });
    return pairs.join(standard === '2004' ? '[,]' : ',');
  }
  if (q.kind === 'classify') return '';
  const chosen = r.kind === 'single' ? [r.choice] : r.kind === 'multiple' ? r.choices : [];
  const option = namer(q.options.map((o) => o.id));
  const ids = q.options.filter((o) => chosen.includes(o.id));
  return ids.map((o) => (standard === '2004' ? o.id : option(o.id))).join(standard === '2004' ? '[,]' : ',');
}

function correctResponse(q: Question): Response {
  if (q.kind === 'classify') return { kind: 'classify', placements: Object.fromEntries(q.items.map((i) => [i.id, i.category])) };
  const right = q.options.filter((o) => o.correct).map((o) => o.id);
  return q.kind === 'single' ? { kind: 'single', choice: right[0] ?? '' } : { kind: 'multiple', choices: right };
}

/** What differs between the standards' interaction fields. */
const VOCABULARY = {
  '1.2': { time: 'time', response: 'student_response', wrong: 'wrong', stamp: scorm12Time, longest: 255 },
  '2004': { time: 'timestamp', response: 'learner_response', wrong: 'incorrect', stamp: scorm2004Timestamp, longest: Infinity },
} as const;

/**
 * Each interaction of one submitted attempt as its fields, `id` first (SCORM 2004 wants it
 * first), not yet numbered. `attemptId` keeps the ids of different attempts apart.
 */
export function interactionFields(
  attempt: AssessmentAttempt,
  questions: ReadonlyMap<string, Question>,
  standard: Standard,
  attemptId: number,
): [string, string][][] {
  const v = VOCABULARY[standard];
  const when = v.stamp(new Date(attempt.submittedAt ?? attempt.startedAt));
  return attempt.questions.flatMap((id) => {
    const q = questions.get(id);
    if (!q) return [];
    const response = attempt.answers[id];
    const score = response ? grade(q, response).score : 0;
    const fields: [string, string][] = [
      ['id', `a${attemptId}-${id}`],
      ['type', q.kind === 'classify' ? 'matching' : 'choice'],
      ['objectives.0.id', q.objective],
      [v.time, when],
      ['correct_responses.0.pattern', pattern(q, correctResponse(q), standard)],
      ['weighting', '1'],
      [v.response, pattern(q, response, standard).slice(0, v.longest)],
      ['result', score >= 1 ? 'correct' : v.wrong],
    ];
    return [fields];
  });
}

/** The interactions for one submitted attempt as CMI elements, numbered from `first` (the LMS's current count). */
export function interactions(
  attempt: AssessmentAttempt,
  questions: ReadonlyMap<string, Question>,
  standard: Standard,
  first: number,
  attemptId: number,
): [string, string][] {
  return interactionFields(attempt, questions, standard, attemptId).flatMap((fields, i) =>
    fields.map(([field, value]): [string, string] => [`cmi.interactions.${first + i}.${field}`, value]),
  );
}
