/**
 * The small script every page loads (no framework): it shows storage notices, keeps lesson
 * status badges current (also when another tab changes progress), and on a lesson page records
 * the visit, the section reached and the completion.
 */
import { lessonStatus, STATUS_LABELS } from '../lib/progress/status';
import { unfinishedChecks, unfinishedScenarios, type CheckRef } from '../lib/questions/completion';
import { $storageState } from '../stores/engine';
import { $progress, $progressProblems, completeLesson, noticesFor, recordLocation, recordVisit } from '../stores/progress';

const noticeRegion = document.getElementById('notices');
const showNotices = () => {
  if (!noticeRegion) return;
  const notices = noticesFor($storageState.get(), $progressProblems.get());
  const text = notices.map((n) => n.text).join('\n');
  if (noticeRegion.dataset['shown'] === text) return;
  noticeRegion.dataset['shown'] = text;
  noticeRegion.replaceChildren(
    ...notices.map((notice) => {
      const p = document.createElement('p');
      p.className = 'notice';
      p.dataset['notice'] = notice.kind;
      p.textContent = notice.text;
      return p;
    }),
  );
};
$storageState.subscribe(showNotices);
$progressProblems.subscribe(showNotices);

$progress.subscribe((progress) => {
  for (const badge of document.querySelectorAll<HTMLElement>('[data-status-for]')) {
    const status = lessonStatus(progress, badge.dataset['statusFor'] ?? '');
    if (badge.dataset['status'] === status) continue;
    badge.dataset['status'] = status;
    badge.textContent = STATUS_LABELS[status];
  }
});

const lesson = document.querySelector<HTMLElement>('[data-lesson]');
const lessonId = lesson?.dataset['lesson'];
if (lesson && lessonId) {
  const headings = [...lesson.querySelectorAll<HTMLElement>('h2[id]')];
  const fromHash = decodeURIComponent(location.hash.slice(1));
  recordVisit(lessonId, headings.some((h) => h.id === fromHash) ? fromHash : undefined);

  // The section reached is the last heading in the upper half of the window or above it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const track = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const line = window.innerHeight / 2;
      let reached: string | undefined;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= line) reached = heading.id;
      }
      recordLocation(lessonId, reached);
    }, 250);
  };
  window.addEventListener('scroll', track, { passive: true });

  // Completing needs every knowledge check finished; otherwise say which ones are left.
  let checks: CheckRef[] = [];
  try {
    checks = JSON.parse(lesson.dataset['checks'] ?? '[]') as CheckRef[];
  } catch {
    checks = [];
  }
  const scenarios = (lesson.dataset['scenarios'] ?? '').split(' ').filter(Boolean);
  const message = document.getElementById('lesson-end-message');
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-complete-lesson]')) {
    link.addEventListener('click', (event) => {
      const left = unfinishedChecks($progress.get(), checks);
      const scenariosLeft = unfinishedScenarios($progress.get(), scenarios);
      if (left.length === 0 && scenariosLeft.length === 0) {
        completeLesson(link.dataset['completeLesson'] ?? lessonId);
        return;
      }
      event.preventDefault();
      if (!message) return;
      const intro = document.createElement('p');
      intro.textContent = 'To complete this lesson, first finish:';
      const list = document.createElement('ul');
      for (const id of left) {
        const number = checks.findIndex((c) => c.id === id) + 1;
        const item = document.createElement('li');
        const anchor = document.createElement('a');
        anchor.href = `#check-${id}`;
        anchor.textContent = `Knowledge check ${number} (answer correctly, or use all tries)`;
        item.append(anchor);
        list.append(item);
      }
      for (const id of scenariosLeft) {
        const item = document.createElement('li');
        const anchor = document.createElement('a');
        anchor.href = `#scenario-${id}`;
        anchor.textContent = `The scenario (play it to an ending)`;
        item.append(anchor);
        list.append(item);
      }
      const after = document.createElement('p');
      after.textContent = 'You can still move on and come back to them later.';
      const box = document.createElement('div');
      box.className = 'notice';
      box.append(intro, list, after);
      message.replaceChildren(box);
    });
  }
}
