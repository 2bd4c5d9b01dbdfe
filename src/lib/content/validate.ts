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

export interface QuestionFacts {
  /** The question file, as shown in messages. */
  file: string;
  /** The lesson id the file declares. */
  lesson: string;
  id: string;
  objective: string;
  use: 'check' | 'assessment';
  /** The variant tag of a near-identical assessment item, if any. */
  variant?: string | undefined;
}

export interface QuestionIndex {
  /** Lesson ids, and the objective ids of each. */
  lessons: ReadonlyMap<string, { file: string; objectives: readonly string[]; checks: readonly string[]; reflections: readonly string[] }>;
  /** How many questions one assessment attempt draws. */
  draw: number;
}

/**
 * Checks the question bank against the lessons: every file names a lesson, every question an
 * objective of that lesson, ids are unique, every `<Check id>` names a knowledge check and every
 * knowledge check is placed once, every objective is assessed, and the bank is big enough.
 */
export function validateQuestions(questions: readonly QuestionFacts[], index: QuestionIndex): string[] {
  const problems: string[] = [];
  const seen = new Map<string, QuestionFacts>();
  for (const q of questions) {
    const other = seen.get(q.id);
    if (other) problems.push(`${q.file}: question "${q.id}": the id is already used in ${other.file}; question ids must be unique in the course.`);
    seen.set(q.id, q);
    const lesson = index.lessons.get(q.lesson);
    if (!lesson) {
      problems.push(`${q.file}: field "lesson": "${q.lesson}" is not a lesson of the course (${[...index.lessons.keys()].join(', ')}).`);
    } else if (!lesson.objectives.includes(q.objective)) {
      problems.push(`${q.file}: question "${q.id}", field "objective": "${q.objective}" is not an objective of lesson "${q.lesson}" (${lesson.objectives.join(', ')}).`);
    }
  }

  const placed = new Map<string, string>();
  const reflections = new Map<string, string>();
  for (const [lessonId, lesson] of index.lessons) {
    for (const id of lesson.checks) {
      const q = seen.get(id);
      if (!q) problems.push(`${lesson.file}: <Check id="${id}">: no question with this id in content/questions/.`);
      else if (q.use !== 'check') problems.push(`${lesson.file}: <Check id="${id}">: the question is an assessment item (use: assessment), not a knowledge check.`);
      else if (q.lesson !== lessonId) problems.push(`${lesson.file}: <Check id="${id}">: the question belongs to lesson "${q.lesson}" (${q.file}).`);
      const where = placed.get(id);
      if (where) problems.push(`${lesson.file}: <Check id="${id}">: already placed in ${where}; a knowledge check appears once.`);
      placed.set(id, lesson.file);
    }
    for (const id of lesson.reflections) {
      const where = reflections.get(id);
      if (where) problems.push(`${lesson.file}: <Reflection id="${id}">: the id is already used in ${where}; notes are saved by it.`);
      reflections.set(id, lesson.file);
    }
  }
  for (const q of questions) {
    if (q.use === 'check' && !placed.has(q.id) && index.lessons.has(q.lesson)) {
      problems.push(`${q.file}: question "${q.id}" is a knowledge check (use: check) but no lesson places it with <Check id="${q.id}" />.`);
    }
  }

  const bank = questions.filter((q) => q.use === 'assessment');
  for (const [lessonId, lesson] of index.lessons) {
    for (const objective of lesson.objectives) {
      if (!bank.some((q) => q.objective === objective)) {
        problems.push(`${lesson.file}: objective "${objective}" is assessed by no item of the final assessment (use: assessment) in content/questions/.`);
      }
    }
    if (!questions.some((q) => q.lesson === lessonId)) {
      problems.push(`${lesson.file}: lesson "${lessonId}" has no questions file in content/questions/.`);
    }
  }
  if (bank.length < index.draw) {
    problems.push(`content/questions/: the assessment bank has ${bank.length} item(s), fewer than the ${index.draw} one attempt draws (content/course.yaml, field "assessment.questions").`);
  }

  // Variant tags: near-identical assessment items, of which one attempt draws at most one.
  const tagged = new Map<string, QuestionFacts[]>();
  for (const q of questions) {
    if (q.variant === undefined) continue;
    if (q.use !== 'assessment') {
      problems.push(`${q.file}: question "${q.id}", field "variant": a knowledge check (use: check) takes no variant tag; tags keep near-identical assessment items out of one attempt.`);
      continue;
    }
    tagged.set(q.variant, [...(tagged.get(q.variant) ?? []), q]);
  }
  for (const [tag, items] of tagged) {
    if (items.length < 2) problems.push(`${items[0]!.file}: question "${items[0]!.id}", field "variant": "${tag}" tags no other item; a variant tag marks two or more near-identical items.`);
  }
  const distinct = bank.filter((q) => q.variant === undefined).length + tagged.size;
  if (bank.length >= index.draw && distinct < index.draw) {
    problems.push(`content/questions/: the assessment bank has ${distinct} items once variants of one tag count once, fewer than the ${index.draw} one attempt draws (content/course.yaml, field "assessment.questions").`);
  }
  return problems;
}

export interface ArtefactFacts {
  /** The artefact file, as shown in messages. */
  file: string;
  id: string;
  lesson: string;
  objective: string;
}

/**
 * Checks the artefacts against the lessons: each names a lesson and an objective of that lesson,
 * the lesson places it with `<Artefact id>`, and every `<Artefact id>` names an artefact placed once.
 */
export function validateArtefacts(
  artefacts: readonly ArtefactFacts[],
  lessons: ReadonlyMap<string, { file: string; objectives: readonly string[]; artefacts: readonly string[] }>,
): string[] {
  const problems: string[] = [];
  for (const a of artefacts) {
    const lesson = lessons.get(a.lesson);
    if (!lesson) {
      problems.push(`${a.file}: field "lesson": "${a.lesson}" is not a lesson of the course (${[...lessons.keys()].join(', ')}).`);
      continue;
    }
    if (!lesson.objectives.includes(a.objective)) {
      problems.push(`${a.file}: field "objective": "${a.objective}" is not an objective of lesson "${a.lesson}" (${lesson.objectives.join(', ')}).`);
    }
    if (!lesson.artefacts.includes(a.id)) {
      problems.push(`${a.file}: field "lesson": lesson "${a.lesson}" does not place it (add <Artefact id="${a.id}" /> to ${lesson.file}).`);
    }
  }
  const placed = new Map<string, string>();
  for (const [lessonId, lesson] of lessons) {
    for (const id of lesson.artefacts) {
      const a = artefacts.find((x) => x.id === id);
      if (!a) problems.push(`${lesson.file}: <Artefact id="${id}">: no artefact content/artefacts/${id}.yaml.`);
      else if (a.lesson !== lessonId) problems.push(`${lesson.file}: <Artefact id="${id}">: the artefact belongs to lesson "${a.lesson}" (${a.file}).`);
      const where = placed.get(id);
      if (where) problems.push(`${lesson.file}: <Artefact id="${id}">: already placed in ${where}; an artefact appears once.`);
      placed.set(id, lesson.file);
    }
  }
  return problems;
}
