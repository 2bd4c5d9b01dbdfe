/**
 * The course's side of embedding (README, "Embedding in a web page"). site.ts loads this module
 * only in embed mode inside a frame, so that other pages pay nothing for it. It tells the parent
 * page, and no one else, that the course is ready, how tall the page is, the learner's progress and
 * when the course is completed, and it answers the host script's hello. Nothing at all is sent
 * unless the parent's origin matches `embed.allowedOrigins` in `content/course.yaml`.
 */
import { canvasResizeMessage, completedMessage, isHello, originAllowed, parentOrigin, progressMessage, readyMessage, resizeMessage } from '../lib/embed';
import { courseFacts } from '../stores/course';
import { $progress, lessonIds } from '../stores/progress';

const facts = courseFacts;
if (facts) {
  const allowed = facts.embed.allowedOrigins;
  const root = document.documentElement;
  const lessonId = document.querySelector<HTMLElement>('[data-lesson]')?.dataset['lesson'];
  const guess = parentOrigin(location.ancestorOrigins?.[0], document.referrer);
  /** The one origin messages go to; postMessage delivers nothing if the parent is not at it. */
  let target = originAllowed(guess, allowed) ? guess : undefined;
  const send = (message: object) => {
    if (target) parent.postMessage(message, target);
  };

  let height = 0;
  const measure = (always?: boolean) => {
    // The document's own height, not scrollHeight: that never drops below the frame's height.
    const now = Math.ceil(root.getBoundingClientRect().height);
    if (now === height && !always) return;
    height = now;
    send(resizeMessage(now));
    send(canvasResizeMessage(now));
  };

  let sentProgress = '';
  const sendProgress = (always?: boolean) => {
    const message = progressMessage($progress.get(), facts.lessons, lessonId);
    const key = JSON.stringify(message);
    if (key === sentProgress && !always) return;
    sentProgress = key;
    send(message);
  };

  const sendState = () => {
    send(readyMessage(facts, location.pathname));
    measure(true);
    sendProgress(true);
  };

  sendState();
  // Any change of size, whenever it happens: fonts, images, islands hydrating, an answer's feedback.
  const observer = new ResizeObserver(() => measure());
  observer.observe(root);
  observer.observe(document.body);

  let complete = !!completedMessage($progress.get(), lessonIds);
  $progress.listen((progress) => {
    sendProgress();
    const completed = completedMessage(progress, lessonIds);
    if (completed && !complete) send(completed);
    complete = !!completed;
  });

  addEventListener('message', (event) => {
    // Only the parent window, from an allowed origin. The browser vouches for event.origin, which
    // also corrects a guess from the referrer (stale after a link followed in the frame).
    if (event.source !== parent || !isHello(event.data) || !originAllowed(event.origin, allowed)) return;
    target = event.origin;
    sendState();
  });

  // Embed mode is remembered in sessionStorage by the inline script in the page's head. Where the
  // browser refuses storage to a framed page, links carry `embed=1` instead, so the next page is
  // embedded too.
  let remembered = false;
  try {
    remembered = sessionStorage.getItem('lt-embed') === '1';
  } catch {
    // Storage refused: fall through to the links.
  }
  if (!remembered) {
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin || (link.target && link.target !== '_self')) return;
      const url = new URL(link.href);
      if (url.searchParams.has('embed') || (url.pathname === location.pathname && url.search === location.search)) return;
      url.searchParams.set('embed', '1');
      link.href = url.href;
    });
  }
}
