/**
 * "My notes": every reflection prompt of the course with what the learner wrote, and an export of
 * all notes as a Markdown file.
 */
import { useStore } from '@nanostores/preact';
import { emptyProgress } from '../lib/progress';
import { notesToMarkdown, type NotePrompt } from '../lib/notes';
import { $progress } from '../stores/progress';

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
    const blob = new Blob([notesToMarkdown(courseTitle, prompts, notes, now)], { type: 'text/markdown' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `leading-together-notes-${now.slice(0, 10)}.md`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  return (
    <div class="stack">
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
