/**
 * A knowledge check inside a lesson: single choice, multiple response or classification.
 * The learner answers with standard controls (radios, checkboxes, selects), checks, reads the
 * feedback, tries again while tries remain; the correct answer and its explanation follow the last
 * try. The last answer and its feedback come back after a reload. Logic lives in lib/questions.
 */
import type { Question } from '../schemas/question';
import type { CheckState, Progress, Response } from '../lib/progress/types';
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
import { checkOrder } from '../lib/questions/check-order';
import { answerCheck } from '../stores/progress';
import { QuestionFields, emptyResponse } from './parts/QuestionFields';
import { WithProgress } from './parts/WithProgress';
import { focusInView } from './parts/reveal';

export interface KnowledgeCheckProps {
  question: Question;
  /** 1-based position in the lesson, for the heading. */
  number: number;
  /** In a spaced review (ReviewCheck): where the answer is kept instead of `checks`, and the heading. */
  review?: { label: string; saved: (p: Progress | undefined) => CheckState | undefined; save: (r: Response, score: number) => void };
}

interface State {
  progress?: Progress | undefined;
  /** The answer being edited (before "Check answer"). */
  draft?: Response | undefined;
  /** True after "Try again", until the next check. */
  retrying: boolean;
  hint: string;
}

const OUTCOME_LABEL = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Incorrect' } as const;

export default class KnowledgeCheck extends WithProgress<KnowledgeCheckProps, State> {
  override state: State = { retrying: false, hint: '' };
  private focusNext: 'feedback' | 'question' | 'answer' | undefined;
  private root: HTMLFormElement | null = null;

  override componentDidUpdate(): void {
    const target = this.focusNext;
    this.focusNext = undefined;
    const selector = target === 'feedback' ? '.check__feedback' : target === 'answer' ? '.check__answer' : target === 'question' ? 'input, select' : '';
    if (selector) focusInView(this.root?.querySelector<HTMLElement>(selector));
  }

  render({ question: q, number, review }: KnowledgeCheckProps, { progress, draft, retrying, hint }: State) {
    const saved = review ? review.saved(progress) : progress?.checks?.[q.id];
    const showingFeedback = !!saved && !retrying;
    const finished = isFinished(q, saved);
    const response = showingFeedback ? saved.response : (draft ?? saved?.response ?? emptyResponse(q));
    const base = `check-${q.id}`;
    const outcome = saved ? outcomeOf(saved.score) : undefined;
    const feedback = showingFeedback ? feedbackFor(q, saved.response, finished) : undefined;
    const left = attemptsLeft(q, saved);
    const triesText = `${q.attempts} ${q.attempts === 1 ? 'try' : 'tries'}`;
    // The learner's own order (the build's order until their seed is known, and without JavaScript).
    const shown = q.kind === 'classify' ? undefined : checkOrder(q.options, progress?.optionSeed ?? 0, q.id);
    const order = shown?.map((o) => o.id);
    const rank = (id: string) => order?.indexOf(id) ?? 0;
    const answers = shown ? shown.filter((o) => o.correct).map((o) => o.text) : correctAnswerText(q);
    const lines = feedback ? [...feedback.lines].sort((a, b) => rank(a.id) - rank(b.id)) : [];

    const check = (event: Event) => {
      event.preventDefault();
      if (!isComplete(q, response)) {
        this.setState({ hint: q.kind === 'classify' ? 'Sort every item first.' : 'Choose an answer first.' });
        return;
      }
      const { score } = grade(q, response);
      if (review) review.save(response, score);
      else answerCheck(q.id, response, score);
      this.focusNext = 'feedback';
      this.setState({ hint: '', retrying: false, draft: undefined });
    };
    const tryAgain = () => {
      this.focusNext = 'question';
      this.setState({ draft: saved?.response, retrying: true });
    };
    const choose = (next: Response) => this.setState({ hint: '', draft: next });

    return (
      <form ref={(el) => { this.root = el; }} class="check" aria-labelledby={`${base}-title`} onSubmit={check} noValidate>
        <p class="check__kicker" id={`${base}-title`}>
          {review ? review.label : `Knowledge check ${number}`}
          <span class="check__meta">
            {' · '}
            {q.kind === 'multiple' ? 'select all that apply' : q.kind === 'classify' ? 'sort each item' : 'choose one'}
            {' · '}
            {triesText}
          </span>
        </p>
        <fieldset class="check__fieldset" disabled={showingFeedback} aria-describedby={hint ? `${base}-hint` : undefined}>
          <legend class="check__prompt">{q.prompt}</legend>
          <QuestionFields question={q} response={response} onChange={choose} idBase={base} optionIds={order} />
        </fieldset>
        {!showingFeedback && (
          <div class="check__actions">
            <button type="submit" class="button">Check answer</button>
            <span class="check__tries">{`Try ${(saved?.attempts ?? 0) + 1} of ${q.attempts}`}</span>
          </div>
        )}
        <p id={`${base}-hint`} class="check__hint" role="alert">{hint}</p>
        <div class="sr-only" aria-live="polite" aria-atomic="true">
          {showingFeedback && outcome ? `${OUTCOME_LABEL[outcome]}. ${overallMessage(q, outcome)}` : ''}
        </div>
        {feedback && outcome && (
          <div tabIndex={-1} role="group" class={`check__feedback check__feedback--${outcome}`} aria-labelledby={`${base}-result`}>
            <p id={`${base}-result`} class="check__result">
              <strong>{OUTCOME_LABEL[outcome]}.</strong> {overallMessage(q, outcome)}
            </p>
            <ul class="check__lines">
              {lines.map((line) => (
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
                <button
                  type="button"
                  class="button button--secondary"
                  aria-controls={`${base}-answer`}
                  onClick={() => focusInView(this.root?.querySelector<HTMLElement>('.check__answer'))}
                >
                  Show answer
                </button>
                <span class="check__tries">You have used all {triesText}.</span>
              </div>
            )}
            {finished && (
              <div tabIndex={-1} role="group" id={`${base}-answer`} class="check__answer" aria-labelledby={`${base}-answer-title`}>
                <p id={`${base}-answer-title`}>
                  <strong>{q.kind === 'classify' ? 'The correct sorting' : answers.length > 1 ? 'The correct answers' : 'The correct answer'}</strong>
                </p>
                <ul>{answers.map((t) => <li key={t}>{t}</li>)}</ul>
                <p>{q.explanation}</p>
              </div>
            )}
          </div>
        )}
      </form>
    );
  }
}
