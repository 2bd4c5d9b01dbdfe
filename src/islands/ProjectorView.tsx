/**
 * The projector view for a workshop (course brief §9): the room plays a scenario, or answers a
 * lesson's knowledge checks, one decision per screen in large type. The facilitator enters the
 * room's votes per move, sees them as a chart, and continues with the room's choice (the most
 * votes) or another move; at an ending, the session summary can be exported or printed.
 * Everything is in `$workshop`, so a reload resumes on the same screen. Votes, the room's choice
 * and the summary come from lib/workshop/tally, scenario runs from the scenario engine: this file
 * renders and dispatches.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { correctAnswerText } from '../lib/questions/grade';
import { changes, describeChanges, nodeOf, situation, type Step } from '../lib/scenario/engine';
import { download } from './parts/download';
import { useConfirmationFocus } from './parts/focus';
import {
  emptySession,
  findCheck,
  findRun,
  letter,
  openVotes,
  optionIds,
  parseVoteCount,
  roomChoice,
  roomChoiceText,
  runState,
  summarise,
  summaryToCsv,
  summaryToMarkdown,
  tallyText,
  totalVotes,
  decisionText,
  type RoomChoice,
  type SessionSummary,
  type Votes,
} from '../lib/workshop/tally';
import type { Question } from '../schemas/question';
import type { Scenario } from '../schemas/scenario';
import {
  $workshop,
  $workshopProblems,
  continueRun,
  newWorkshopSession,
  revealCheckAnswer,
  setCheckVotes,
  setVotes,
  showWorkshopScreen,
  startScenarioRun,
} from '../stores/workshop';

export interface ProjectorLesson {
  id: string;
  number: number;
  title: string;
  /** The lesson's knowledge checks, in page order. */
  checks: Question[];
}

export interface ProjectorViewProps {
  courseTitle: string;
  /** Every scenario of the course, by id, sorted for the menu. */
  scenarios: { id: string; scenario: Scenario }[];
  lessons: ProjectorLesson[];
}

const serverSession = emptySession();
const noProblems: never[] = [];

/** A vote box: what was typed (kept while it is not a clean number) and what is wrong with it. */
interface Draft {
  text: string;
  error?: string;
}


/** Keys typed into a form control are the facilitator's text, never shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

/** Why "Continue with the room’s choice" is or is not available. */
function choiceReason(room: RoomChoice, ids: string[]): string {
  const letterOf = (id: string) => letter(ids.indexOf(id));
  if (room.kind === 'majority') return `The room’s choice is ${letterOf(room.choice)}, with ${room.votes} of ${room.total} votes.`;
  if (room.kind === 'tie') return `${roomChoiceText(room, ids)} There is no room’s choice: choose one of the tied moves with “Continue with another choice”.`;
  return 'No votes yet: enter the room’s votes, or choose a move with “Continue with another choice”.';
}

function TallyChart({ votes, ids, idBase }: { votes: Votes; ids: string[]; idBase: string }) {
  const counts = ids.map((id) => votes[id] ?? 0);
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const room = roomChoice(votes, ids);
  const label = `Votes: ${tallyText(votes, ids)}; ${total} in all.`;
  return (
    <figure class="tally" aria-labelledby={`${idBase}-tally-caption`}>
      <div class="tally__chart" role="img" aria-label={label}>
        {ids.map((id, i) => (
          <div class={`tally__row${room.kind === 'majority' && room.choice === id ? ' is-top' : ''}`} key={id}>
            <span class="tally__letter">{letter(i)}</span>
            <span class="tally__track">
              <span class="tally__bar" style={`width:${((counts[i] ?? 0) / max) * 100}%`} />
            </span>
            <span class="tally__count">{counts[i]}</span>
          </div>
        ))}
      </div>
      <figcaption id={`${idBase}-tally-caption`}>{roomChoiceText(room, ids)}</figcaption>
    </figure>
  );
}

function SummaryView({ summary, level }: { summary: SessionSummary; level: 2 | 3 }) {
  const H = level === 2 ? 'h3' : 'h4';
  if (summary.runs.length === 0 && summary.checks.length === 0) return <p>Nothing has been recorded in this session yet.</p>;
  return (
    <div class="projector__summary-body">
      {summary.runs.map((run) => (
        <section class="projector__run" key={run.id} aria-labelledby={`sum-${run.id}`}>
          <H id={`sum-${run.id}`}>Run {run.number}: {run.title}</H>
          <p>{run.ending ? <>Ending: <strong>{run.ending.title}</strong>.</> : `Not finished: ${run.decisions.length} ${run.decisions.length === 1 ? 'decision' : 'decisions'} taken so far.`}</p>
          <ol class="projector__decisions">
            {run.decisions.map((d) => (
              <li key={d.node}>
                <p><strong>Decision {d.number}: {d.title}{/[.?!]$/.test(d.title) ? '' : '.'}</strong> {decisionText(d)}{d.overridden && <> <strong class="projector__badge">Override</strong></>}</p>
                <ul>
                  {d.moves.map((m) => (
                    <li key={m.id} class={m.chosen ? 'is-chosen' : undefined}>
                      {m.letter}. {m.text} <span class="projector__votes">{m.votes} {m.votes === 1 ? 'vote' : 'votes'}</span>
                      {m.chosen && <strong> (the room continued with this)</strong>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {summary.checks.length > 0 && (
        <section class="projector__run" aria-labelledby="sum-checks">
          <H id="sum-checks">Knowledge checks</H>
          <ol class="projector__decisions">
            {summary.checks.map((c) => (
              <li key={c.question}>
                <p><strong>{c.prompt}</strong> ({c.lessonTitle}{c.revealed ? '; answer revealed' : ''})</p>
                {c.options.length > 0 && (
                  <ul>
                    {c.options.map((o) => (
                      <li key={o.id}>
                        {o.letter}. {o.text} <span class="projector__votes">{o.votes} {o.votes === 1 ? 'vote' : 'votes'}</span>
                        {o.correct && <strong> (correct)</strong>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

export default function ProjectorView({ courseTitle, scenarios, lessons }: ProjectorViewProps) {
  const session = useStore($workshop, { ssr: () => serverSession });
  const problems = useStore($workshopProblems, { ssr: () => noProblems });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [others, setOthers] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [message, setMessage] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | undefined>(undefined);
  const newButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const scenarioOf = (id: string) => scenarios.find((s) => s.id === id)?.scenario;
  const screen = session.screen;

  // After a change of screen, focus goes to its heading (or the element asked for), as soon as it
  // is rendered, so that a key pressed next acts on the new screen.
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = undefined;
    root.current?.querySelector<HTMLElement>(target)?.focus();
  });

  const focusMovesElsewhere = useConfirmationFocus(confirming, cancelButton, newButton);

  const go = (change: () => void, focus = '[data-focus]') => {
    focusNext.current = focus;
    setOthers(false);
    setMessage('');
    change();
  };

  // What is on screen: the context for votes and for the shortcuts.
  const run = screen.kind === 'scenario' ? findRun(session, screen.run) : undefined;
  const scenario = run ? scenarioOf(run.scenario) : undefined;
  const state = run && scenario ? runState(scenario, run) : undefined;
  const node = scenario && state && !state.ending ? nodeOf(scenario, state.node) : undefined;
  const lesson = screen.kind === 'checks' ? lessons.find((l) => l.id === screen.lesson) : undefined;
  const checkIndex = screen.kind === 'checks' && lesson ? Math.min(screen.index, lesson.checks.length - 1) : 0;
  const question = lesson?.checks[checkIndex];

  let vote: { key: string; ids: string[]; votes: Votes; record: (votes: Votes) => string[] } | undefined;
  if (screen.kind === 'scenario' && screen.showing === 'decision' && run && scenario && node) {
    vote = {
      key: `${run.id}/${node.id}/${state?.steps.length ?? 0}`,
      ids: node.choices.map((c) => c.id),
      votes: openVotes(run, node.id),
      record: (votes) => setVotes(scenario, run.id, votes),
    };
  } else if (lesson && question && optionIds(question).length > 0) {
    vote = {
      key: `check/${question.id}`,
      ids: optionIds(question),
      votes: findCheck(session, question.id)?.votes ?? {},
      record: (votes) => setCheckVotes(lesson.id, question, votes),
    };
  }
  const room = vote ? roomChoice(vote.votes, vote.ids) : undefined;

  // The tally is announced once the facilitator stops typing, not at every keystroke; the
  // first render (a reload) says nothing.
  const tallyKey = vote ? `${vote.key}:${tallyText(vote.votes, vote.ids)}` : '';
  const lastTally = useRef<string | undefined>(undefined);
  useEffect(() => {
    const previous = lastTally.current;
    lastTally.current = tallyKey;
    if (!vote || previous === undefined || previous === tallyKey || !previous.startsWith(`${vote.key}:`)) return;
    const text = `Votes: ${tallyText(vote.votes, vote.ids)}. ${roomChoiceText(roomChoice(vote.votes, vote.ids), vote.ids)}`;
    const timer = setTimeout(() => setAnnouncement(text), 600);
    return () => clearTimeout(timer);
  }, [tallyKey]);

  const onVote = (id: string, input: HTMLInputElement) => {
    if (!vote) return;
    const key = `${vote.key}/${id}`;
    const parsed = input.validity.badInput ? ({ ok: false, message: 'Enter a whole number of votes: 0 or more.' } as const) : parseVoteCount(input.value);
    if (!parsed.ok) {
      setDrafts((d) => ({ ...d, [key]: { text: input.value, error: parsed.message } }));
      return;
    }
    // The other boxes as shown now, not the votes of the last render: the store's re-render can
    // come after the facilitator has already typed in the next box.
    const shown: Votes = { ...vote.votes };
    for (const box of input.closest('ul')?.querySelectorAll<HTMLInputElement>('input[data-vote]') ?? []) {
      const other = box.dataset['vote']!;
      const count = box.validity.badInput ? undefined : parseVoteCount(box.value);
      if (other !== id && count?.ok) shown[other] = count.value;
    }
    const wrong = vote.record({ ...shown, [id]: parsed.value });
    setDrafts((d) => {
      const next = { ...d };
      if (wrong.length > 0) next[key] = { text: input.value, error: wrong.join(' ') };
      else if (input.value.trim() === (parsed.value === 0 ? '' : String(parsed.value))) delete next[key];
      else next[key] = { text: input.value };
      return next;
    });
  };

  const continueWith = (choiceId: string) => {
    if (!run || !scenario) return;
    go(() => continueRun(scenario, run.id, choiceId));
  };

  /** "Next" (N or →): whatever moves the room on from this screen. */
  const next = () => {
    if (screen.kind === 'scenario' && screen.showing === 'consequence' && run) {
      go(() => showWorkshopScreen({ kind: 'scenario', run: run.id, showing: 'decision' }));
    } else if (screen.kind === 'scenario' && node && vote && room) {
      if (room.kind === 'majority') continueWith(room.choice);
      else setAnnouncement(choiceReason(room, vote.ids));
    } else if (lesson && checkIndex < lesson.checks.length - 1) {
      go(() => showWorkshopScreen({ kind: 'checks', lesson: lesson.id, index: checkIndex + 1 }));
    }
  };
  const shortcuts = useRef<(event: KeyboardEvent) => void>(() => {});
  shortcuts.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || confirming || isTyping(event.target)) return;
    if (event.key === 'n' || event.key === 'N' || event.key === 'ArrowRight') {
      event.preventDefault();
      next();
    } else if (/^[1-8]$/.test(event.key) && vote) {
      const input = root.current?.querySelector<HTMLInputElement>(`#pv-votes-${Number(event.key) - 1}`);
      if (!input) return;
      // Prevented, so that the digit is not typed into the box that now has focus.
      event.preventDefault();
      input.focus();
      input.select();
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => shortcuts.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const content = {
    scenarios: Object.fromEntries(scenarios.map((s) => [s.id, s.scenario])),
    questions: Object.fromEntries(lessons.flatMap((l) => l.checks.map((q) => [q.id, { question: q, lessonTitle: `Lesson ${l.number}: ${l.title}` }]))),
  };
  const summary = summarise(session, content);
  const hasSession = session.runs.length > 0 || session.checks.length > 0;

  const exportAs = (kind: 'md' | 'csv') => {
    const now = new Date().toISOString();
    const name = `leading-together-workshop-${now.slice(0, 10)}.${kind}`;
    if (kind === 'md') download(name, summaryToMarkdown(summary, courseTitle, now), 'text/markdown');
    else download(name, summaryToCsv(summary), 'text/csv');
    setMessage(`The session summary was exported as ${name}.`);
  };

  const voteInputs = (texts: { id: string; text: string; note?: string }[]) =>
    vote && (
      <ul class="projector__moves">
        {texts.map((m, i) => {
          const draft = drafts[`${vote.key}/${m.id}`];
          const count = vote.votes[m.id] ?? 0;
          const inputId = `pv-votes-${i}`;
          return (
            <li key={m.id} class="projector__move">
              <span class="projector__letter">{letter(i)}</span>
              <p class="projector__move-text">
                {m.text}
                {m.note && <strong class="projector__badge">{m.note}</strong>}
              </p>
              <p class="projector__vote">
                <label for={inputId}>Votes for {letter(i)}</label>
                <input
                  id={inputId}
                  data-vote={m.id}
                  class="projector__input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={9999}
                  step={1}
                  value={draft ? draft.text : count === 0 ? '' : String(count)}
                  placeholder="0"
                  aria-invalid={draft?.error ? 'true' : undefined}
                  aria-describedby={draft?.error ? `${inputId}-error` : undefined}
                  onInput={(e) => onVote(m.id, e.currentTarget)}
                />
              </p>
              {draft?.error && <p id={`${inputId}-error`} class="projector__error">{draft.error}</p>}
            </li>
          );
        })}
      </ul>
    );

  let body;
  if (screen.kind === 'scenario' && (!run || !scenario || !state)) {
    body = (
      <div class="stack">
        <h2 tabIndex={-1} data-focus>This run cannot be shown</h2>
        <p>Its scenario is no longer part of the course.</p>
        <button type="button" class="button" onClick={() => go(() => showWorkshopScreen({ kind: 'choose' }))}>Back to the choices</button>
      </div>
    );
  } else if (screen.kind === 'scenario' && run && scenario && state && screen.showing === 'consequence' && state.steps.length > 0) {
    const step = state.steps.at(-1) as Step;
    const shownNode = nodeOf(scenario, step.node);
    const index = shownNode?.choices.findIndex((c) => c.id === step.choice) ?? -1;
    const choice = shownNode?.choices[index];
    const stored = run.decisions[state.steps.length - 1];
    const ids = shownNode?.choices.map((c) => c.id) ?? [];
    const decidedRoom = roomChoice(stored?.votes ?? {}, ids);
    const byTrainer = !(decidedRoom.kind === 'majority' && decidedRoom.choice === step.choice);
    body = (
      <div class="projector__step stack">
        <p class="projector__kicker">Run {session.runs.indexOf(run) + 1} · {scenario.title} · Decision {state.steps.length}</p>
        <h2 tabIndex={-1} data-focus>What happened</h2>
        <p class="projector__lead"><strong>The room continued with {letter(index)}{byTrainer ? ' (the trainer’s choice)' : ''}:</strong> {choice?.text}</p>
        <p class="projector__lead">{choice?.consequence}</p>
        <p class="projector__changes">{describeChanges(changes(scenario, step))}</p>
        <p class="projector__why"><strong>Why:</strong> {choice?.why}</p>
        <div class="actions">
          <button type="button" class="button" onClick={() => go(() => showWorkshopScreen({ kind: 'scenario', run: run.id, showing: 'decision' }))}>
            {state.ending ? 'See how it ended' : 'Next decision'}
          </button>
        </div>
      </div>
    );
  } else if (screen.kind === 'scenario' && run && scenario && state && state.ending) {
    const ending = scenario.endings.find((e) => e.id === state.ending);
    body = (
      <div class="stack">
        <p class="projector__kicker no-print">Run {session.runs.indexOf(run) + 1} · {scenario.title}</p>
        <h2 tabIndex={-1} data-focus>Ending: {ending?.title}</h2>
        <p class="projector__lead">{ending?.text}</p>
        <div class="no-print stack">
          <h3>Debrief</h3>
          <ul>{scenario.debrief.map((q) => <li key={q}>{q}</li>)}</ul>
        </div>
        <section class="projector__summary stack" aria-labelledby="pv-summary">
          <h3 id="pv-summary">Session summary</h3>
          <SummaryView summary={summary} level={3} />
        </section>
      </div>
    );
  } else if (screen.kind === 'scenario' && run && scenario && state && node && vote && room) {
    const why = choiceReason(room, vote.ids);
    body = (
      <div class="projector__decision stack">
        <p class="projector__kicker">Run {session.runs.indexOf(run) + 1} · {scenario.title}</p>
        <h2 tabIndex={-1} data-focus>Decision {state.steps.length + 1} of {scenario.nodes.length}: {node.title}</h2>
        <p class="projector__lead">{situation(node, state)}</p>
        <p class="projector__meters">
          {scenario.meters.map((m, i) => (
            <span key={m.id}>{i > 0 && ' · '}{m.label} {state.meters[m.id] ?? 0}/10</span>
          ))}
        </p>
        <h3 id="pv-moves">The moves: how does the room vote?</h3>
        {voteInputs(node.choices.map((c) => ({ id: c.id, text: c.text })))}
        <TallyChart votes={vote.votes} ids={vote.ids} idBase="pv" />
        <div class="actions">
          <button type="button" class="button" disabled={room.kind !== 'majority'} aria-describedby="pv-why" onClick={() => room.kind === 'majority' && continueWith(room.choice)}>
            Continue with the room’s choice
          </button>
          <button type="button" class="button button--secondary" aria-expanded={others} aria-controls="pv-others" onClick={() => setOthers(!others)}>
            Continue with another choice
          </button>
        </div>
        <p id="pv-why" class="projector__why-continue">{why}</p>
        <div id="pv-others" hidden={!others} role="group" aria-labelledby="pv-others-title">
          <p id="pv-others-title"><strong>Continue with which move?</strong></p>
          <ul class="plain-list actions">
            {node.choices.map((c, i) => (
              <li key={c.id}>
                <button type="button" class="button button--secondary" onClick={() => continueWith(c.id)}>Continue with {letter(i)}</button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  } else if (screen.kind === 'checks' && lesson && question) {
    const tally = findCheck(session, question.id);
    const revealed = tally?.revealed ?? false;
    const answers = correctAnswerText(question);
    body = (
      <div class="projector__decision stack">
        <p class="projector__kicker">Lesson {lesson.number}: {lesson.title} · Knowledge check</p>
        <h2 tabIndex={-1} data-focus>Question {checkIndex + 1} of {lesson.checks.length}</h2>
        <p class="projector__lead">{question.prompt}</p>
        {question.kind === 'classify' ? (
          <>
            <p>Sort each item into a category: {question.categories.map((c) => c.label).join(', ')}. The room discusses each item aloud; there is no vote on a sorting question.</p>
            <ol class="projector__items">{question.items.map((item) => <li key={item.id}>{item.text}</li>)}</ol>
          </>
        ) : (
          <>
            {question.kind === 'multiple' && <p>Select all that apply: each person may vote for more than one option.</p>}
            <h3>The options: how does the room vote?</h3>
            {voteInputs(question.options.map((o) => (revealed && o.correct ? { id: o.id, text: o.text, note: 'Correct' } : { id: o.id, text: o.text })))}
            {vote && <TallyChart votes={vote.votes} ids={vote.ids} idBase="pv" />}
          </>
        )}
        {revealed ? (
          <div class="projector__answer stack" tabIndex={-1} data-answer>
            <h3>The answer</h3>
            <ul>{answers.map((a) => <li key={a}>{a}</li>)}</ul>
            <p>{question.explanation}</p>
          </div>
        ) : (
          <div class="actions">
            <button type="button" class="button" onClick={() => go(() => revealCheckAnswer(lesson.id, question.id), '[data-answer]')}>Reveal answer</button>
          </div>
        )}
        <div class="actions">
          {checkIndex > 0 && (
            <button type="button" class="button button--secondary" onClick={() => go(() => showWorkshopScreen({ kind: 'checks', lesson: lesson.id, index: checkIndex - 1 }))}>Previous question</button>
          )}
          {checkIndex < lesson.checks.length - 1 && (
            <button type="button" class="button" onClick={() => go(() => showWorkshopScreen({ kind: 'checks', lesson: lesson.id, index: checkIndex + 1 }))}>Next question</button>
          )}
        </div>
      </div>
    );
  } else if (screen.kind === 'summary') {
    body = (
      <section class="projector__summary stack" aria-labelledby="pv-summary">
        <h2 id="pv-summary" tabIndex={-1} data-focus>Session summary</h2>
        <SummaryView summary={summary} level={2} />
      </section>
    );
  } else {
    const withChecks = lessons.filter((l) => l.checks.length > 0);
    body = (
      <div class="stack">
        <h2 tabIndex={-1} data-focus>Choose what to project</h2>
        <section class="stack" aria-labelledby="pv-scenarios">
          <h3 id="pv-scenarios">Scenarios</h3>
          <p>The room votes at each decision; you enter the votes and continue with the room’s choice.</p>
          <ul class="projector__menu">
            {scenarios.map(({ id, scenario: s }) => (
              <li key={id}>
                <button type="button" class="button" onClick={() => go(() => startScenarioRun(id))}>Play “{s.title}”</button>
                <span>{s.summary}</span>
              </li>
            ))}
          </ul>
        </section>
        <section class="stack" aria-labelledby="pv-checks">
          <h3 id="pv-checks">Knowledge checks</h3>
          <ul class="projector__menu">
            {withChecks.map((l) => (
              <li key={l.id}>
                <button type="button" class="button button--secondary" onClick={() => go(() => showWorkshopScreen({ kind: 'checks', lesson: l.id, index: 0 }))}>
                  Lesson {l.number}: {l.title} ({l.checks.length} {l.checks.length === 1 ? 'question' : 'questions'})
                </button>
              </li>
            ))}
          </ul>
        </section>
        {session.runs.length > 0 && (
          <section class="stack" aria-labelledby="pv-runs">
            <h3 id="pv-runs">Runs in this session</h3>
            <ul class="projector__menu">
              {session.runs.map((r, i) => {
                const s = scenarioOf(r.scenario);
                const st = s ? runState(s, r) : undefined;
                const ending = st?.ending ? s?.endings.find((e) => e.id === st.ending)?.title : undefined;
                return (
                  <li key={r.id}>
                    <button type="button" class="button button--secondary" disabled={!s} onClick={() => go(() => showWorkshopScreen({ kind: 'scenario', run: r.id, showing: 'decision' }))}>
                      Open run {i + 1}: {s?.title ?? r.scenario}
                    </button>
                    <span>{!s ? 'No longer in the course.' : ending ? `Ended: ${ending}.` : `At decision ${(st?.steps.length ?? 0) + 1} of ${s.nodes.length}; ${totalVotes(openVotes(r, st?.node))} votes entered.`}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    );
  }

  const showsSummary = screen.kind === 'summary' || (screen.kind === 'scenario' && !!state?.ending && screen.showing === 'decision');

  return (
    <div class="projector" ref={root}>
      {problems.length > 0 && <p class="notice no-print">{problems.map((p) => p.message).join(' ')} What could be read is shown.</p>}
      <div class="projector__bar actions no-print">
        {screen.kind !== 'choose' && (
          <button type="button" class="button button--secondary" onClick={() => go(() => showWorkshopScreen({ kind: 'choose' }))}>All scenarios and checks</button>
        )}
        {hasSession && screen.kind !== 'summary' && (
          <button type="button" class="button button--secondary" onClick={() => go(() => showWorkshopScreen({ kind: 'summary' }))}>Session summary</button>
        )}
        {confirming ? (
          <span class="actions" role="group" aria-labelledby="pv-confirm-text">
            <span id="pv-confirm-text"><strong>Clear this session: every run, vote and answer shown?</strong></span>
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                setConfirming(false);
                focusMovesElsewhere();
                go(() => newWorkshopSession());
              }}
            >
              Yes, start a new session
            </button>
            <button ref={cancelButton} type="button" class="button button--secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        ) : (
          hasSession && <button ref={newButton} type="button" class="button button--danger" onClick={() => setConfirming(true)}>New session…</button>
        )}
      </div>

      {body}

      {showsSummary && (
        <div class="actions no-print">
          <button type="button" class="button" onClick={() => exportAs('md')}>Export summary (Markdown)</button>
          <button type="button" class="button button--secondary" onClick={() => exportAs('csv')}>Export (CSV)</button>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>Print</button>
        </div>
      )}
      <div class="no-print" role="status" aria-live="polite" aria-atomic="true">{message && <p class="notice notice--ok">{message}</p>}</div>
      <p class="sr-only" aria-live="polite" aria-atomic="true">{announcement}</p>

      <section class="projector__keys no-print" aria-labelledby="pv-keys">
        <h2 id="pv-keys">Keyboard shortcuts</h2>
        <dl>
          <div><dt><kbd>N</kbd> or <kbd>→</kbd></dt><dd>Next: continue with the room’s choice, go on after a consequence, or the next question.</dd></div>
          <div><dt><kbd>1</kbd> to <kbd>4</kbd></dt><dd>Go to the votes for move A to D (<kbd>5</kbd> to <kbd>8</kbd> for a question’s later options).</dd></div>
        </dl>
        <p>Shortcuts do nothing while you type in a box: press <kbd>Tab</kbd> to leave it.</p>
      </section>
    </div>
  );
}
