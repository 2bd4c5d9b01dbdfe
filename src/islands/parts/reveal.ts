/**
 * Moves focus to an element and brings it into view in its page and in every frame around it
 * (an LMS that frames the course in a small, fixed frame inside a page that scrolls too): whole
 * when it fits, from its start when it is taller than the frame, so that the first line (the
 * result of a check, the heading of a list) is never cut off above the frame's edge, as a
 * browser's own focus scrolling does when it centres a tall element. The scroll follows the
 * page's `scroll-behavior`: smooth, or instant when the learner asks for reduced motion.
 * No framework: the page script and the islands share it.
 */
export function focusInView(element: HTMLElement | null | undefined): void {
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: element.offsetHeight > innerHeight ? 'start' : 'nearest' });
}
