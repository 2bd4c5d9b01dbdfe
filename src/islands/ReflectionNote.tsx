/**
 * A reflection prompt: free text saved as the learner types (after a short pause, on leaving the
 * field and when the page is hidden), at most 5,000 characters, with a visible counter.
 */
import { MAX_NOTE_LENGTH } from '../lib/progress/codec';
import type { Progress } from '../lib/progress/types';
import { saveNote } from '../stores/progress';
import { WithProgress } from './parts/WithProgress';
import { packageNote } from '../stores/engine';
import { savedNote } from './parts/kept';

export interface ReflectionNoteProps {
  id: string;
  prompt: string;
}

interface State {
  progress?: Progress | undefined;
  /** What the learner typed in this page, until the store has it. */
  text?: string | undefined;
  status: string;
}

const SAVE_DELAY = 600;

export default class ReflectionNote extends WithProgress<ReflectionNoteProps, State> {
  override state: State = { status: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: string | undefined;
  private readonly flush = () => {
    clearTimeout(this.timer);
    if (this.pending === undefined) return;
    saveNote(this.props.id, this.pending);
    this.pending = undefined;
    this.setState({ status: savedNote() });
  };

  override componentDidMount(): void {
    super.componentDidMount();
    window.addEventListener('pagehide', this.flush);
  }

  override componentWillUnmount(): void {
    this.flush();
    window.removeEventListener('pagehide', this.flush);
    super.componentWillUnmount();
  }

  render({ id, prompt }: ReflectionNoteProps, { progress, text, status }: State) {
    const value = text ?? progress?.notes?.[id]?.text ?? '';
    const base = `note-${id}`;
    const onInput = (event: Event) => {
      const next = (event.currentTarget as HTMLTextAreaElement).value.slice(0, MAX_NOTE_LENGTH);
      this.pending = next;
      clearTimeout(this.timer);
      this.timer = setTimeout(this.flush, SAVE_DELAY);
      this.setState({ text: next, status: 'Saving…' });
    };
    const full = value.length >= MAX_NOTE_LENGTH;
    return (
      <div class="reflection">
        <label for={base} class="reflection__prompt">
          <span class="reflection__kicker">Reflect</span> {prompt}
        </label>
        <textarea id={base} rows={5} maxLength={MAX_NOTE_LENGTH} value={value} onInput={onInput} onBlur={this.flush} aria-describedby={`${base}-count ${base}-help`} />
        <div class="reflection__meta">
          <span id={`${base}-count`}>
            {value.length.toLocaleString('en-GB')} / {MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters
          </span>
          <span aria-live="polite">{full ? 'You have reached the 5,000-character limit.' : status}</span>
        </div>
        {import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageNote() && <p class="muted">{packageNote()}</p>}
      </div>
    );
  }
}
