import { describe, expect, it } from 'vitest';
import { componentIds, validateLessons, type LessonFacts } from '../../src/lib/content/validate';
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
    minutes: 25,
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
