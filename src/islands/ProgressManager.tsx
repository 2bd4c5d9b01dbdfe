/**
 * "Your progress": what is stored and where, export to a file, import from a file (checked in
 * full before anything changes), and reset after a confirmation.
 */
import { useStore } from '@nanostores/preact';
import { useRef, useState } from 'preact/hooks';
import { encode } from '../lib/progress/codec';
import type { CourseContent } from '../lib/progress/fit';
import { summarise } from '../lib/progress/summary';
import { MAX_IMPORT_BYTES, exportFile, exportFileName } from '../lib/progress/file';
import { emptyProgress } from '../lib/progress/types';
import { $storageState, packageNote } from '../stores/engine';
import { $progress, PROGRESS_KEY, courseId, lessonIds, resetProgress, setAside } from '../stores/progress';
import { importProgress } from '../stores/records';
import { download } from './parts/download';
import { useConfirmationFocus } from './parts/focus';

type Message = { kind: 'ok' | 'error'; text: string } | undefined;

const serverProgress = emptyProgress();

/** The course's questions, notes, scenarios and diagnostic, written into the page (#course-content). */
function courseContent(): CourseContent | undefined {
  try {
    return JSON.parse(document.getElementById('course-content')?.textContent ?? '') as CourseContent;
  } catch {
    return undefined;
  }
}

export default function ProgressManager() {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const storage = useStore($storageState, { ssr: () => ({ state: 'saving' as const, backend: 'this browser’s local storage, on this device only' }) });
  const [message, setMessage] = useState<Message>(undefined);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Opening the confirmation moves focus into it; the safe choice is focused first.
  useConfirmationFocus(confirming, cancelButton, resetButton);
  const summary = summarise(progress, lessonIds);
  const size = encode(progress).length;

  function doExport() {
    const now = new Date().toISOString();
    const name = exportFileName(courseId, now);
    download(name, JSON.stringify(exportFile(progress, courseId, now), null, 2), 'application/json');
    setMessage({ kind: 'ok', text: `Your progress was exported as ${name}.` });
  }

  async function doImport(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    // The checks load only now: a page that never imports does not carry them.
    let parseImport: typeof import('../lib/progress/transfer').parseImport;
    try {
      ({ parseImport } = await import('../lib/progress/transfer'));
    } catch {
      setMessage({ kind: 'error', text: 'The page could not load what reads progress files. Reload the page and try again. Nothing was changed.' });
      return;
    }
    let text = '';
    try {
      // A file over the limit is refused by its size, unread.
      if (file.size <= MAX_IMPORT_BYTES) text = await file.text();
    } catch {
      setMessage({ kind: 'error', text: `“${file.name}” could not be read. Nothing was changed.` });
      return;
    }
    const result = parseImport(text, file.size, courseId, { lessonIds, content: courseContent() });
    if (!result.ok) {
      setMessage({ kind: 'error', text: `“${file.name}”: ${result.message}` });
      return;
    }
    importProgress(result.progress);
    const after = summarise($progress.get(), lessonIds);
    const notes = result.warnings.map((w) => w.message).join(' ');
    setMessage({
      kind: 'ok',
      text: `Imported “${file.name}”. You have now completed ${after.completed} of ${after.total} ${after.total === 1 ? 'lesson' : 'lessons'}.${notes ? ` ${notes}` : ''}`,
    });
  }

  // Saved progress that could not be read (in a package: what the LMS returned), kept untouched.
  const aside = typeof window === 'undefined' ? undefined : setAside();

  function doDownloadAside() {
    const name = `${courseId}-unreadable-progress-${new Date().toISOString().slice(0, 10)}.txt`;
    download(name, aside ?? '', 'text/plain');
    setMessage({ kind: 'ok', text: `The progress that could not be read was saved as ${name}.` });
  }

  function doReset() {
    resetProgress();
    setConfirming(false);
    setMessage({ kind: 'ok', text: 'Your progress was reset. The course starts afresh.' });
  }

  return (
    <div class="stack">
      <section class="panel" aria-labelledby="stored-title">
        <h2 id="stored-title">What is stored, and where</h2>
        <p>
          The course keeps which lessons you opened and completed, and the place you last reached, so that you can
          continue where you left off. {storage.backend.includes('LMS') ? 'It is kept by' : 'Nothing is sent anywhere: it is stored in'}{' '}
          <strong>{storage.backend}</strong>, under the key <code>{PROGRESS_KEY}</code> ({size} characters).
        </p>
        {import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageNote() && <p>{packageNote()}</p>}
        <p>
          {storage.state === 'saving'
            ? 'Saving: on.'
            : `Saving: off, because ${storage.reason}. Export your progress to keep it.`}
        </p>
        <p>
          Completed: {summary.completed} of {summary.total} {summary.total === 1 ? 'lesson' : 'lessons'}.
          {progress.updatedAt ? ` Last change: ${new Date(progress.updatedAt).toLocaleString('en-GB')}.` : ' Nothing recorded yet.'}
        </p>
      </section>

      <section class="panel" aria-labelledby="transfer-title">
        <h2 id="transfer-title">Move your progress to another browser</h2>
        <p>Export saves a file (JSON) with your progress; import reads such a file and adds it to what is here: nothing already recorded is lost.</p>
        <div class="actions">
          <button type="button" class="button" onClick={doExport}>Export progress</button>
        </div>
        <div>
          <label for="import-file">Import a progress file (.json, at most 256 KB)</label>
          <input
            ref={fileInput}
            id="import-file"
            class="file-input"
            type="file"
            accept="application/json,.json"
            onChange={doImport}
          />
        </div>
      </section>

      <div role="status" aria-live="polite" aria-atomic="true" class="progress-message">
        {message && <p class={`notice ${message.kind === 'ok' ? 'notice--ok' : 'notice--error'}`}>{message.text}</p>}
      </div>

      <section class="panel" aria-labelledby="reset-title">
        <h2 id="reset-title">Start again</h2>
        <p>Reset deletes your progress in this browser. Export it first if you may want it back.</p>
        {confirming ? (
          <div class="actions" role="group" aria-labelledby="reset-confirm-text">
            <p id="reset-confirm-text"><strong>Delete all your progress in this browser?</strong></p>
            <button type="button" class="button button--danger" onClick={doReset}>Yes, reset my progress</button>
            <button ref={cancelButton} type="button" class="button button--secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        ) : (
          <button ref={resetButton} type="button" class="button button--danger" onClick={() => setConfirming(true)}>Reset progress…</button>
        )}
      </section>

      {aside !== undefined && (
        <section class="panel" aria-labelledby="aside-title">
          <h2 id="aside-title">Progress that could not be read</h2>
          <p>
            Saved progress that this course could not read (damaged, or from another course or version) was set aside,
            untouched ({aside.length} characters). Download it to keep it, or to send it to whoever supports the course.
          </p>
          <button type="button" class="button button--secondary" onClick={doDownloadAside}>Download the progress that could not be read</button>
        </section>
      )}
    </div>
  );
}
