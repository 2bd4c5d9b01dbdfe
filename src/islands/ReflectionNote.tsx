/**
 * A reflection prompt: free text saved as the learner types (after a short pause, and when the
 * page is hidden), at most 5,000 characters, with a visible counter.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../lib/progress/codec';
import { $progress, saveNote } from '../stores/progress';

export interface ReflectionNoteProps {
  id: string;
  prompt: string;
}

const SAVE_DELAY = 600;

export default function ReflectionNote({ id, prompt }: ReflectionNoteProps) {
  const progress = useStore($progress, { ssr: () => undefined as never });
  const stored = progress?.notes?.[id]?.text ?? '';
  const [text, setText] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | undefined>(undefined);
  const value = text ?? stored;
  const base = `note-${id}`;

  function flush() {
    clearTimeout(timer.current);
    if (pending.current === undefined) return;
    saveNote(id, pending.current);
    pending.current = undefined;
    setStatus('Saved in this browser.');
  }

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  function onInput(event: Event) {
    const next = (event.currentTarget as HTMLTextAreaElement).value.slice(0, MAX_NOTE_LENGTH);
    setText(next);
    setStatus('Saving…');
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY);
  }

  const left = MAX_NOTE_LENGTH - value.length;
  return (
    <div class="reflection">
      <label for={base} class="reflection__prompt">
        <span class="reflection__kicker">Reflect</span> {prompt}
      </label>
      <textarea
        id={base}
        rows={5}
        maxLength={MAX_NOTE_LENGTH}
        value={value}
        onInput={onInput}
        onBlur={flush}
        aria-describedby={`${base}-count ${base}-help`}
      />
      <div class="reflection__meta">
        <span id={`${base}-count`}>{value.length.toLocaleString('en-GB')} / {MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters</span>
        <span id={`${base}-help`}>Your notes stay in this browser; all of them are on the “My notes” page.</span>
        <span aria-live="polite">{left === 0 ? 'You have reached the 5,000-character limit.' : status}</span>
      </div>
    </div>
  );
}
