/**
 * The home page's progress panel: the progress bar, "N of M lessons completed", the one primary
 * button ("Start the course" or "Continue: <lesson>", to the exact section reached), and what comes
 * after the lessons. The server renders the new-learner state; the saved state applies once mounted.
 * Until then, with JavaScript on, the panel keeps its place but shows only its heading
 * (`data-pending`, global.css), so that a returning learner never sees "0 of 7 / Start the course".
 */
import { emptyProgress, type Progress } from '../lib/progress/types';
import { courseCompletion, summarise } from '../lib/progress/summary';
import { WithProgress } from './parts/WithProgress';

export interface CourseProgressProps {
  lessons: { id: string; title: string; href: string }[];
  assessmentHref: string;
  certificateHref: string;
}

const serverProgress = emptyProgress();

export default class CourseProgress extends WithProgress<CourseProgressProps, { progress?: Progress | undefined }> {
  render({ lessons, assessmentHref, certificateHref }: CourseProgressProps, { progress }: { progress?: Progress | undefined }) {
    const pending = !progress;
    progress ??= serverProgress;
    const ids = lessons.map((l) => l.id);
    const summary = summarise(progress, ids);
    const target = lessons.find((l) => l.id === summary.resume.lesson) ?? lessons[0];
    const href = target ? `${target.href}${summary.resume.section ? `#${summary.resume.section}` : ''}` : '#';
    const label = summary.started && target ? `Continue: ${target.title}` : 'Start the course';
    const completion = courseCompletion(progress, ids);
    return (
      <section class="panel course-progress" aria-labelledby="course-progress-title" data-pending={pending || undefined}>
        <h2 id="course-progress-title">Your progress</h2>
        <div class="progress-meter">
          <progress id="course-progress-bar" max={summary.total} value={summary.completed} aria-labelledby="course-progress-count" />
          <p id="course-progress-count">
            {summary.completed} of {summary.total} {summary.total === 1 ? 'lesson' : 'lessons'} completed
          </p>
        </div>
        <p>
          <a class="button primary-action" href={href}>{label}</a>
        </p>
        <p class="course-progress__next">
          {completion.completed ? (
            <>Course completed{completion.score !== undefined ? ` with ${completion.score}% in the final assessment` : ''}. <a href={certificateHref}>Get your certificate</a>.</>
          ) : completion.lessonsDone ? (
            <>Every lesson is completed. Next: <a href={assessmentHref}>the final assessment</a>{completion.score !== undefined ? ` (best so far: ${completion.score}%)` : ''}.</>
          ) : (
            <>The <a href={assessmentHref}>final assessment</a> opens when every lesson is completed.</>
          )}
        </p>
      </section>
    );
  }
}
