import { packageKeeps } from '../../stores/engine';

/**
 * What a note, the 90-day plan or an artefact says once saved: where it went. On the website, this browser; in
 * a SCORM package, the LMS under SCORM 2004 (SCORM 1.2 cannot keep them), nowhere in a review.
 */
export function savedNote(): string {
  if (import.meta.env.PUBLIC_LT_PACKAGE !== '1') return 'Saved in this browser.';
  const keeps = packageKeeps('notes');
  return keeps === 'lms' ? 'Saved in your LMS.' : keeps === 'nothing' ? 'Not saved: this is a review.' : 'Saved in this browser.';
}
