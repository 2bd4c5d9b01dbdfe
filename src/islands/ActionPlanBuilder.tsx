/**
 * The 90-day action plan builder (lesson 7): the decision to redistribute, the mechanism, the
 * owner, two or three measures and a check-in date; saved with the progress (in a package, it says
 * where: parts/kept.ts), printable, exportable.
 */
import { Component } from 'preact';
import { MECHANISMS, planProblems, planToMarkdown, type PlanDraft, type PlanProblem } from '../lib/plan';
import type { Progress } from '../lib/progress/types';
import { $progress } from '../stores/progress';
import { savePlan } from '../stores/records';
import { download } from './parts/download';
import { packageNote } from '../stores/engine';
import { savedNote } from './parts/kept';

interface Props {
  courseTitle: string;
}

interface State {
  draft: PlanDraft;
  problems: PlanProblem[];
  status: string;
}

const EMPTY: PlanDraft = { decision: '', mechanism: '', owner: '', measures: ['', '', ''], checkIn: '' };

function fromProgress(progress: Progress): PlanDraft {
  const plan = progress.plan;
  if (!plan) return EMPTY;
  return { decision: plan.decision, mechanism: plan.mechanism, owner: plan.owner, measures: [0, 1, 2].map((i) => plan.measures[i] ?? ''), checkIn: plan.checkIn };
}

export default class ActionPlanBuilder extends Component<Props, State> {
  override state: State = { draft: EMPTY, problems: [], status: '' };
  private unbind: (() => void) | undefined;

  override componentDidMount(): void {
    // Load the saved plan once; afterwards the form is the learner's until they save.
    this.unbind = $progress.subscribe((p) => {
      if (!this.state.status) this.setState({ draft: fromProgress(p) });
    });
  }

  override componentWillUnmount(): void {
    this.unbind?.();
  }

  render({ courseTitle }: Props, { draft, problems, status }: State) {
    const set = (patch: Partial<PlanDraft>) => this.setState({ draft: { ...draft, ...patch }, status: 'Not saved yet.' });
    const field = (name: PlanProblem['field']) => problems.find((p) => p.field === name);
    const describedBy = (name: PlanProblem['field']) => (field(name) ? `plan-${name}-error` : undefined);
    const save = (event: Event) => {
      event.preventDefault();
      savePlan(draft);
      const found = planProblems(draft, new Date().toISOString().slice(0, 10));
      const saved = savedNote();
      this.setState({ problems: found, status: found.length ? `${saved} ${found.length} ${found.length === 1 ? 'part is' : 'parts are'} still missing.` : `${saved} Your plan is complete.` });
    };
    const exportPlan = () => {
      const now = new Date().toISOString();
      download(`leading-together-90-day-plan-${now.slice(0, 10)}.md`, planToMarkdown(draft, courseTitle, now), 'text/markdown');
    };
    const calendar = async () => {
      // A rare action: the calendar builder loads only when asked for.
      const { checkInCalendar, checkInFileName } = await import('../lib/retrieval/ics');
      const now = new Date().toISOString();
      const plan = { ...draft, at: $progress.get().plan?.at ?? now };
      download(checkInFileName(plan, now), checkInCalendar({ plan, courseTitle, now, domain: location.hostname || 'leading-together' }), 'text/calendar');
    };
    const error = (name: PlanProblem['field']) => field(name) && <p id={`plan-${name}-error`} class="plan__error">{field(name)?.message}</p>;
    return (
      <form class="plan" aria-labelledby="plan-title" onSubmit={save} noValidate>
        <h3 id="plan-title">Your 90-day experiment</h3>
        {import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageNote() && <p class="muted">{packageNote()}</p>}
        <div class="plan__field">
          <label for="plan-decision">1. The decision to redistribute</label>
          <textarea id="plan-decision" rows={2} maxLength={500} value={draft.decision} aria-describedby={describedBy('decision')} onInput={(e) => set({ decision: (e.currentTarget as HTMLTextAreaElement).value })} />
          {error('decision')}
        </div>
        <div class="plan__field">
          <label for="plan-mechanism">2. The mechanism</label>
          <input id="plan-mechanism" list="plan-mechanisms" maxLength={500} value={draft.mechanism} aria-describedby={describedBy('mechanism')} onInput={(e) => set({ mechanism: (e.currentTarget as HTMLInputElement).value })} />
          <datalist id="plan-mechanisms">{MECHANISMS.map((m) => <option key={m} value={m} />)}</datalist>
          {error('mechanism')}
        </div>
        <div class="plan__field">
          <label for="plan-owner">3. The owner</label>
          <input id="plan-owner" maxLength={500} value={draft.owner} aria-describedby={describedBy('owner')} onInput={(e) => set({ owner: (e.currentTarget as HTMLInputElement).value })} />
          {error('owner')}
        </div>
        <fieldset class="plan__field" aria-describedby={describedBy('measures')}>
          <legend>4. Two or three measures</legend>
          {draft.measures.map((m, i) => (
            <div key={i}>
              <label for={`plan-measure-${i}`}>Measure {i + 1}{i === 2 ? ' (optional)' : ''}</label>
              <input id={`plan-measure-${i}`} maxLength={500} value={m} onInput={(e) => set({ measures: draft.measures.map((x, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : x)) })} />
            </div>
          ))}
          {error('measures')}
        </fieldset>
        <div class="plan__field">
          <label for="plan-check-in">5. Check-in date</label>
          <input id="plan-check-in" type="date" value={draft.checkIn} aria-describedby={describedBy('checkIn')} onInput={(e) => set({ checkIn: (e.currentTarget as HTMLInputElement).value })} />
          {error('checkIn')}
        </div>
        <div class="actions no-print">
          <button type="submit" class="button">Save my plan</button>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>Print</button>
          <button type="button" class="button button--secondary" onClick={exportPlan}>Export (Markdown)</button>
          <button type="button" class="button button--secondary" onClick={calendar}>Add a 30-day check-in to my calendar (.ics)</button>
        </div>
        <p class="muted" aria-live="polite">{status}</p>
      </form>
    );
  }
}
