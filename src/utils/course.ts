/**
 * The course as pages see it: one normalising step over the content collections that sorts the
 * lessons, links previous/next, gathers each lesson's knowledge checks and reflections, and runs
 * the cross-file checks of `lib/content/validate`. A problem fails the build with the file and the field.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { componentIds, validateArtefacts, validateLessons, validateQuestions } from '../lib/content/validate';
import type { ArtefactSpec } from '../lib/artefact';
import { validateScenario } from '../lib/scenario/analyse';
import { answerFact, diagnosticFact, scenarioFact, type CourseContent } from '../lib/progress/fit';
import type { Question } from '../schemas/question';
import { lessonTime } from '../lib/content/lesson-time';
import { lessonUrl } from './url';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface Reflection {
  id: string;
  prompt: string;
  lesson: string;
}

/** A knowledge check, scenario or reflection of a lesson, by the anchor of its place on the page. */
export interface Activity {
  kind: 'check' | 'scenario' | 'reflection' | 'artefact';
  /** The id of the element that holds it: `check-…`, `scenario-…`, `reflection-…`, `artefact-…`. */
  anchor: string;
  /** Its number among the lesson's activities of its kind, from 1. */
  number: number;
  /** An artefact's title (“Your delegation agreement”), which the links to it say. */
  title?: string;
}

export interface CourseLesson {
  entry: LessonEntry;
  id: string;
  number: number;
  href: string;
  prev?: LessonEntry;
  next?: LessonEntry;
  /** Knowledge checks placed in the lesson, in page order. */
  checks: Question[];
  /** Ids of the scenarios the lesson embeds. */
  scenarios: string[];
  /** Ids of its spaced-review checks (`<ReviewCheck id="…" />`), which ask earlier lessons' checks. */
  reviews: string[];
  reflections: Reflection[];
  /** Artefacts the lesson places (`<Artefact id>`), in page order. */
  artefacts: ArtefactSpec[];
  /** Its checks, scenarios and reflections, in page order (the lesson's "Jump to" links). */
  activities: Activity[];
  /** Estimated minutes, computed from the body's words and activities (src/lib/content/lesson-time.ts). */
  minutes: number;
}

export interface BankQuestion {
  question: Question;
  lesson: string;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

function fileOf(entry: { id: string; filePath?: string | undefined }): string {
  return entry.filePath ?? entry.id;
}

/** `<Reflection id="…" prompt="…" />` occurrences in MDX source. */
function reflectionsIn(body: string, lesson: string): Reflection[] {
  const found: Reflection[] = [];
  for (const match of body.matchAll(/<Reflection\s+([^>]*?)\/>/g)) {
    const attrs = match[1] ?? '';
    const id = /\bid="([^"]*)"/.exec(attrs)?.[1];
    const prompt = /\bprompt="([^"]*)"/.exec(attrs)?.[1];
    if (id && prompt) found.push({ id, prompt, lesson });
  }
  return found;
}

/** `<Check id>`, `<Scenario id>` and `<Reflection id>` occurrences in MDX source, in order. */
function activitiesIn(body: string): Activity[] {
  const kinds = { Check: 'check', Scenario: 'scenario', Reflection: 'reflection', Artefact: 'artefact' } as const;
  const activities: Activity[] = [];
  for (const match of body.matchAll(/<(Check|Scenario|Reflection|Artefact)\s+id=["']([^"']*)["']/g)) {
    const kind = kinds[match[1] as keyof typeof kinds];
    const anchor = `${kind}-${match[2] ?? ''}`;
    if (activities.some((a) => a.anchor === anchor)) continue;
    activities.push({ kind, anchor, number: activities.filter((a) => a.kind === kind).length + 1 });
  }
  return activities;
}

interface CourseData {
  lessons: CourseLesson[];
  questions: Map<string, Question>;
  bank: BankQuestion[];
  artefacts: Map<string, ArtefactSpec>;
}

let cached: Promise<CourseData> | undefined;

function getCourseData(): Promise<CourseData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<CourseData> {
  const entries = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  const sets = await getCollection('questions');
  const course = await getCourse();
  const problems = validateLessons(
    entries.map((entry) => ({
      file: fileOf(entry),
      order: entry.data.order,
      objectiveIds: entry.data.objectives.map((o) => o.id),
      body: entry.body ?? '',
    })),
    {
      glossaryIds: new Set((await getCollection('glossary')).map((t) => t.id)),
      referenceIds: new Set((await getCollection('references')).map((r) => r.id)),
    },
  );
  problems.push(
    ...validateQuestions(
      sets.flatMap((set) =>
        set.data.questions.map((q) => ({ file: fileOf(set), lesson: set.data.lesson, id: q.id, objective: q.objective, use: q.use, variant: q.variant })),
      ),
      {
        lessons: new Map(
          entries.map((e) => [
            e.id,
            {
              file: fileOf(e),
              objectives: e.data.objectives.map((o) => o.id),
              checks: componentIds(e.body ?? '', 'Check'),
              reflections: reflectionsIn(e.body ?? '', e.id).map((r) => r.id),
            },
          ]),
        ),
        draw: course.assessment.questions,
      },
    ),
  );
  const scenarios = await getCollection('scenarios');
  const referenceIds = new Set((await getCollection('references')).map((r) => r.id));
  for (const scenario of scenarios) {
    const file = fileOf(scenario);
    problems.push(...validateScenario(scenario.data, referenceIds).map((p) => `${file}: ${p}`));
    const lesson = entries.find((e) => e.id === scenario.data.lesson);
    if (!lesson) problems.push(`${file}: field "lesson": "${scenario.data.lesson}" is not a lesson of the course.`);
    else if (!componentIds(lesson.body ?? '', 'Scenario').includes(scenario.id)) {
      problems.push(`${file}: field "lesson": lesson "${lesson.id}" does not embed it (add <Scenario id="${scenario.id}" /> to ${fileOf(lesson)}).`);
    }
  }
  const artefactEntries = await getCollection('artefacts');
  problems.push(
    ...validateArtefacts(
      artefactEntries.map((a) => ({ file: fileOf(a), id: a.id, lesson: a.data.lesson, objective: a.data.objective })),
      new Map(entries.map((e) => [e.id, { file: fileOf(e), objectives: e.data.objectives.map((o) => o.id), artefacts: componentIds(e.body ?? '', 'Artefact') }])),
    ),
  );
  for (const entry of entries) {
    for (const id of componentIds(entry.body ?? '', 'Scenario')) {
      if (!scenarios.some((s) => s.id === id)) problems.push(`${fileOf(entry)}: <Scenario id="${id}">: no scenario content/scenarios/${id}.yaml.`);
    }
  }
  if (problems.length > 0) {
    throw new ContentError(`The course content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }

  const questions = new Map<string, Question>();
  const bank: BankQuestion[] = [];
  for (const set of sets) {
    for (const q of set.data.questions) {
      questions.set(q.id, q);
      if (q.use === 'assessment') bank.push({ question: q, lesson: set.data.lesson });
    }
  }
  const artefacts = new Map<string, ArtefactSpec>(
    artefactEntries.map((a) => [a.id, { id: a.id, title: a.data.title, fields: a.data.fields, rubric: a.data.rubric }]),
  );
  const lessons = entries.map((entry, index) => {
    const lesson: CourseLesson = {
      entry,
      id: entry.id,
      number: index + 1,
      href: lessonUrl(entry.id),
      checks: componentIds(entry.body ?? '', 'Check').map((id) => questions.get(id) as Question),
      scenarios: componentIds(entry.body ?? '', 'Scenario'),
      reviews: componentIds(entry.body ?? '', 'ReviewCheck'),
      reflections: reflectionsIn(entry.body ?? '', entry.id),
      artefacts: componentIds(entry.body ?? '', 'Artefact').map((id) => artefacts.get(id) as ArtefactSpec),
      activities: activitiesIn(entry.body ?? '').map((a) => (a.kind === 'artefact' ? { ...a, title: artefacts.get(a.anchor.slice('artefact-'.length))?.title ?? '' } : a)),
      minutes: lessonTime(entry.body ?? '').minutes,
    };
    const prev = entries[index - 1];
    const next = entries[index + 1];
    if (prev) lesson.prev = prev;
    if (next) lesson.next = next;
    return lesson;
  });
  return { lessons, questions, bank, artefacts };
}

export async function getLessons(): Promise<CourseLesson[]> {
  return (await getCourseData()).lessons;
}

export async function getQuestion(id: string): Promise<Question> {
  const question = (await getCourseData()).questions.get(id);
  if (!question) throw new ContentError(`No question with id "${id}" in content/questions/.`);
  return question;
}

/** An artefact's content file, with its lesson and objective. */
export async function getArtefact(id: string) {
  const entry = await getEntry('artefacts', id);
  if (!entry) throw new ContentError(`No artefact with id "${id}" in content/artefacts/.`);
  return { id: entry.id, ...entry.data };
}

/** The final-assessment bank, in file order. */
export async function getBank(): Promise<BankQuestion[]> {
  return (await getCourseData()).bank;
}

/** What an import is checked against (lib/progress/fit.ts): the course's questions, notes, scenarios and diagnostic. */
export async function getImportContent(): Promise<CourseContent> {
  const { lessons, bank } = await getCourseData();
  const diagnostic = (await getEntry('diagnostic', 'tdrd'))?.data;
  if (!diagnostic) throw new ContentError('content/diagnostic.yaml: no entry "tdrd".');
  return {
    checks: Object.fromEntries(lessons.flatMap((l) => l.checks).map((q) => [q.id, answerFact(q)])),
    bank: Object.fromEntries(bank.map(({ question }) => [question.id, answerFact(question)])),
    notes: lessons.flatMap((l) => l.reflections.map((r) => r.id)),
    scenarios: Object.fromEntries((await getCollection('scenarios')).map((s) => [s.id, scenarioFact(s.data)])),
    diagnostic: diagnosticFact(diagnostic),
    artefacts: lessons.flatMap((l) => l.artefacts.map((a) => a.id)),
    precheck: (await getPrecheck()).statements.map((s) => s.id),
    reviews: Object.fromEntries(lessons.flatMap((l) => l.reviews.map((id) => [id, reviewPools(lessons, l.id).flatMap((p) => p.questions)]))),
  };
}

/** The pre-check (content/precheck.yaml); each statement's lesson must exist. */
export async function getPrecheck() {
  const data = (await getEntry('precheck', 'precheck'))?.data;
  if (!data) throw new ContentError('content/precheck.yaml: no entry "precheck".');
  const lessons = await getLessons();
  for (const s of data.statements) {
    if (!lessons.some((l) => l.id === s.lesson)) throw new ContentError(`content/precheck.yaml: statement "${s.id}", field "lesson": "${s.lesson}" is not a lesson of the course.`);
  }
  return data;
}

/** What a review in `lessonId` may ask: the knowledge checks of each earlier lesson. */
export function reviewPools(lessons: CourseLesson[], lessonId: string): { lesson: string; questions: string[] }[] {
  const at = lessons.findIndex((l) => l.id === lessonId);
  return lessons.slice(0, Math.max(at, 0)).map((l) => ({ lesson: l.id, questions: l.checks.map((q) => q.id) }));
}

export async function getCourse() {
  const entries = await getCollection('course');
  const [course, ...extra] = entries;
  if (!course || extra.length > 0) {
    throw new ContentError('content/course.yaml: must hold exactly one course, keyed by its id.');
  }
  return { id: course.id, ...course.data };
}

export function totalMinutes(lessons: CourseLesson[]): number {
  return lessons.reduce((sum, l) => sum + l.minutes, 0);
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}
