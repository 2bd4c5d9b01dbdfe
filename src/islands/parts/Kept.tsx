/**
 * An island's sentence on where something is kept, said truly: the island twin of
 * components/Kept.astro. On the website, this browser's; in a SCORM package all three, and the
 * base layout's classes show the one that holds (the LMS's, the review's, else this browser's).
 */
export function Kept({ browser, lms, review }: { browser: string; lms: string; review: string }) {
  if (import.meta.env.PUBLIC_LT_PACKAGE !== '1') return <>{browser}</>;
  return (
    <span class="kept">
      <span class="kept__browser">{browser}</span>
      <span class="kept__lms">{lms}</span>
      <span class="kept__review">{review}</span>
    </span>
  );
}
