/**
 * "My notes": every reflection prompt of the course with what the learner wrote, and an export of
 * all notes as a Markdown file.
 */
import { Fragment } from 'preact';
import { useStore } from '@nanostores/preact';
import { emptyProgress } from '../lib/progress';
import { notesToMarkdown, type ArtefactEntry, type NotePrompt } from '../lib/notes';
import { RATINGS } from '../lib/ratings';
import { $progress } from '../stores/progress';
import { download } from './parts/download';
import { packageNote } from '../stores/engine';

export interface NotesListProps {
  courseTitle: string;
  prompts: NotePrompt[];
  /** Every artefact of the course, in course order; those the learner saved are listed and exported. */
  artefacts?: ArtefactEntry[];
}

const serverProgress = emptyProgress();

export default function NotesList({ courseTitle, prompts, artefacts = [] }: NotesListProps) {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const notes = progress.notes ?? {};
  const written = prompts.filter((p) => notes[p.id]?.text);
  const saved = progress.artefacts ?? {};
  const works = artefacts.filter((a) => saved[a.id]);
  const plan = progress.plan;

  function exportMarkdown() {
    const now = new Date().toISOString();
    download(`leading-together-notes-${now.slice(0, 10)}.md`, notesToMarkdown(courseTitle, prompts, notes, now, { artefacts, saved, plan: progress.plan }), 'text/markdown');
  }

  return (
    <div class="stack">
      {import.meta.env.PUBLIC_LT_PACKAGE === '1' && packageNote() && <p class="notice">{packageNote()}</p>}
      <p>
        You have written {written.length} of {prompts.length} {prompts.length === 1 ? 'reflection' : 'reflections'}.{' '}
        {(written.length > 0 || works.length > 0 || progress.plan) && (
          <>
            <button type="button" class="button button--secondary" onClick={exportMarkdown}>Export my notes (Markdown)</button>{' '}
            <button type="button" class="button button--secondary no-print" onClick={() => window.print()}>Print</button>
          </>
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
      {(works.length > 0 || plan) && (
        <section class="stack" aria-labelledby="notes-works">
          <h2 id="notes-works">My work products</h2>
          {works.map((a) => {
            const state = saved[a.id]!;
            return (
              <article key={a.id} class="panel stack" aria-labelledby={`notes-work-${a.id}`}>
                <h3 id={`notes-work-${a.id}`}><a href={`${a.lessonHref}#artefact-${a.id}`}>{a.title}</a></h3>
                <p class="muted">{a.lessonTitle}</p>
                <dl class="artefact-example">
                  {a.fields.map((f) => (
                    <Fragment key={f.id}>
                      <dt>{f.label}</dt>
                      <dd>{state.fields[f.id]?.trim() || 'Not written yet.'}</dd>
                    </Fragment>
                  ))}
                </dl>
                <p><strong>Self-assessment against the rubric</strong></p>
                <ul>{a.rubric.map((c) => <li key={c.id}>{RATINGS.find((r) => r.id === state.rubric[c.id])?.label ?? 'Not assessed yet'}: {c.text}</li>)}</ul>
              </article>
            );
          })}
          {plan && (
            <article class="panel stack" aria-labelledby="notes-work-plan">
              <h3 id="notes-work-plan">My 90-day experiment</h3>
              <dl class="artefact-example">
                {([['The decision to redistribute', plan.decision], ['The mechanism', plan.mechanism], ['The owner', plan.owner], ['Measures', plan.measures.filter((m) => m.trim()).join('; ')], ['Check-in date', plan.checkIn]] as const).map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value.trim() || 'Not written yet.'}</dd>
                  </Fragment>
                ))}
              </dl>
            </article>
          )}
        </section>
      )}
    </div>
  );
}
