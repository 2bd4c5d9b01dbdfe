/**
 * The home page's progress panel: the progress bar, "N of M lessons completed", and the one
 * primary button ("Start the course" or "Continue: <lesson>", to the exact section reached).
 * The server renders the new-learner state; the saved state applies after hydration.
 */
import { useStore } from '@nanostores/preact';
import { emptyProgress, summarise } from '../lib/progress';
import { $progress } from '../stores/progress';

export interface CourseProgressProps {
  lessons: { id: string; title: string; href: string }[];
}

const serverProgress = emptyProgress();

export default function CourseProgress({ lessons }: CourseProgressProps) {
  const progress = useStore($progress, { ssr: () => serverProgress });
  const summary = summarise(progress, lessons.map((l) => l.id));
  const target = lessons.find((l) => l.id === summary.resume.lesson) ?? lessons[0];
  const href = target ? `${target.href}${summary.resume.section ? `#${summary.resume.section}` : ''}` : '#';
  const label = summary.started && target ? `Continue: ${target.title}` : 'Start the course';
  return (
    <section class="panel course-progress" aria-labelledby="course-progress-title">
      <h2 id="course-progress-title">Your progress</h2>
      <div class="progress-meter">
        <progress
          id="course-progress-bar"
          max={summary.total}
          value={summary.completed}
          aria-labelledby="course-progress-count"
        />
        <p id="course-progress-count">
          {summary.completed} of {summary.total} {summary.total === 1 ? 'lesson' : 'lessons'} completed
        </p>
      </div>
      <p>
        <a class="button primary-action" href={href}>
          {label}
        </a>
      </p>
    </section>
  );
}
