/**
 * The optional pre-check (/precheck/): agree, disagree or not sure for each statement, at the start of
 * the course; at the end, the same statements again and the change shown (then vs now, and which views
 * now agree with the evidence). Skippable at every step; nothing here gates a lesson. Logic: lib/retrieval/precheck.
 */
import type { Progress, Stance } from '../lib/progress/types';
import { STANCES, compare, isComplete, precheckStep } from '../lib/retrieval/precheck';
import { savePrecheck, skipThePrecheck } from '../stores/precheck';
import { WithProgress } from './parts/WithProgress';
import { focusInView } from './parts/reveal';

export interface PreCheckStatement {
  id: string;
  text: string;
  evidence: 'agree' | 'disagree';
  why: string;
  lessonHref: string;
  lessonTitle: string;
}

interface Props {
  statements: PreCheckStatement[];
  firstLessonHref: string;
}

interface State {
  progress?: Progress | undefined;
  editing: boolean;
  draft: Record<string, Stance>;
  hint: string;
}

const LABEL: Record<Stance, string> = { agree: 'Agree', disagree: 'Disagree', unsure: 'Not sure' };

export default class PreCheck extends WithProgress<Props, State> {
  override state: State = { editing: false, draft: {}, hint: '' };
  private root: HTMLDivElement | null = null;
  private focusNext = '';

  override componentDidUpdate(): void {
    const selector = this.focusNext;
    this.focusNext = '';
    if (selector) focusInView(this.root?.querySelector<HTMLElement>(selector));
  }

  render({ statements, firstLessonHref }: Props, { progress, editing, draft, hint }: State) {
    if (!progress) return null;
    const pc = progress.precheck;
    const step = precheckStep(pc);
    const round = step.round;
    const showForm = editing || step.form;
    const start = <a href={firstLessonHref}>Start Lesson 1</a>;

    if (showForm) {
      const submit = (event: Event) => {
        event.preventDefault();
        if (!isComplete(statements, draft)) {
          const missing = statements.find((s) => !draft[s.id]);
          this.setState({ hint: 'Answer every statement (“Not sure” is an answer), or skip the pre-check.' });
          if (missing) this.focusNext = `input[name="pc-${missing.id}"]`;
          return;
        }
        savePrecheck(round, draft);
        this.focusNext = '#precheck-result';
        this.setState({ editing: false, draft: {}, hint: '' });
      };
      const skip = () => {
        if (round === 'before') skipThePrecheck();
        this.focusNext = '#precheck-result';
        this.setState({ editing: false, draft: {}, hint: '' });
      };
      return (
        <div ref={(el) => { this.root = el; }}>
          <form class="stack precheck" aria-labelledby="precheck-form-title" onSubmit={submit} noValidate>
            <h2 id="precheck-form-title">{round === 'before' ? 'What do you think now?' : 'What do you think now, after the course?'}</h2>
            {statements.map((s, i) => (
              <fieldset key={s.id} class="check__fieldset">
                <legend class="check__prompt">{`${i + 1}. ${s.text}`}</legend>
                <div class="check__options">
                  {STANCES.map((stance) => (
                    <label class="check__option" key={stance}>
                      <input
                        type="radio"
                        name={`pc-${s.id}`}
                        value={stance}
                        checked={draft[s.id] === stance}
                        onChange={() => this.setState({ hint: '', draft: { ...this.state.draft, [s.id]: stance } })}
                      />
                      <span>{LABEL[stance]}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <p class="check__hint" role="alert">{hint}</p>
            <div class="actions">
              <button type="submit" class="button">Save my answers</button>
              <button type="button" class="button button--secondary" onClick={skip}>{round === 'before' ? 'Skip the pre-check' : 'Cancel'}</button>
            </div>
          </form>
        </div>
      );
    }

    const again = (
      <button type="button" class="button button--secondary" onClick={() => { this.focusNext = 'input'; this.setState({ editing: true, draft: {} }); }}>
        {pc?.after ? 'Answer again' : pc?.before ? 'Answer again now (at the end of the course)' : 'Answer the statements now'}
      </button>
    );
    let body;
    if (pc?.after) {
      const { rows, thenFit, nowFit } = compare(statements, pc);
      body = (
        <>
          <p>
            {`Now ${nowFit} of ${statements.length} of your answers agree with the evidence`}
            {pc.before ? ` (at the start: ${thenFit}).` : '. You skipped the pre-check at the start, so there is nothing to compare with.'}
          </p>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="precheck-table-caption">
            <table>
              <caption id="precheck-table-caption">Your answers then and now, and what the evidence says</caption>
              <thead><tr><th scope="col">Statement</th><th scope="col">Then</th><th scope="col">Now</th><th scope="col">The evidence</th></tr></thead>
              <tbody>
                {rows.map((r) => {
                  const s = statements.find((x) => x.id === r.id) as PreCheckStatement;
                  return (
                    <tr key={r.id}>
                      <th scope="row">{s.text}</th>
                      <td>{r.then ? LABEL[r.then] : '—'}</td>
                      <td>{r.now ? LABEL[r.now] : '—'}{r.nowFits ? ' (agrees with the evidence)' : ''}</td>
                      <td>{`${LABEL[s.evidence]}. ${s.why} `}<a href={s.lessonHref}>{s.lessonTitle}</a></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      );
    } else if (pc?.before) {
      body = (
        <>
          <p>Your answers are saved. At the end of the course (Lesson 7 links back here), answer again to see what changed.</p>
          <p>{start}</p>
        </>
      );
    } else {
      body = <p>You skipped the pre-check. You can answer the statements at any time, for example at the end of the course. {start}</p>;
    }
    return (
      <div ref={(el) => { this.root = el; }} class="stack">
        <div id="precheck-result" tabIndex={-1} role="group" aria-labelledby="precheck-result-title" class="stack">
          <h2 id="precheck-result-title">{pc?.after ? 'Then and now' : pc?.before ? 'Your answers are saved' : 'Pre-check skipped'}</h2>
          {body}
        </div>
        <div class="actions">{again}</div>
      </div>
    );
  }
}
