import { describe, expect, it } from 'vitest';
import { componentIds, validateLessons, validateQuestions, type LessonFacts, type QuestionFacts } from '../../src/lib/content/validate';
import { lessonSchema } from '../../src/schemas/lesson';
import { glossarySchema } from '../../src/schemas/glossary';
import { referenceSchema } from '../../src/schemas/reference';

const index = { glossaryIds: new Set(['shared-leadership']), referenceIds: new Set(['bolden-2011']) };
const lesson = (over: Partial<LessonFacts> = {}): LessonFacts => ({
  file: 'content/lessons/01-a.mdx',
  order: 1,
  objectiveIds: ['l1-a', 'l1-b'],
  body: 'See <Term id="shared-leadership">shared</Term> (<Cite id="bolden-2011" />).',
  ...over,
});

describe('validateLessons', () => {
  it('accepts a consistent course', () => {
    expect(validateLessons([lesson(), lesson({ file: 'content/lessons/02-b.mdx', order: 2, objectiveIds: ['l2-a', 'l2-b'] })], index)).toEqual([]);
  });

  it('names the file and field of a duplicate order', () => {
    const problems = validateLessons([lesson(), lesson({ file: 'content/lessons/02-b.mdx', objectiveIds: ['l2-a', 'l2-b'] })], index);
    expect(problems).toEqual(['content/lessons/02-b.mdx: field "order": 1 is already used by content/lessons/01-a.mdx; each lesson needs its own order.']);
  });

  it('names the file and field of an objective id used twice', () => {
    const problems = validateLessons([lesson(), lesson({ file: 'content/lessons/02-b.mdx', order: 2, objectiveIds: ['l2-a', 'l1-b'] })], index);
    expect(problems).toEqual([expect.stringContaining('content/lessons/02-b.mdx: field "objectives[1].id": "l1-b" is already used by content/lessons/01-a.mdx')]);
  });

  it('names citations and glossary links that point nowhere', () => {
    const problems = validateLessons([lesson({ body: '<Cite id="nobody-1999" /> and <Term id="vibes">x</Term>' })], index);
    expect(problems).toEqual([
      'content/lessons/01-a.mdx: <Cite id="nobody-1999">: no reference with this id in content/references.yaml.',
      'content/lessons/01-a.mdx: <Term id="vibes">: no term with this id in content/glossary.yaml.',
    ]);
  });

  it('finds component ids once each', () => {
    expect(componentIds('<Cite id="a" /> <Cite id=\'b\' /> <Cite  id="a" />', 'Cite')).toEqual(['a', 'b']);
  });
});

describe('lesson schema', () => {
  const valid = {
    title: 'Leadership in the plural',
    summary: 'Four ideas that are often confused.',
    order: 1,
    objectives: [
      { id: 'l1-define', text: 'Define the four arrangements.' },
      { id: 'l1-classify', text: 'Classify short vignettes.' },
    ],
  };

  it('accepts a complete lesson, with or without facilitator notes', () => {
    expect(lessonSchema.safeParse(valid).success).toBe(true);
    expect(lessonSchema.safeParse({ ...valid, facilitatorNotes: 'Allow 10 minutes.' }).success).toBe(true);
  });

  it('refuses a lesson with fewer than two objectives, naming the field', () => {
    const result = lessonSchema.safeParse({ ...valid, objectives: [valid.objectives[0]] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['objectives'], message: 'a lesson needs at least 2 objectives' });
  });

  it('refuses a lesson without objectives', () => {
    const { objectives: _omit, ...rest } = valid;
    const result = lessonSchema.safeParse(rest);
    expect(result.error?.issues[0]?.path).toEqual(['objectives']);
  });

  it('refuses a hand-written minutes field: the time is computed from the lesson at build', () => {
    const result = lessonSchema.safeParse({ ...valid, minutes: 25 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('minutes');
  });

  it('refuses an unknown field, naming it', () => {
    const result = lessonSchema.safeParse({ ...valid, durationMinutes: 20 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('durationMinutes');
  });

  it('refuses an objective id that is not a slug', () => {
    const result = lessonSchema.safeParse({ ...valid, objectives: [{ id: 'L1 Define', text: 'Define things well.' }, valid.objectives[1]] });
    expect(result.error?.issues[0]?.path).toEqual(['objectives', 0, 'id']);
  });
});

describe('glossary and reference schemas', () => {
  it('accept valid entries and refuse unknown fields', () => {
    expect(glossarySchema.safeParse({ id: 'andon', term: 'Andon', definition: 'A signal any team member can use.' }).success).toBe(true);
    expect(glossarySchema.safeParse({ id: 'andon', term: 'Andon', definition: 'A signal any team member can use.', colour: 'red' }).success).toBe(false);
    expect(referenceSchema.safeParse({ id: 'bolden-2011', short: 'Bolden, 2011', citation: 'Bolden, R. (2011). Title.', kind: 'core' }).success).toBe(true);
    expect(referenceSchema.safeParse({ id: 'bolden-2011', short: 'Bolden, 2011', citation: 'Bolden, R. (2011). Title.', kind: 'blog' }).success).toBe(false);
  });
});

describe('validateQuestions', () => {
  const F1 = 'content/questions/01-a.yaml';
  const lessons = new Map([
    ['a', { file: 'content/lessons/01-a.mdx', objectives: ['l1-x', 'l1-y'], checks: ['a-check'], reflections: ['a-note'] }],
  ]);
  const q = (over: Partial<QuestionFacts> = {}): QuestionFacts => ({ file: F1, lesson: 'a', id: 'a-item-1', objective: 'l1-x', use: 'assessment', ...over });
  const good = [q({ id: 'a-check', use: 'check' }), q(), q({ id: 'a-item-2', objective: 'l1-y' })];

  it('accepts a consistent bank', () => {
    expect(validateQuestions(good, { lessons, draw: 2 })).toEqual([]);
  });

  it('names duplicate ids, unknown lessons and objectives', () => {
    const problems = validateQuestions([...good, q({ id: 'a-item-2', objective: 'l9-z' }), q({ id: 'stray', lesson: 'nowhere' })], { lessons, draw: 2 });
    expect(problems).toEqual([
      `${F1}: question "a-item-2": the id is already used in ${F1}; question ids must be unique in the course.`,
      `${F1}: question "a-item-2", field "objective": "l9-z" is not an objective of lesson "a" (l1-x, l1-y).`,
      `${F1}: field "lesson": "nowhere" is not a lesson of the course (a).`,
    ]);
  });

  it('names a <Check> to nowhere or to an assessment item, and a check placed nowhere', () => {
    const placedWrong = new Map([['a', { ...lessons.get('a')!, checks: ['ghost', 'a-item-1'] }]]);
    expect(validateQuestions(good, { lessons: placedWrong, draw: 1 })).toEqual([
      'content/lessons/01-a.mdx: <Check id="ghost">: no question with this id in content/questions/.',
      'content/lessons/01-a.mdx: <Check id="a-item-1">: the question is an assessment item (use: assessment), not a knowledge check.',
      `${F1}: question "a-check" is a knowledge check (use: check) but no lesson places it with <Check id="a-check" />.`,
    ]);
  });

  it('names an objective no assessment item covers, and a bank too small for the draw', () => {
    const problems = validateQuestions([q({ id: 'a-check', use: 'check' }), q()], { lessons, draw: 13 });
    expect(problems).toEqual([
      'content/lessons/01-a.mdx: objective "l1-y" is assessed by no item of the final assessment (use: assessment) in content/questions/.',
      'content/questions/: the assessment bank has 1 item(s), fewer than the 13 one attempt draws (content/course.yaml, field "assessment.questions").',
    ]);
  });

  it('accepts a variant tag on two assessment items; names a tag on one item, on a check, and a bank the tags make too small', () => {
    const pair = [q({ id: 'a-check', use: 'check' }), q({ variant: 'one-fact' }), q({ id: 'a-item-2', objective: 'l1-y', variant: 'one-fact' }), q({ id: 'a-item-3' })];
    expect(validateQuestions(pair, { lessons, draw: 2 })).toEqual([]);
    expect(validateQuestions(pair, { lessons, draw: 3 })).toEqual([
      'content/questions/: the assessment bank has 2 items once variants of one tag count once, fewer than the 3 one attempt draws (content/course.yaml, field "assessment.questions").',
    ]);
    expect(validateQuestions([q({ id: 'a-check', use: 'check', variant: 'one-fact' }), q({ variant: 'typo' }), q({ id: 'a-item-2', objective: 'l1-y' })], { lessons, draw: 2 })).toEqual([
      `${F1}: question "a-check", field "variant": a knowledge check (use: check) takes no variant tag; tags keep near-identical assessment items out of one attempt.`,
      `${F1}: question "a-item-1", field "variant": "typo" tags no other item; a variant tag marks two or more near-identical items.`,
    ]);
  });
});
