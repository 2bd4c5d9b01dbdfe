/**
 * The Team Distribution Readiness Diagnostic: a form of 24 statements rated 1–5 and six yes/no red
 * flags; on "See my result" it checks that everything is answered (an error summary links to what is
 * missing), saves the answers with `saveDiagnostic`, and shows the result: a bar chart with its
 * equivalent table, the change since the previous result, the matched profiles, the integrity
 * warning and the context questions. Scoring lives in lib/diagnostic; this file renders and dispatches.
 */
import { useStore } from '@nanostores/preact';
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DiagnosticData } from '../schemas/diagnostic';
import { emptyProgress, type DiagnosticResult } from '../lib/progress';
import {
  contextProfiles,
  describeRule,
  formatChange,
  isReadable,
  statements,
  summarise,
  unanswered,
  type Comparison,
} from '../lib/diagnostic';
import { $progress } from '../stores/progress';
import { saveDiagnostic } from '../stores/records';
import { useFocusAfterRender } from './parts/focus';
import { Kept } from './parts/Kept';

export interface DiagnosticProps {
  data: DiagnosticData;
  /** Short label and link of every reference the data cites, by id. */
  references: Record<string, { short: string; href: string }>;
}

/** What the error summary lists: a statement or a red flag without an answer. */
interface Missing {
  /** The fieldset's id; the link's target. */
  target: string;
  label: string;
}

const serverProgress = emptyProgress();
const FORM_TITLE = 'tdrd-form-title';
const ERRORS = 'tdrd-errors';
const RESULT_TITLE = 'tdrd-result-title';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A copy of a sparse list with one item set (`Array#with` refuses indexes past the end). */
function withItem<T>(list: readonly (T | undefined)[], index: number, value: T): (T | undefined)[] {
  const next = [...list];
  next[index] = value;
  return next;
}

/** " Sources: Carson et al., 2007; Wu et al., 2020." after a text, each linked to the References page. */
function Cites({ ids, references }: { ids: string[]; references: DiagnosticProps['references'] }) {
  const known = ids.filter((id) => references[id]);
  if (known.length === 0) return null;
  return (
    <>
      {known.length === 1 ? ' Source: ' : ' Sources: '}
      {known.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && '; '}
          <a href={references[id]?.href}>{references[id]?.short}</a>
        </Fragment>
      ))}
      .
    </>
  );
}

export default function Diagnostic({ data, references }: DiagnosticProps) {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const items = statements(data);
  const flagsData = data.integrity.flags;
  const [answers, setAnswers] = useState<(number | undefined)[]>([]);
  const [flags, setFlags] = useState<(boolean | undefined)[]>([]);
  const [tried, setTried] = useState(false);
  const [missing, setMissing] = useState<Missing[]>([]);
  const [retaking, setRetaking] = useState(false);
  // Shown only when the store would not take the result (no course facts): the learner still sees it.
  const [unsaved, setUnsaved] = useState<DiagnosticResult | undefined>(undefined);
  const focusOn = useFocusAfterRender();

  const runs = progress.diagnostics ?? [];
  const stored = runs.at(-1);
  const latest = unsaved ?? (stored && isReadable(data, stored) ? stored : undefined);
  const previous = unsaved ? stored : runs.at(-2);
  const outdated = stored !== undefined && latest === undefined;

  function clearForm() {
    setAnswers([]);
    setFlags([]);
    setTried(false);
    setMissing([]);
  }

  function submit(event: Event) {
    event.preventDefault();
    const gaps: Missing[] = [
      ...unanswered(answers, items.length).map((i) => ({ target: `tdrd-${items[i]?.id}`, label: `Statement ${i + 1}: ${items[i]?.text}` })),
      ...unanswered(flags, flagsData.length).map((i) => ({ target: `tdrd-${flagsData[i]?.id}`, label: `Red flag ${i + 1}: ${flagsData[i]?.text}` })),
    ];
    setTried(true);
    setMissing(gaps);
    if (gaps.length > 0) {
      focusOn(ERRORS);
      return;
    }
    const result = { answers: answers as number[], flags: flags as boolean[] };
    const before = $progress.get().diagnostics?.at(-1);
    saveDiagnostic(result.answers, result.flags);
    const saved = $progress.get().diagnostics?.at(-1) !== before;
    setUnsaved(saved ? undefined : { ...result, at: new Date().toISOString() });
    setRetaking(false);
    clearForm();
    focusOn(RESULT_TITLE);
  }

  function retake() {
    clearForm();
    setUnsaved(undefined);
    setRetaking(true);
    focusOn(FORM_TITLE);
  }

  function backToResult() {
    clearForm();
    setRetaking(false);
    focusOn(RESULT_TITLE);
  }

  /** Error links go to the question: its legend scrolled into view, its first radio focused. */
  function jump(event: Event, target: string) {
    event.preventDefault();
    const fieldset = document.getElementById(target);
    fieldset?.scrollIntoView({ block: 'start' });
    fieldset?.querySelector('input')?.focus({ preventScroll: true });
  }

  const disclaimer = (
    <p class="notice tdrd-disclaimer">
      <strong>Not a validated instrument.</strong> {data.disclaimer.text}
      <Cites ids={data.disclaimer.references} references={references} />
    </p>
  );

  if (latest && !retaking) {
    return (
      <Result
        data={data}
        references={references}
        result={latest}
        previous={previous}
        disclaimer={disclaimer}
        unsaved={unsaved !== undefined}
        onRetake={retake}
      />
    );
  }

  const choose = (i: number, value: number) => setAnswers((a) => withItem(a, i, value));
  const flag = (i: number, value: boolean) => setFlags((f) => withItem(f, i, value));
  let n = 0;

  return (
    <form class="tdrd-form" aria-labelledby={FORM_TITLE} onSubmit={submit} noValidate>
      <h2 id={FORM_TITLE} tabIndex={-1}>{retaking ? 'Retake the diagnostic' : 'Rate your team'}</h2>
      {missing.length > 0 && (
        <div id={ERRORS} class="notice notice--error tdrd-errors" role="alert" tabIndex={-1} aria-labelledby={`${ERRORS}-title`}>
          <h3 id={`${ERRORS}-title`}>
            {missing.length === 1 ? '1 answer is missing' : `${missing.length} answers are missing`}
          </h3>
          <p>Answer every statement and red flag to see your result:</p>
          <ul>
            {missing.map((m) => (
              <li key={m.target}><a href={`#${m.target}`} onClick={(e) => jump(e, m.target)}>{m.label}</a></li>
            ))}
          </ul>
        </div>
      )}
      {outdated && (
        <p class="notice">Your last saved result was made with an earlier version of this diagnostic and cannot be shown. Take the diagnostic again to see a result.</p>
      )}
      <p>
        {`Answer all ${items.length} statements and the ${flagsData.length} red flags. `}
        <Kept
          browser="Your answers are saved in this browser only, when you select “See my result”; the last three results are kept so that you can compare them."
          lms="Your answers are saved when you select “See my result”: your LMS keeps the latest result, and this browser the last three, so that you can compare them."
          review="This is a review, so your result is not saved: print it to keep it."
        />
      </p>
      {disclaimer}

      {data.dimensions.map((dim) => (
        <section key={dim.id} class="tdrd-dimension" aria-labelledby={`tdrd-dim-${dim.id}`}>
          <h3 id={`tdrd-dim-${dim.id}`}>{dim.title}</h3>
          <p class="tdrd-evidence">
            {dim.evidence}
            <Cites ids={dim.references} references={references} />
          </p>
          {dim.statements.map((s) => {
            const i = n++;
            const error = tried && answers[i] === undefined;
            return (
              <fieldset key={s.id} id={`tdrd-${s.id}`} class={`tdrd-item${error ? ' tdrd-item--error' : ''}`} aria-describedby={error ? `tdrd-${s.id}-error` : undefined}>
                <legend><span class="tdrd-number">{`${i + 1}.`}</span> {s.text}</legend>
                {error && <p id={`tdrd-${s.id}-error`} class="tdrd-error">Choose an answer from 1 to 5.</p>}
                <div class="tdrd-choices">
                  {data.scale.map((p) => (
                    <label key={p.value} class="tdrd-choice">
                      <input type="radio" name={s.id} value={p.value} checked={answers[i] === p.value} onChange={() => choose(i, p.value)} />
                      <span class="tdrd-choice__value">{p.value}</span> <span class="tdrd-choice__label">{p.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </section>
      ))}

      <section class="tdrd-dimension" aria-labelledby="tdrd-integrity-title">
        <h3 id="tdrd-integrity-title">{data.integrity.title}</h3>
        <p>{data.integrity.intro}</p>
        {flagsData.map((f, i) => {
          const error = tried && flags[i] === undefined;
          return (
            <fieldset key={f.id} id={`tdrd-${f.id}`} class={`tdrd-item${error ? ' tdrd-item--error' : ''}`} aria-describedby={error ? `tdrd-${f.id}-error` : undefined}>
              <legend><span class="tdrd-number">{`${i + 1}.`}</span> {f.text}</legend>
              {error && <p id={`tdrd-${f.id}-error`} class="tdrd-error">Choose yes or no.</p>}
              <div class="tdrd-choices tdrd-choices--yes-no">
                {[true, false].map((value) => (
                  <label key={String(value)} class="tdrd-choice">
                    <input type="radio" name={f.id} value={value ? 'yes' : 'no'} checked={flags[i] === value} onChange={() => flag(i, value)} />
                    <span class="tdrd-choice__value">{value ? 'Yes' : 'No'}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </section>

      <div class="actions tdrd-actions">
        <button type="submit" class="button primary-action">See my result</button>
        {retaking && latest && <button type="button" class="button button--secondary" onClick={backToResult}>Back to my last result</button>}
      </div>
    </form>
  );
}

interface ResultProps {
  data: DiagnosticData;
  references: DiagnosticProps['references'];
  result: DiagnosticResult;
  previous: DiagnosticResult | undefined;
  disclaimer: ComponentChildren;
  unsaved: boolean;
  onRetake: () => void;
}

function Result({ data, references, result, previous, disclaimer, unsaved, onRetake }: ResultProps) {
  const summary = summarise(data, result, previous);
  const { scores, profiles, flags, compared } = summary;
  const bandText = data.bands.map((b) => `${b.min}–${b.max} ${b.label.toLowerCase()}`).join(', ');
  const yes = data.integrity.flags.filter((_, i) => result.flags[i]);
  return (
    <div class="tdrd-result stack">
      <h2 id={RESULT_TITLE} tabIndex={-1}>Your result</h2>
      <p class="meta">
        Completed on {formatDate(result.at)}.
        {compared && previous ? ` Compared with your previous result, of ${formatDate(previous.at)}.` : ''}
      </p>
      {unsaved && <p class="notice notice--error">This result could not be saved in this browser: print it to keep it.</p>}
      {disclaimer}

      <section class="stack" aria-labelledby="tdrd-scores-title">
        <h3 id="tdrd-scores-title">Scores by dimension</h3>
        <p>Each dimension scores from 3 to 15, the sum of its three answers: {bandText}.</p>
        <Chart data={data} scores={scores} />
        <div class="table-wrap" role="region" aria-labelledby="tdrd-table-caption" tabIndex={0}>
          <table>
            <caption id="tdrd-table-caption">Your scores by dimension{compared ? ', with your previous result' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Score (3–15)</th>
                <th scope="col">Band</th>
                {compared && <th scope="col">Previous score</th>}
                {compared && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.dimension}>
                  <th scope="row">{s.title}</th>
                  <td>{s.score}</td>
                  <td>{s.band.label}</td>
                  {compared && <td>{s.previous ?? ''}</td>}
                  {compared && <td>{s.change === undefined ? '' : formatChange(s.change)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="stack" aria-labelledby="tdrd-mix-title">
        <h3 id="tdrd-mix-title">Suggested starting mix</h3>
        {profiles.length === 0 ? (
          <p>{data.noProfile}</p>
        ) : (
          profiles.map((p) => (
            <div key={p.id} class="tdrd-profile">
              <h4>{p.title}</h4>
              <p>{p.mix}</p>
              {p.when && <p class="muted">Why this applies: {describeRule(data, p.when)}.</p>}
            </div>
          ))
        )}
      </section>

      <section class="stack" aria-labelledby="tdrd-flags-title">
        <h3 id="tdrd-flags-title">{data.integrity.title}</h3>
        <p>
          You answered yes to {flags.count} of {flags.total} red flags{flags.count > 0 ? ':' : '.'}
        </p>
        {yes.length > 0 && <ul>{yes.map((f) => <li key={f.id}>{f.text}</li>)}</ul>}
        {flags.warning ? (
          <div class="notice notice--error tdrd-warning">
            <h4>{data.integrity.warning.title}</h4>
            <p>
              {data.integrity.warning.text}
              <Cites ids={data.integrity.warning.references} references={references} />
            </p>
          </div>
        ) : (
          <p class="muted">The warning about delegation dressed up as distribution appears from {flags.threshold} “yes” answers.</p>
        )}
      </section>

      <section class="stack" aria-labelledby="tdrd-context-title">
        <h3 id="tdrd-context-title">{data.context.title}</h3>
        <p>{data.context.intro}</p>
        <ul class="tdrd-context">
          {data.context.questions.map((q) => (
            <li key={q.id}>
              <p><strong>{q.question}</strong></p>
              {contextProfiles(data, q.id).map((p) => (
                <p key={p.id}>{q.watchFor}? Consider the “{p.title}” mix: {p.mix}</p>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <div class="actions no-print">
        <button type="button" class="button" onClick={onRetake}>Retake the diagnostic</button>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>Print</button>
      </div>
    </div>
  );
}

/** Horizontal bars on the 3–15 scale, the bands as labelled zones. The table below says the same in text. */
function Chart({ data, scores }: { data: DiagnosticData; scores: Comparison[] }) {
  const lo = data.bands[0]?.min ?? 3;
  const hi = data.bands.at(-1)?.max ?? 15;
  const left = 8;
  const plot = 584;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * plot;
  const top = 62;
  const row = 64;
  const height = top + scores.length * row + 30;
  const summary = `Bar chart of your scores, 3 to 15, by dimension: ${scores.map((s) => `${s.title} ${s.score} (${s.band.label.toLowerCase()})`).join('; ')}.`;
  return (
    <figure class="tdrd-chart">
      <svg viewBox={`0 0 640 ${height}`} role="img" aria-label={summary}>
        <title>Your scores by dimension</title>
        {data.bands.map((b) => {
          // Zones run between the half points (7.5, 11.5) so that every whole score sits inside one.
          const from = x(Math.max(lo, b.min - 0.5));
          const to = x(Math.min(hi, b.max + 0.5));
          return (
            <g key={b.id}>
              <rect class={`tdrd-chart__zone tdrd-chart__zone--${b.id}`} x={from} y={0} width={to - from} height={height - 30} />
              <text class="tdrd-chart__text tdrd-chart__band" x={(from + to) / 2} y={24} text-anchor="middle">{b.label}</text>
              <text class="tdrd-chart__text" x={(from + to) / 2} y={50} text-anchor="middle">{b.min}–{b.max}</text>
              {b.min > lo && <line class="tdrd-chart__threshold" x1={from} x2={from} y1={0} y2={height - 30} />}
            </g>
          );
        })}
        {scores.map((s, i) => {
          const y = top + i * row;
          const end = Math.max(x(s.score), left + 3);
          return (
            <g key={s.dimension}>
              <text class="tdrd-chart__text" x={left + 4} y={y + 22}>{s.title}</text>
              <rect class="tdrd-chart__bar" x={left} y={y + 30} width={end - left} height={22} />
              <text class="tdrd-chart__text tdrd-chart__value" x={end + 6} y={y + 47}>{s.score}</text>
            </g>
          );
        })}
        <line class="tdrd-chart__axis" x1={left} x2={left + plot} y1={height - 30} y2={height - 30} />
        {Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).map((v) => (
          <text key={v} class="tdrd-chart__text tdrd-chart__tick" x={x(v)} y={height - 8} text-anchor="middle">{v}</text>
        ))}
      </svg>
    </figure>
  );
}
