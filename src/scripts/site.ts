/**
 * The small script every page loads (no framework): it shows storage notices, keeps lesson
 * status badges current (also when another tab changes progress), and on a lesson page records
 * the visit, the section reached and the completion. In another site's frame it loads ./embed.
 */
import { lessonStatus, STATUS_LABELS } from '../lib/progress/status';
import { unfinishedChecks, unfinishedScenarios, type CheckRef } from '../lib/questions/completion';
import { $storageState } from '../stores/engine';
import { focusInView } from '../islands/parts/reveal';
import { $progress, $progressProblems, completeLesson, noticesFor, recordLocation, recordVisit } from '../stores/progress';

const noticeRegion = document.getElementById('notices');
const showNotices = () => {
  if (!noticeRegion) return;
  const notices = noticesFor($storageState.get(), $progressProblems.get());
  const key = JSON.stringify(notices);
  if (noticeRegion.dataset['shown'] === key) return;
  noticeRegion.dataset['shown'] = key;
  // The sentences are in the page (templates); the script fills in what varies.
  noticeRegion.replaceChildren(
    ...notices.map((notice) => {
      const node = (document.getElementById(`notice-${notice.kind}`) as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
      (node.querySelector('[data-slot]') as HTMLElement).textContent = notice.detail;
      return node;
    }),
  );
};
$storageState.subscribe(showNotices);
$progressProblems.subscribe(showNotices);

// Embedded (`?embed=1`, see the inline script in the base layout) in a frame: the messages to the
// parent page. Loaded only then, so that other pages pay for the test alone.
if (document.documentElement.classList.contains('embed') && parent !== window) import('./embed');

$progress.subscribe((progress) => {
  for (const badge of document.querySelectorAll<HTMLElement>('[data-status-for]')) {
    const status = lessonStatus(progress, badge.dataset['statusFor'] ?? '');
    delete badge.dataset['pending'];
    if (badge.dataset['status'] === status) continue;
    badge.dataset['status'] = status;
    badge.textContent = STATUS_LABELS[status];
  }
});

const lesson = document.querySelector<HTMLElement>('[data-lesson]');
const lessonId = lesson?.dataset['lesson'];
if (lesson && lessonId) {
  const headings = [...lesson.querySelectorAll<HTMLElement>('h2[id]')];
  // The sections are the headings the learner can see: not the facilitator notes out of trainer mode.
  const sections = () => headings.filter((h) => h.getClientRects().length > 0);
  // The section reached is the last heading in the upper half of the window or above it.
  const reached = () => {
    const line = window.innerHeight / 2;
    let last: string | undefined;
    for (const heading of sections()) {
      if (heading.getBoundingClientRect().top <= line) last = heading.id;
    }
    return last;
  };
  // Opened at a section (the address names one, or a reload restored the scroll position before
  // this script ran, so no scroll event follows) or at the top, which keeps the bookmark.
  const fromHash = location.hash.slice(1);
  recordVisit(lessonId, sections().some((h) => h.id === fromHash) ? fromHash : window.scrollY > 0 ? reached() : undefined);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const track = () => {
    clearTimeout(timer);
    timer = setTimeout(() => recordLocation(lessonId, reached()), 250);
  };
  window.addEventListener('scroll', track, { passive: true });

  // Completing needs every knowledge check finished; otherwise say which ones are left.
  // The to-do template lists the lesson's checks (with their tries) and scenarios.
  const template = document.getElementById('lesson-left') as HTMLTemplateElement | null;
  const items = [...(template?.content.querySelectorAll<HTMLElement>('[data-left]') ?? [])];
  const checks: CheckRef[] = items.filter((i) => i.dataset['tries']).map((i) => ({ id: i.dataset['left'] ?? '', attempts: Number(i.dataset['tries']) }));
  const scenarios = items.filter((i) => i.dataset['scenario'] !== undefined).map((i) => i.dataset['left'] ?? '');
  const message = document.getElementById('lesson-end-message');
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-complete-lesson]')) {
    link.addEventListener('click', (event) => {
      const open = new Set([...unfinishedChecks($progress.get(), checks), ...unfinishedScenarios($progress.get(), scenarios)]);
      // Parts of the page with their own rule add what is still open to the set (artefacts: ./artefacts.ts).
      dispatchEvent(new CustomEvent('lesson-left', { detail: open }));
      if (!open.size) {
        completeLesson(link.dataset['completeLesson'] ?? lessonId);
        return;
      }
      event.preventDefault();
      // The page carries the full to-do list as a template; keep only what is still open.
      const remaining = template?.content.cloneNode(true) as DocumentFragment | undefined;
      if (!message || !remaining) return;
      for (const item of remaining.querySelectorAll<HTMLElement>('[data-left]')) if (!open.has(item.dataset['left'] ?? '')) item.remove();
      message.replaceChildren(remaining);
      // Focus moves to the list (focusable by script only): it is read out, and Tab goes on into it;
      // it is brought into view, also when the course is in a small LMS frame.
      focusInView(message.querySelector<HTMLElement>('[tabindex="-1"]'));
    });
  }
}
