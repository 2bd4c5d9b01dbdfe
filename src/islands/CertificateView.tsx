/**
 * The certificate: shown once every lesson is completed and the assessment passed. The learner
 * types the name to show (kept in this browser); "Save as PDF" opens the print dialog, and the
 * print stylesheet puts the certificate alone on one landscape page.
 */
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { emptyProgress } from '../lib/progress';
import { courseCompletion } from '../lib/progress/summary';
import { $progress } from '../stores/progress';
import { saveLearnerName } from '../stores/records';
import { Kept } from './parts/Kept';

export interface CertificateViewProps {
  courseTitle: string;
  courseSubtitle: string;
  lessons: { id: string; title: string; href: string }[];
  assessmentHref: string;
}

const serverProgress = emptyProgress();

export default function CertificateView({ courseTitle, courseSubtitle, lessons, assessmentHref }: CertificateViewProps) {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const completion = courseCompletion(progress, lessons.map((l) => l.id));
  const name = progress.learnerName?.text ?? '';

  if (!completion.completed) {
    const remaining = lessons.filter((l) => !progress.lessons[l.id]?.completedAt);
    return (
      <section class="panel" aria-labelledby="certificate-locked">
        <h2 id="certificate-locked">Your certificate is not ready yet</h2>
        <p>The certificate is issued when every lesson is completed and the final assessment is passed.</p>
        <ul>
          {remaining.length > 0 ? (
            remaining.map((l) => <li key={l.id}>Complete <a href={l.href}>{l.title}</a></li>)
          ) : (
            <li>Every lesson is completed.</li>
          )}
          <li>
            {completion.passed ? 'The final assessment is passed.' : <>Pass the <a href={assessmentHref}>final assessment</a>{completion.score !== undefined ? ` (best score so far: ${completion.score}%)` : ''}</>}
          </li>
        </ul>
      </section>
    );
  }

  const date = completion.completedAt
    ? new Date(completion.completedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
    : '';
  const save = (event: Event) => {
    event.preventDefault();
    saveLearnerName(draft ?? name);
    setDraft(undefined);
  };

  return (
    <div class="stack">
      <form class="panel no-print" onSubmit={save} aria-labelledby="certificate-name-title">
        <h2 id="certificate-name-title">Your name on the certificate</h2>
        <p>Type your name as you want it shown. <Kept browser="It is kept in this browser only." lms="Your LMS keeps it with your progress." review="This is a review, so it is not saved." /></p>
        <div class="actions">
          <label for="certificate-name">Name</label>
          <input
            id="certificate-name"
            class="text-input"
            type="text"
            autocomplete="name"
            maxLength={120}
            value={draft ?? name}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button">Show on certificate</button>
        </div>
      </form>

      <article class="certificate" aria-labelledby="certificate-title">
        <p class="certificate__kicker">Certificate of completion</p>
        <h2 id="certificate-title" class="certificate__course">{courseTitle}</h2>
        <p class="certificate__subtitle">{courseSubtitle}</p>
        <p class="certificate__lead">This certifies that</p>
        <p class="certificate__name">{name || 'Add your name above'}</p>
        <p class="certificate__lead">completed every lesson of the course and passed its final assessment</p>
        <dl class="certificate__facts">
          <div><dt>Completed on</dt><dd>{date}</dd></div>
          <div><dt>Assessment score</dt><dd>{completion.score}%</dd></div>
        </dl>
        <p class="certificate__note">
          Issued by this browser, not by a registrar or an institution: it records what was done in this course on this
          device, and it is not a verified credential.
        </p>
      </article>

      <p class="no-print">
        <button type="button" class="button" onClick={() => window.print()}>Save as PDF</button>{' '}
        <span class="muted">Opens the print dialog: choose “Save as PDF”. The certificate prints on one landscape page.</span>
      </p>
    </div>
  );
}
