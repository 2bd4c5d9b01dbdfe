/**
 * The scenario player: the situation and its moves as buttons; after a move, what happened, the
 * meter changes (announced) and why; at an ending, the debrief with every decision's alternatives,
 * the path map and the endings found so far. The run is saved as its path and replayed on load.
 */
import { settleRun } from '../lib/progress/earlier';
import type { Progress, ScenarioProgress } from '../lib/progress/types';
import { changes, describeChanges, nodeOf, replay, situation, type RunState, type Step } from '../lib/scenario/engine';
import type { Scenario } from '../schemas/scenario';
import { saveScenarioRun, update } from '../stores/progress';
import { WithProgress } from './parts/WithProgress';
import { focusInView } from './parts/reveal';
import { PathMap } from './parts/PathMap';

export interface ScenarioPlayerProps {
  id: string;
  scenario: Scenario;
  /** Short labels and addresses of the references the "why" lines name. */
  references: Record<string, { label: string; href: string }>;
  /** Decision-process labels for the debrief (PROCESS_LABEL, passed as props so the island does not carry them). */
  labels: Record<string, string>;
}

interface State {
  progress?: Progress | undefined;
  /** The step whose consequence is on screen, until "Continue". */
  shown?: Step | undefined;
}


export default class ScenarioPlayer extends WithProgress<ScenarioPlayerProps, State> {
  override state: State = {};
  private root: HTMLElement | null = null;
  private focusHeading = false;
  /** The saved run as it fits the scenario now: a run from an earlier version goes to its history (see settleRun). */
  private settle = (run: ScenarioProgress): ScenarioProgress =>
    settleRun(run, (path) => replay(this.props.scenario, path).steps.length === path.length, (e) => this.props.scenario.endings.some((x) => x.id === e));

  override componentDidMount(): void {
    super.componentDidMount();
    // A run saved by an earlier version of the scenario is kept in its history, and restarted.
    const { id } = this.props;
    update((p) => {
      const run = p.scenarios?.[id];
      const settled = run && this.settle(run);
      return settled && settled !== run ? { ...p, scenarios: { ...p.scenarios, [id]: settled } } : p;
    });
  }

  private saved(): ScenarioProgress | undefined {
    const run = this.state.progress?.scenarios?.[this.props.id];
    return run && this.settle(run);
  }

  override componentDidUpdate(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    focusInView(this.root?.querySelector<HTMLElement>('[data-focus]'));
  }

  private run(): RunState {
    return replay(this.props.scenario, this.saved()?.path ?? []);
  }

  private choose(choiceId: string) {
    const next = replay(this.props.scenario, [...this.run().steps.map((s) => s.choice), choiceId]);
    saveScenarioRun(this.props.id, next.steps.map((s) => s.choice), next.ending);
    this.focusHeading = true;
    this.setState({ shown: next.steps.at(-1) });
  }

  private proceed = () => {
    this.focusHeading = true;
    this.setState({ shown: undefined });
  };

  private restart = () => {
    saveScenarioRun(this.props.id, [], undefined);
    this.focusHeading = true;
    this.setState({ shown: undefined });
  };

  render({ id, scenario, references, labels }: ScenarioPlayerProps, { shown }: State) {
    const state = this.run();
    const saved = this.saved();
    const reached = saved?.endings ?? [];
    const earlier = saved?.earlier?.length ?? 0;
    const base = `sc-${id}`;
    const total = scenario.nodes.length;
    const meters = (
      <div class="scenario__meters" role="group" aria-labelledby={`${base}-meters`}>
        <p id={`${base}-meters`} class="scenario__meters-title">Meters (0–10)</p>
        <ul>
          {scenario.meters.map((m) => {
            const value = state.meters[m.id] ?? 0;
            return (
              <li key={m.id} title={m.description}>
                <span class="scenario__meter-label">{m.label}</span>
                <span class="scenario__bar" aria-hidden="true"><span style={`width:${value * 10}%`} /></span>
                <span class="scenario__meter-value">{value} / 10</span>
              </li>
            );
          })}
        </ul>
      </div>
    );

    let body;
    let announcement = '';
    if (shown) {
      const node = nodeOf(scenario, shown.node);
      const choice = node?.choices.find((c) => c.id === shown.choice);
      const moved = changes(scenario, shown);
      const ref = choice?.reference ? references[choice.reference] : undefined;
      announcement = describeChanges(moved);
      body = (
        <div class="scenario__step">
          <h3 tabIndex={-1} data-focus>What happened</h3>
          <p><strong>You chose:</strong> {choice?.text}</p>
          <p>{choice?.consequence}</p>
          <p class="scenario__changes">{describeChanges(moved)}</p>
          <p class="scenario__why">
            <strong>Why:</strong> {choice?.why}
            {ref && <> (<a href={ref.href}>{ref.label}</a>)</>}
          </p>
          <button type="button" class="button" onClick={this.proceed}>{state.ending ? 'See how it ended' : 'Continue'}</button>
        </div>
      );
    } else if (state.ending) {
      const ending = scenario.endings.find((e) => e.id === state.ending);
      body = (
        <div class="scenario__ending">
          <h3 tabIndex={-1} data-focus>Ending: {ending?.title}</h3>
          <p>{ending?.text}</p>
          <h4>Debrief: your decisions and the alternatives</h4>
          <ol class="scenario__debrief">
            {state.steps.map((step, i) => {
              const node = nodeOf(scenario, step.node);
              return (
                <li key={step.node}>
                  <p><strong>Decision {i + 1}: {node?.title}</strong></p>
                  <ul>
                    {node?.choices.map((c) => (
                      <li key={c.id} class={c.id === step.choice ? 'is-chosen' : undefined}>
                        <strong>{c.id === step.choice ? 'Your choice' : 'Alternative'} ({labels[c.process]}):</strong> {c.text} {c.consequence} <em>{c.why}</em>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
          <h4>Questions to think about</h4>
          <ul>{scenario.debrief.map((q) => <li key={q}>{q}</li>)}</ul>
          <PathMap id={id} scenario={scenario} steps={state.steps} ending={state.ending} reached={reached} />
          <p><button type="button" class="button" onClick={this.restart}>Restart the scenario</button></p>
        </div>
      );
    } else {
      const node = nodeOf(scenario, state.node);
      body = node && (
        <div class="scenario__decision">
          <h3 tabIndex={-1} data-focus>Decision {state.steps.length + 1} of {total}: {node.title}</h3>
          <p>{situation(node, state)}</p>
          <p id={`${base}-ask`}><strong>What do you do?</strong></p>
          <ul class="scenario__choices" aria-labelledby={`${base}-ask`}>
            {node.choices.map((c) => (
              <li key={c.id}>
                <button type="button" class="scenario__choice" onClick={() => this.choose(c.id)}>{c.text}</button>
              </li>
            ))}
          </ul>
          {state.steps.length > 0 && <button type="button" class="button button--secondary" onClick={this.restart}>Start again</button>}
        </div>
      );
    }

    return (
      <div class="scenario" ref={(el) => { this.root = el; }}>
        <p class="sr-only" aria-live="polite">{announcement}</p>
        {meters}
        {body}
        {earlier > 0 && (
          <p class="scenario__earlier">
            From an earlier version of this scenario: {earlier === 1 ? '1 run' : `${earlier} runs`} kept in your progress. The scenario has changed since, so {earlier === 1 ? 'it' : 'they'} cannot be replayed; endings you reached that still exist are counted.
          </p>
        )}
        {reached.length > 0 && (
          <p class="scenario__found">
            Endings found so far: {reached.length} of {scenario.endings.length} ({reached.map((r) => scenario.endings.find((e) => e.id === r)?.title ?? r).join(', ')}).
          </p>
        )}
      </div>
    );
  }
}
