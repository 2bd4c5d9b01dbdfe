/**
 * A knowledge check inside a lesson: single choice, multiple response or classification.
 * The learner answers with standard controls (radios, checkboxes, selects), checks, reads the
 * feedback, tries again while tries remain; the correct answer and its explanation follow the last
 * try. The last answer and its feedback come back after a reload. Logic lives in lib/questions.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../schemas/question';
import type { Response } from '../lib/progress/types';
import {
  attemptsLeft,
  correctAnswerText,
  feedbackFor,
  grade,
  isComplete,
  isFinished,
  outcomeOf,
  overallMessage,
} from '../lib/questions/grade';
import { $progress, answerCheck } from '../stores/progress';

export interface KnowledgeCheckProps {
  question: Question;
  /** 1-based position in the lesson, for the heading. */
  number: number;
}

const OUTCOME_LABEL = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Incorrect' } as const;

function emptyResponse(q: Question): Response {
  if (q.kind === 'single') return { kind: 'single', choice: '' };
  if (q.kind === 'multiple') return { kind: 'multiple', choices: [] };
  return { kind: 'classify', placements: {} };
}

export default function KnowledgeCheck({ question: q, number }: KnowledgeCheckProps) {
  const progress = useStore($progress, { ssr: () => undefined as never });
  const saved = progress?.checks?.[q.id];
  const [draft, setDraft] = useState<Response | undefined>(undefined);
  const [retrying, setRetrying] = useState(false);
  const [hint, setHint] = useState('');
  const feedbackRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFieldSetElement>(null);
  const focusNext = useRef<'feedback' | 'question' | 'answer' | undefined>(undefined);

  const showingFeedback = !!saved && !retrying;
  const finished = isFinished(q, saved);
  const response = showingFeedback ? saved.response : (draft ?? saved?.response ?? emptyResponse(q));
  const base = `check-${q.id}`;

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === 'feedback') feedbackRef.current?.focus();
    if (target === 'answer') answerRef.current?.focus();
    if (target === 'question') formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  });

  function check(event: Event) {
    event.preventDefault();
    if (!isComplete(q, response)) {
      setHint(q.kind === 'classify' ? 'Choose a category for every item first.' : 'Choose an answer first.');
      return;
    }
    setHint('');
    answerCheck(q.id, response, grade(q, response).score);
    setRetrying(false);
    setDraft(undefined);
    focusNext.current = 'feedback';
  }

  function tryAgain() {
    setDraft(saved?.response);
    setRetrying(true);
    focusNext.current = 'question';
  }

  function choose(next: Response) {
    setHint('');
    setDraft(next);
  }

  const outcome = saved ? outcomeOf(saved.score) : undefined;
  const feedback = showingFeedback ? feedbackFor(q, saved.response, finished) : undefined;
  const left = attemptsLeft(q, saved);
  const triesText = `${q.attempts} ${q.attempts === 1 ? 'try' : 'tries'}`;

  return (
    <form class="check" aria-labelledby={`${base}-title`} onSubmit={check} noValidate>
      <p class="check__kicker" id={`${base}-title`}>
        Knowledge check {number}
        <span class="check__meta">
          {' · '}
          {q.kind === 'multiple' ? 'select all that apply' : q.kind === 'classify' ? 'sort each item' : 'choose one'}
          {' · '}
          {triesText}
        </span>
      </p>
      <fieldset ref={formRef} class="check__fieldset" disabled={showingFeedback} aria-describedby={hint ? `${base}-hint` : undefined}>
        <legend class="check__prompt">{q.prompt}</legend>
        {q.kind === 'single' && (
          <div class="check__options">
            {q.options.map((o) => (
              <label class="check__option" key={o.id}>
                <input
                  type="radio"
                  name={base}
                  value={o.id}
                  checked={response.kind === 'single' && response.choice === o.id}
                  onChange={() => choose({ kind: 'single', choice: o.id })}
                />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        )}
        {q.kind === 'multiple' && (
          <div class="check__options">
            {q.options.map((o) => {
              const chosen = response.kind === 'multiple' ? response.choices : [];
              return (
                <label class="check__option" key={o.id}>
                  <input
                    type="checkbox"
                    value={o.id}
                    checked={chosen.includes(o.id)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      choose({ kind: 'multiple', choices: on ? [...chosen, o.id] : chosen.filter((c) => c !== o.id) });
                    }}
                  />
                  <span>{o.text}</span>
                </label>
              );
            })}
          </div>
        )}
        {q.kind === 'classify' && (
          <ol class="check__items">
            {q.items.map((item) => {
              const placements = response.kind === 'classify' ? response.placements : {};
              return (
                <li class="check__item" key={item.id}>
                  <label for={`${base}-${item.id}`}>{item.text}</label>
                  <select
                    id={`${base}-${item.id}`}
                    value={placements[item.id] ?? ''}
                    onChange={(e) => choose({ kind: 'classify', placements: { ...placements, [item.id]: (e.currentTarget as HTMLSelectElement).value } })}
                  >
                    <option value="">Choose a category…</option>
                    {q.categories.map((c) => (
                      <option value={c.id} key={c.id}>{c.label}</option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ol>
        )}
      </fieldset>
      {!showingFeedback && (
        <div class="check__actions">
          <button type="submit" class="button">Check answer</button>
          <span class="check__tries">
            {saved ? `Try ${saved.attempts + 1} of ${q.attempts}` : `Try 1 of ${q.attempts}`}
          </span>
        </div>
      )}
      <p id={`${base}-hint`} class="check__hint" role="alert">{hint}</p>
      <div class="check__live sr-only" aria-live="polite" aria-atomic="true">
        {showingFeedback && outcome ? `${OUTCOME_LABEL[outcome]}. ${overallMessage(q, outcome)}` : ''}
      </div>
      {showingFeedback && feedback && outcome && (
        <div ref={feedbackRef} tabIndex={-1} class={`check__feedback check__feedback--${outcome}`} aria-labelledby={`${base}-result`}>
          <p id={`${base}-result`} class="check__result">
            <strong>{OUTCOME_LABEL[outcome]}.</strong> {overallMessage(q, outcome)}
          </p>
          <ul class="check__lines">
            {feedback.lines.map((line) => (
              <li key={line.id} class={line.correct ? 'is-right' : 'is-wrong'}>
                <span class="check__line-label">
                  {q.kind === 'classify'
                    ? line.label
                    : `${line.chosen ? 'You chose' : 'You did not choose'}: “${line.label}”${line.correct ? ' (a correct answer)' : ' (not correct)'}`}
                </span>{' '}
                {line.text}
              </li>
            ))}
          </ul>
          {feedback.missedHint && !finished && <p>You missed at least one correct option.</p>}
          {!finished && (
            <div class="check__actions">
              <button type="button" class="button" onClick={tryAgain}>Try again</button>
              <span class="check__tries">{left} {left === 1 ? 'try' : 'tries'} left</span>
            </div>
          )}
          {finished && outcome !== 'correct' && (
            <div class="check__actions">
              <button type="button" class="button button--secondary" onClick={() => answerRef.current?.focus()} aria-controls={`${base}-answer`}>
                Show answer
              </button>
              <span class="check__tries">You have used all {triesText}.</span>
            </div>
          )}
          {finished && (
            <div ref={answerRef} tabIndex={-1} id={`${base}-answer`} class="check__answer" aria-labelledby={`${base}-answer-title`}>
              <p id={`${base}-answer-title`}><strong>{q.kind === 'classify' ? 'The correct sorting' : correctAnswerText(q).length > 1 ? 'The correct answers' : 'The correct answer'}</strong></p>
              <ul>{correctAnswerText(q).map((t) => <li key={t}>{t}</li>)}</ul>
              <p>{q.explanation}</p>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
