/**
 * One builder for every artefact (content/artefacts/): the learner writes each part for their own
 * team, then checks the draft against the rubric; saved with the progress (announced), printable.
 * The form styles are the 90-day plan's (ActionPlanBuilder).
 */
import { Component } from 'preact';
import { artefactLeft, artefactRef, leftMessage, type ArtefactSpec } from '../lib/artefact';
import { RATINGS } from '../lib/ratings';
import type { Rating } from '../lib/progress/types';
import { $progress } from '../stores/progress';
import { saveArtefact } from '../stores/artefacts';
import { savedNote } from './parts/kept';

interface Props {
  spec: ArtefactSpec;
}

interface State {
  fields: Record<string, string>;
  rubric: Record<string, Rating>;
  status: string;
}

export default class ArtefactBuilder extends Component<Props, State> {
  override state: State = { fields: {}, rubric: {}, status: '' };
  private unbind: (() => void) | undefined;

  override componentDidMount(): void {
    // Load the saved artefact; once the learner types, the form is theirs until they save.
    this.unbind = $progress.subscribe((p) => {
      const saved = p.artefacts?.[this.props.spec.id];
      if (!this.state.status && saved) this.setState({ fields: saved.fields, rubric: saved.rubric });
    });
  }

  override componentWillUnmount(): void {
    this.unbind?.();
  }

  render({ spec }: Props, { fields, rubric, status }: State) {
    const id = `artefact-${spec.id}`;
    const changed = (patch: Partial<State>) => this.setState({ ...patch, status: 'Not saved yet.' });
    const save = (event: Event) => {
      event.preventDefault();
      saveArtefact(spec.id, { fields, rubric });
      const left = leftMessage(artefactLeft(artefactRef(spec), { fields, rubric }));
      // Artefacts go where notes go (lib/lms/suspend.ts): the LMS under SCORM 2004, this browser under 1.2.
      const saved = savedNote();
      this.setState({ status: `${saved} ${left || 'Every part is written and checked against the rubric.'}` });
    };
    return (
      <form class="plan artefact" aria-labelledby={`${id}-form`} onSubmit={save} noValidate>
        <h4 id={`${id}-form`}>{spec.title}: your draft</h4>
        {spec.fields.map((f, i) => (
          <div class="plan__field" key={f.id}>
            <label for={`${id}-${f.id}`}>{i + 1}. {f.label}{f.optional ? ' (optional)' : ''}</label>
            <p id={`${id}-${f.id}-hint`} class="muted">{f.hint}</p>
            <textarea id={`${id}-${f.id}`} rows={f.rows} maxLength={2000} value={fields[f.id] ?? ''} aria-describedby={`${id}-${f.id}-hint`} onInput={(e) => changed({ fields: { ...fields, [f.id]: (e.currentTarget as HTMLTextAreaElement).value } })} />
            <p class="print-only artefact__text">{fields[f.id]}</p>
          </div>
        ))}
        <fieldset class="plan__field artefact__rubric">
          <legend>Check your draft against the rubric</legend>
          {spec.rubric.map((c) => (
            <fieldset class="artefact__criterion" key={c.id}>
              <legend>{c.text}</legend>
              {RATINGS.map((r) => (
                <label key={r.id}>
                  <input type="radio" name={`${id}-${c.id}`} value={r.id} checked={rubric[c.id] === r.id} onChange={() => changed({ rubric: { ...rubric, [c.id]: r.id } })} /> {r.label}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <div class="actions no-print">
          <button type="submit" class="button">Save my draft</button>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>Print</button>
        </div>
        <p class="muted" role="status">{status}</p>
      </form>
    );
  }
}
