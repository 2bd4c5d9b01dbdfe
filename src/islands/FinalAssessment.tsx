/**
 * The final assessment: locked until every lesson is completed; then a seeded draw from the bank,
 * one try per question, answers saved as they are given; a results view with the score against the
 * pass mark, a breakdown by objective and a review of every answer; retakes draw anew.
 */
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { Question } from '../schemas/question';
import { emptyProgress, type AssessmentAttempt } from '../lib/progress';
import {
  correctAnswerText,
  drawAttempt,
  isComplete,
  newSeed,
  optionOrder,
  responseText,
  scoreAttempt,
} from '../lib/questions';
import { $progress } from '../stores/progress';
import { answerInAssessment, beginAssessment, finishAssessment } from '../stores/records';
import { useFocusAfterRender } from './parts/focus';
import { QuestionFields, emptyResponse } from './parts/QuestionFields';

export interface FinalAssessmentProps {
  bank: { question: Question; lesson: string }[];
  passMark: number;
  count: number;
  lessons: { id: string; title: string; href: string }[];
  objectives: { id: string; text: string; lesson: string }[];
  certificateHref: string;
  /** In a SCORM package: how an attempt that was not taken in an LMS session (imported) is labelled. */
  notSentLabel?: string | undefined;
}

const serverProgress = emptyProgress();
const OUTCOME = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Incorrect' } as const;

function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : '';
}

export default function FinalAssessment(props: FinalAssessmentProps) {
  const { bank, passMark, count, lessons, objectives, certificateHref, notSentLabel } = props;
  /** The label for an attempt the LMS was not given, if any. */
  const notSent = (a: AssessmentAttempt) => (notSentLabel && !a.lms ? notSentLabel : undefined);
  const progress = useStore($progress, { ssr: () => serverProgress });
  const [missing, setMissing] = useState<string[]>([]);
  const focusOn = useFocusAfterRender();
  const byId = new Map(bank.map((b) => [b.question.id, b.question]));

  const remaining = lessons.filter((l) => !progress.lessons[l.id]?.completedAt);
  if (remaining.length > 0) {
    return (
      <section class="panel" aria-labelledby="assessment-locked">
        <h2 id="assessment-locked">The assessment opens when every lesson is completed</h2>
        <p>
          You have completed {lessons.length - remaining.length} of {lessons.length} {lessons.length === 1 ? 'lesson' : 'lessons'}. Still to complete:
        </p>
        <ul>{remaining.map((l) => <li key={l.id}><a href={l.href}>{l.title}</a></li>)}</ul>
      </section>
    );
  }

  const attempts = progress.assessments ?? [];
  const latest: AssessmentAttempt | undefined = attempts.at(-1);

  function start() {
    const seed = newSeed();
    const items = bank.map((b) => ({ id: b.question.id, group: b.lesson, objective: b.question.objective, variant: b.question.variant }));
    const drawn = drawAttempt(items, attempts.map((a) => a.questions), count, seed);
    beginAssessment(seed, drawn);
    setMissing([]);
    focusOn('assessment-questions-title');
  }

  if (!latest) {
    return (
      <section class="panel" aria-labelledby="assessment-start">
        <h2 id="assessment-start">Ready when you are</h2>
        <p>{count} questions, drawn from a bank of {bank.length} that covers every lesson objective. Each question has one try. You pass with {passMark}% or more.</p>
        <p>Your answers are saved as you go, so you can leave and come back. You can retake the assessment as often as you like; each attempt draws new questions.</p>
        <p><button type="button" class="button primary-action" onClick={start}>Start the assessment</button></p>
      </section>
    );
  }

  const drawn = latest.questions.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
  const objectiveOrder = objectives.map((o) => o.id);

  if (!latest.submittedAt) {
    const answered = drawn.filter((q) => isComplete(q, latest.answers[q.id])).length;
    const submit = (event: Event) => {
      event.preventDefault();
      // The answers as saved now: an answer given a moment ago may not have re-rendered yet.
      const saved = $progress.get().assessments?.at(-1);
      const answers = saved?.seed === latest.seed ? saved.answers : latest.answers;
      const gaps = drawn.filter((q) => !isComplete(q, answers[q.id])).map((q) => q.id);
      setMissing(gaps);
      if (gaps.length > 0) {
        focusOn('assessment-missing');
        return;
      }
      const result = scoreAttempt(drawn, answers, passMark, objectiveOrder);
      focusOn('assessment-result');
      finishAssessment(latest.seed, result.score, result.passed);
    };
    return (
      <form class="assessment" aria-labelledby="assessment-questions-title" onSubmit={submit} noValidate>
        <h2 id="assessment-questions-title" tabIndex={-1}>Your questions</h2>
        <p>Attempt started {formatDate(latest.startedAt)}. Answered {answered} of {drawn.length}; answers are saved as you go.</p>
        {missing.length > 0 && (
          <div id="assessment-missing" class="notice notice--error" tabIndex={-1} role="alert">
            <p><strong>{missing.length === 1 ? 'One question is' : `${missing.length} questions are`} not answered yet:</strong></p>
            <ul>
              {missing.map((id) => (
                <li key={id}><a href={`#aq-${id}`}>Question {latest.questions.indexOf(id) + 1}</a></li>
              ))}
            </ul>
          </div>
        )}
        <ol class="assessment__list">
          {drawn.map((q, i) => (
            <li key={q.id} id={`aq-${q.id}`} class="check" data-question-id={q.id} tabIndex={-1}>
              <fieldset class="check__fieldset">
                <legend class="check__prompt">
                  <span class="check__kicker">Question {i + 1} of {drawn.length}{q.kind === 'multiple' ? ' · select all that apply' : q.kind === 'classify' ? ' · sort each item' : ''}</span>
                  <span class="assessment__prompt">{q.prompt}</span>
                </legend>
                <QuestionFields
                  question={q}
                  idBase={`aq-${q.id}-input`}
                  response={latest.answers[q.id] ?? emptyResponse(q)}
                  optionIds={q.kind === 'classify' ? undefined : optionOrder(q.options, latest.seed, q.id).map((o) => o.id)}
                  onChange={(next) => answerInAssessment(latest.seed, q.id, next)}
                />
              </fieldset>
            </li>
          ))}
        </ol>
        <p><button type="submit" class="button primary-action">Submit my answers</button></p>
      </form>
    );
  }

  const result = scoreAttempt(drawn, latest.answers, passMark, objectiveOrder);
  const objectiveText = new Map(objectives.map((o) => [o.id, o]));
  const lessonTitle = new Map(lessons.map((l) => [l.id, l.title]));
  const earlier = attempts.filter((a) => a.submittedAt && a !== latest);
  return (
    <div class="stack assessment">
      <section class="panel" aria-labelledby="assessment-result">
        <h2 id="assessment-result" tabIndex={-1}>
          {result.passed ? `You passed: ${result.score}%` : `Not passed yet: ${result.score}%`}
        </h2>
        <p>
          The pass mark is {passMark}%. You scored {result.score}% on {drawn.length} questions ({formatDate(latest.submittedAt)}).
          {result.passed
            ? ' Well done: with every lesson completed, you have completed the course.'
            : ' Review the answers below, revisit the lessons for the objectives you found hardest, then try again: a new attempt draws new questions.'}
        </p>
        {notSent(latest) && <p class="muted">This attempt: {notSent(latest)}.</p>}
        <div class="actions">
          {result.passed && <a class="button" href={certificateHref}>Get your certificate</a>}
          <button type="button" class={`button${result.passed ? ' button--secondary' : ''}`} onClick={start}>Retake the assessment</button>
        </div>
      </section>

      <section aria-labelledby="assessment-breakdown" class="stack">
        <h2 id="assessment-breakdown">Results by objective</h2>
        <div class="table-wrap" role="region" aria-labelledby="assessment-breakdown-caption" tabIndex={0}>
          <table>
            <caption id="assessment-breakdown-caption">Your score on the questions for each lesson objective</caption>
            <thead>
              <tr><th scope="col">Objective</th><th scope="col">Lesson</th><th scope="col">Questions</th><th scope="col">Score</th></tr>
            </thead>
            <tbody>
              {result.objectives.map((o) => (
                <tr key={o.objective}>
                  <th scope="row">{objectiveText.get(o.objective)?.text ?? o.objective}</th>
                  <td>{lessonTitle.get(objectiveText.get(o.objective)?.lesson ?? '') ?? ''}</td>
                  <td>{o.items}</td>
                  <td>{o.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="assessment-review" class="stack">
        <h2 id="assessment-review">Review your answers</h2>
        <ol class="assessment__list">
          {drawn.map((q, i) => {
            const r = result.questions[i];
            const mine = responseText(q, latest.answers[q.id]);
            return (
              <li key={q.id} class={`check assessment__review assessment__review--${r?.outcome ?? 'incorrect'}`}>
                <h3 class="assessment__review-title">Question {i + 1}: {OUTCOME[r?.outcome ?? 'incorrect']}</h3>
                <p class="check__prompt">{q.prompt}</p>
                <p><strong>Your answer:</strong></p>
                <ul>{mine.length > 0 ? mine.map((t) => <li key={t}>{t}</li>) : <li>No answer</li>}</ul>
                <p><strong>{q.kind === 'classify' ? 'The correct sorting:' : 'The correct answer:'}</strong></p>
                <ul>{correctAnswerText(q).map((t) => <li key={t}>{t}</li>)}</ul>
                <p>{q.explanation}</p>
              </li>
            );
          })}
        </ol>
      </section>

      {earlier.length > 0 && (
        <section aria-labelledby="assessment-history" class="stack">
          <h2 id="assessment-history">Earlier attempts</h2>
          <ul>{earlier.map((a) => <li key={a.startedAt}>{formatDate(a.submittedAt)}: {a.score}% ({a.passed ? 'passed' : 'not passed'}{notSent(a) ? `; ${notSent(a)}` : ''})</li>)}</ul>
        </section>
      )}
    </div>
  );
}
