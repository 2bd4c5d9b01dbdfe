/**
 * Checks across lessons that a per-file schema cannot make: unique orders and objective ids,
 * and citations and glossary links that point somewhere. Each problem names the file and field.
 */

export interface LessonFacts {
  /** The file, as shown in messages (`content/lessons/01-x.mdx`). */
  file: string;
  order: number;
  objectiveIds: readonly string[];
  /** The MDX source, to find `<Cite id>` and `<Term id>`. */
  body: string;
}

export interface CourseIndex {
  glossaryIds: ReadonlySet<string>;
  referenceIds: ReadonlySet<string>;
}

export function validateLessons(lessons: readonly LessonFacts[], index: CourseIndex): string[] {
  const problems: string[] = [];
  const orders = new Map<number, string>();
  const objectives = new Map<string, string>();
  for (const lesson of lessons) {
    const other = orders.get(lesson.order);
    if (other !== undefined) {
      problems.push(`${lesson.file}: field "order": ${lesson.order} is already used by ${other}; each lesson needs its own order.`);
    } else {
      orders.set(lesson.order, lesson.file);
    }
    lesson.objectiveIds.forEach((id, i) => {
      const owner = objectives.get(id);
      if (owner !== undefined) {
        problems.push(`${lesson.file}: field "objectives[${i}].id": "${id}" is already used by ${owner}; objective ids must be unique in the course.`);
      } else {
        objectives.set(id, lesson.file);
      }
    });
    for (const id of componentIds(lesson.body, 'Cite')) {
      if (!index.referenceIds.has(id)) problems.push(`${lesson.file}: <Cite id="${id}">: no reference with this id in content/references.yaml.`);
    }
    for (const id of componentIds(lesson.body, 'Term')) {
      if (!index.glossaryIds.has(id)) problems.push(`${lesson.file}: <Term id="${id}">: no term with this id in content/glossary.yaml.`);
    }
  }
  return problems;
}

/** Ids used by `<Name id="…">` in MDX source, in order, without duplicates. */
export function componentIds(body: string, component: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(new RegExp(`<${component}\\s+id=["']([^"']*)["']`, 'g'))) ids.add(match[1] ?? '');
  return [...ids];
}
