/**
 * What the browser knows about the course: its id and lessons, written into every page by the
 * base layout as JSON (`#course-facts`), so that client code needs no copy of the content.
 */
export interface CourseLesson {
  id: string;
  title: string;
  href: string;
}

export interface CourseFactsData {
  id: string;
  title: string;
  /** Storage layout version, part of every storage key (not the data version, which migrates). */
  storageVersion: number;
  lessons: CourseLesson[];
  /** Origin patterns of the pages that may receive the course's messages when they embed it (`content/course.yaml`). */
  embed: { allowedOrigins: string[] };
}

function read(): CourseFactsData | undefined {
  if (typeof document === 'undefined') return undefined;
  try {
    const text = document.getElementById('course-facts')?.textContent;
    return text ? (JSON.parse(text) as CourseFactsData) : undefined;
  } catch {
    return undefined;
  }
}

export const courseFacts: CourseFactsData | undefined = read();
