/**
 * Artefacts (content/artefacts/): the schema and the cross-file checks, when one is done, saving,
 * reading back (codec), two copies merged, import (fit), export (file) and the notes' Markdown.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { artefactDone, artefactLeft, artefactRef, leftMessage, setArtefact, unfinishedArtefacts, type ArtefactSpec } from '../../src/lib/artefact';
import { validateArtefacts } from '../../src/lib/content/validate';
import { artefactToMarkdown, notesToMarkdown } from '../../src/lib/notes';
import { decode, emptyProgress, encode, merge, mergeTabs, type Progress } from '../../src/lib/progress';
import { exportFile } from '../../src/lib/progress/file';
import { fit, setAsideMessage, type CourseContent } from '../../src/lib/progress/fit';
import { parseImport } from '../../src/lib/progress/transfer';
import { artefactSchema } from '../../src/schemas/artefact';

const dir = join(import.meta.dirname, '..', '..', 'content', 'artefacts');
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 10) + ms).toISOString();

const spec: ArtefactSpec = {
  id: 'agreement',
  title: 'Delegation agreement',
  fields: [
    { id: 'outcome', label: 'Scope and outcome', hint: 'What a good result looks like.', optional: false, rows: 3 },
    { id: 'limits', label: 'Limits of authority', hint: 'What needs your sign-off.', optional: false, rows: 3 },
    { id: 'extra', label: 'Anything else', hint: 'Optional notes.', optional: true, rows: 2 },
  ],
  rubric: [
    { id: 'clear', text: 'The outcome is testable.' },
    { id: 'limits', text: 'Every limit is written down.' },
  ],
};
const ref = artefactRef(spec);

const valid = () => ({
  title: 'Routine map',
  lesson: 'distributed-leadership-as-practice',
  objective: 'l3-map',
  intro: 'Map one routine of your own.',
  fields: [
    { id: 'routine', label: 'The routine', hint: 'Which recurring routine.' },
    { id: 'leaders', label: 'The leaders', hint: 'Who convenes and frames it.' },
  ],
  exemplar: { setting: 'A fictional example: a small team.', values: { routine: 'A weekly meeting.', leaders: 'The manager chairs.' } },
  rubric: [
    { id: 'a', text: 'Interactions are described.' },
    { id: 'b', text: 'The situation is concrete.' },
    { id: 'c', text: 'One decision is traced.' },
  ],
});

/** The schema's complaints, as "path: message". */
function issues(data: unknown): string[] {
  const result = artefactSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('artefact schema', () => {
  it('accepts every artefact of the course, each with a worked exemplar for every field and 3 to 6 criteria', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(['convening-plan.yaml', 'decision-rights-map.yaml', 'delegation-agreement.yaml', 'routine-map.yaml']);
    for (const f of files) expect(issues(yaml.load(readFileSync(join(dir, f), 'utf8'))), f).toEqual([]);
  });

  it('applies the defaults: a field is required and three lines high unless it says otherwise', () => {
    const parsed = artefactSchema.parse(valid());
    expect(parsed.fields[0]).toMatchObject({ optional: false, rows: 3 });
  });

  it('names the field and the rule for an exemplar that misses a field, names a field the artefact lacks, or does not say it is fictional', () => {
    const data = valid();
    data.exemplar = { setting: 'A small team somewhere.', values: { routine: 'A weekly meeting.', ghost: 'Not a field.' } as never };
    expect(issues(data)).toEqual([
      'exemplar.values.leaders: the exemplar has no value for field "leaders"; the worked example fills every field',
      'exemplar.values.ghost: "ghost" is not a field of the artefact (routine, leaders)',
      'exemplar.setting: say that the example is fictional (or which course-brief facts it is written from)',
    ]);
  });

  it('refuses duplicate ids, too short a rubric and unknown keys', () => {
    const data = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    data.fields = [data.fields[0]!, { ...data.fields[0]! }];
    data.rubric = data.rubric.slice(0, 2);
    (data as Record<string, unknown>)['colour'] = 'red';
    const found = issues(data);
    expect(found.some((i) => i.startsWith('rubric:'))).toBe(true);
    expect(found.some((i) => /colour|Unrecognized/i.test(i))).toBe(true);
    const dup = valid();
    dup.rubric = [dup.rubric[0]!, { ...dup.rubric[0]! }, dup.rubric[2]!];
    expect(issues(dup)).toEqual(['rubric.1.id: "a" is used twice; ids must be unique in the artefact']);
  });
});

describe('validateArtefacts: artefacts against the lessons', () => {
  const lessons = new Map([
    ['two', { file: 'content/lessons/02-two.mdx', objectives: ['l2-draft', 'l2-explain'], artefacts: ['agreement', 'ghost'] }],
    ['three', { file: 'content/lessons/03-three.mdx', objectives: ['l3-map'], artefacts: ['agreement'] }],
  ]);
  it('names file, field and rule: an unknown lesson, an objective of another lesson, a lesson that does not place it, a tag with no file, a second placement', () => {
    const problems = validateArtefacts(
      [
        { file: 'content/artefacts/agreement.yaml', id: 'agreement', lesson: 'two', objective: 'l3-map' },
        { file: 'content/artefacts/map.yaml', id: 'map', lesson: 'three', objective: 'l3-map' },
        { file: 'content/artefacts/lost.yaml', id: 'lost', lesson: 'nine', objective: 'l9-x' },
      ],
      lessons,
    );
    expect(problems).toEqual([
      'content/artefacts/agreement.yaml: field "objective": "l3-map" is not an objective of lesson "two" (l2-draft, l2-explain).',
      'content/artefacts/map.yaml: field "lesson": lesson "three" does not place it (add <Artefact id="map" /> to content/lessons/03-three.mdx).',
      'content/artefacts/lost.yaml: field "lesson": "nine" is not a lesson of the course (two, three).',
      'content/lessons/02-two.mdx: <Artefact id="ghost">: no artefact content/artefacts/ghost.yaml.',
      'content/lessons/03-three.mdx: <Artefact id="agreement">: the artefact belongs to lesson "two" (content/artefacts/agreement.yaml).',
      'content/lessons/03-three.mdx: <Artefact id="agreement">: already placed in content/lessons/02-two.mdx; an artefact appears once.',
    ]);
  });
  it('finds nothing wrong with an artefact placed once in its lesson', () => {
    expect(validateArtefacts([{ file: 'a.yaml', id: 'agreement', lesson: 'two', objective: 'l2-draft' }], new Map([['two', { file: 'two.mdx', objectives: ['l2-draft'], artefacts: ['agreement'] }]]))).toEqual([]);
  });
});

describe('when an artefact is done (it counts toward its lesson)', () => {
  it('needs every required part written and every criterion self-assessed; optional parts and the rating itself do not matter', () => {
    expect(ref).toEqual({ id: 'agreement', required: ['outcome', 'limits'], rubric: ['clear', 'limits'] });
    expect(artefactLeft(ref, undefined)).toEqual({ fields: 2, criteria: 2 });
    expect(artefactDone(ref, { fields: { outcome: 'x', limits: '   ' }, rubric: { clear: 'no', limits: 'partly' } })).toBe(false);
    expect(artefactDone(ref, { fields: { outcome: 'x', limits: 'y' }, rubric: { clear: 'no', limits: 'partly' } })).toBe(true);
    expect(artefactDone(ref, { fields: { outcome: 'x', limits: 'y' }, rubric: { clear: 'yes' } })).toBe(false);
  });
  it('does not count a rating it does not know (read from a damaged copy) as self-assessed', () => {
    expect(artefactLeft(ref, { fields: { outcome: 'x', limits: 'y' }, rubric: { clear: 'maybe' as never, limits: 'yes' } })).toEqual({ fields: 0, criteria: 1 });
  });
  it('lists the lesson’s artefacts not done yet, and says what is open', () => {
    const p = setArtefact(emptyProgress(), 'agreement', { fields: { outcome: 'x' }, rubric: { clear: 'yes' } }, at(0));
    expect(unfinishedArtefacts(p, [ref, { id: 'other', required: ['a'], rubric: ['b'] }])).toEqual(['agreement', 'other']);
    expect(leftMessage(artefactLeft(ref, p.artefacts?.['agreement']))).toBe('Still open: 1 part to write and 1 criterion to check.');
    expect(leftMessage({ fields: 2, criteria: 0 })).toBe('Still open: 2 parts to write.');
    expect(leftMessage({ fields: 0, criteria: 0 })).toBe('');
  });
});

describe('saving, reading back, merging', () => {
  const saved = setArtefact(emptyProgress(), 'agreement', { fields: { outcome: 'A shortlist by March', limits: '  ', extra: '' }, rubric: { clear: 'yes' } }, at(0));

  it('saves what was written (blank parts left out) with the time', () => {
    expect(saved.artefacts).toEqual({ agreement: { fields: { outcome: 'A shortlist by March' }, rubric: { clear: 'yes' }, at: at(0) } });
  });

  it('keeps an artefact cleared of everything, empty with its time, so that an older copy in another tab does not bring it back', () => {
    const cleared = setArtefact(saved, 'agreement', { fields: { outcome: '' }, rubric: {} }, at(5000));
    expect(cleared.artefacts?.['agreement']).toEqual({ fields: {}, rubric: {}, at: at(5000) });
    expect(mergeTabs(cleared, saved, saved).artefacts?.['agreement']?.fields).toEqual({});
  });

  it('reads a saved artefact back as it was, and leaves out a damaged one, naming it', () => {
    const text = encode({ ...saved, lessons: {} });
    expect(decode(text, { lessonIds: [] }).progress.artefacts).toEqual(saved.artefacts);
    const artefacts = JSON.stringify({ good: saved.artefacts!['agreement'], bad: { fields: { a: 3 }, rubric: {}, at: at(0) }, worse: { fields: {}, rubric: {} } });
    const damaged = `{"version":2,"lessons":{},"artefacts":${artefacts.slice(0, -1)},"__proto__":{"fields":{},"rubric":{},"at":"${at(0)}"}}}`;
    const { progress, problems } = decode(damaged, { lessonIds: [] });
    expect(Object.keys(progress.artefacts ?? {})).toEqual(['good']);
    expect(problems[0]?.entries).toEqual(['artefacts.bad', 'artefacts.worse', 'artefacts.?']);
  });

  it('merges two copies: each artefact from the copy that saved it last, none lost, in either order', () => {
    const a = setArtefact(setArtefact(emptyProgress(), 'agreement', { fields: { outcome: 'old' }, rubric: {} }, at(0)), 'map', { fields: { routine: 'huddle' }, rubric: {} }, at(10));
    const b = setArtefact(emptyProgress(), 'agreement', { fields: { outcome: 'new' }, rubric: { clear: 'partly' } }, at(20));
    const m = merge(a, b);
    expect(m.artefacts?.['agreement']?.fields['outcome']).toBe('new');
    expect(m.artefacts?.['map']?.fields['routine']).toBe('huddle');
    expect(merge(b, a)).toEqual(m);
    expect(merge(m, m)).toEqual(m);
    expect(mergeTabs(a, b, emptyProgress()).artefacts).toEqual(m.artefacts);
  });
});

describe('export and import', () => {
  const content: CourseContent = { checks: {}, bank: {}, notes: [], scenarios: {}, diagnostic: { answers: 24, flags: 4 }, artefacts: ['agreement'] };
  const progress: Progress = {
    ...setArtefact(setArtefact(emptyProgress(), 'agreement', { fields: { outcome: 'A shortlist' }, rubric: { clear: 'yes' } }, at(0)), 'ghost', { fields: { a: 'b' }, rubric: {} }, at(0)),
    lessons: { one: { visitedAt: at(0) } },
  };

  it('the progress file carries the artefacts', () => {
    expect(exportFile(progress, 'leading-together', at(1)).progress.artefacts?.['agreement']?.fields).toEqual({ outcome: 'A shortlist' });
  });

  it('an import keeps the artefacts the course has and sets aside the others, saying why', () => {
    const { progress: kept, aside } = fit(progress, content);
    expect(Object.keys(kept.artefacts ?? {})).toEqual(['agreement']);
    expect(setAsideMessage(aside)).toBe('1 entry was set aside: 1 names a work product this course does not have.');
    const file = JSON.stringify(exportFile(progress, 'leading-together', at(1)));
    const result = parseImport(file, file.length, 'leading-together', { lessonIds: ['one'], content });
    expect(result.ok && result.progress.artefacts?.['agreement']?.rubric).toEqual({ clear: 'yes' });
  });
});

describe('the artefacts in the notes export (Markdown)', () => {
  const state = { fields: { outcome: 'A *shortlist*\nby <March>', limits: 'Sign-off over £5k' }, rubric: { clear: 'yes' as const }, at: at(0) };
  it('writes each part quoted as written, an unwritten part as such, and the self-assessment', () => {
    expect(artefactToMarkdown(spec, state)).toEqual([
      '### Delegation agreement',
      '',
      '**Scope and outcome**',
      '',
      '> A \\*shortlist\\*',
      '> by &lt;March&gt;',
      '',
      '**Limits of authority**',
      '',
      '> Sign-off over £5k',
      '',
      '**Anything else**',
      '',
      '_(not written yet)_',
      '',
      '**Self-assessment against the rubric**',
      '',
      '- Yes: The outcome is testable.',
      '- Not assessed yet: Every limit is written down.',
      '',
      '_Saved 2026-01-01_',
      '',
    ]);
  });
  it('adds the saved artefacts after the notes, with their lesson; unsaved ones are left out', () => {
    const entries = [{ ...spec, lessonTitle: 'Delegation done well', lessonHref: '/lessons/delegation-done-well/' }, { ...spec, id: 'other', lessonTitle: 'X', lessonHref: '/x/' }];
    const md = notesToMarkdown('Leading Together', [], {}, at(1), { artefacts: entries, saved: { agreement: state } });
    expect(md).toContain('No notes written yet.\n\n## My work products\n\n### Delegation agreement\n');
    expect(md).toContain('_From “Delegation done well”_');
    expect(md.match(/### /g)).toHaveLength(1);
    expect(notesToMarkdown('Leading Together', [], {}, at(1))).not.toContain('work products');
  });
  it('adds the 90-day plan, when there is one, as the plan builder exports it', () => {
    const plan = { decision: 'Rota swaps', mechanism: 'A regular huddle', owner: 'Sam', measures: ['Swaps done', 'Complaints', ''], checkIn: '2026-03-01' };
    const md = notesToMarkdown('Leading Together', [], {}, at(1), { artefacts: [], saved: {}, plan });
    expect(md).toContain('## My work products\n\n### My 90-day experiment\n\n- **Decision to redistribute:** Rota swaps\n');
    expect(md).toContain('- **Check-in date:** 2026-03-01');
  });
});
