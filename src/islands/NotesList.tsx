/**
 * "My notes": every reflection prompt of the course with what the learner wrote, and an export of
 * all notes as a Markdown file.
 */
import { useStore } from '@nanostores/preact';
import { emptyProgress } from '../lib/progress';
import { notesToMarkdown, type NotePrompt } from '../lib/notes';
import { $progress } from '../stores/progress';
import { download } from './parts/download';
import { packageNote } from '../stores/engine';

export interface NotesListProps {
  courseTitle: string;
  prompts: NotePrompt[];
}

const serverProgress = emptyProgress();

export default function NotesList({ courseTitle, prompts }: NotesListProps) {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const notes = progress.notes ?? {};
  const written = prompts.filter((p) => notes[p.id]?.text);

  function exportMarkdown() {
    const now = new Date().toISOString();
    download(`leading-together-notes-${now.slice(0, 10)}.md`, notesToMarkdown(courseTitle, prompts, notes, now), 'text/markdown');
  }

  return (
    <div class="stack">
      {import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageNote() && <p class="notice">{packageNote()}</p>}
      <p>
        You have written {written.length} of {prompts.length} {prompts.length === 1 ? 'reflection' : 'reflections'}.{' '}
        {written.length > 0 && (
          <button type="button" class="button button--secondary" onClick={exportMarkdown}>Export my notes (Markdown)</button>
        )}
      </p>
      <ol class="note-list">
        {prompts.map((p) => (
          <li key={p.id} class="panel">
            <h2 class="note-list__lesson"><a href={`${p.lessonHref}#note-${p.id}`}>{p.lessonTitle}</a></h2>
            <p><strong>{p.prompt}</strong></p>
            {notes[p.id]?.text ? (
              <blockquote>{notes[p.id]?.text}</blockquote>
            ) : (
              <p class="muted">Not written yet.</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
