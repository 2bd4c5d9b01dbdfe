import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inlineMarkdown, keyTakeaways, markdownTable, notesToHtml, plainInline } from '../../src/lib/handouts';
import { FULL_DAY, HALF_DAY, HANDOUTS, LESSON_PROMPTS, agendaProblems, clock, materialIds, type Segment } from '../../src/lib/workshop/agenda';

const root = join(import.meta.dirname, '..', '..');
const lessonFiles = readdirSync(join(root, 'content', 'lessons')).filter((f) => f.endsWith('.mdx')).sort();
const lessons = lessonFiles.map((f) => {
  const source = readFileSync(join(root, 'content', 'lessons', f), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  return { id: f.replace(/^\d+-/, '').replace(/\.mdx$/, ''), data: yaml.load(front) as { facilitatorNotes?: string }, body };
});

describe('keyTakeaways', () => {
  const body = [
    '## Before',
    '- not this one',
    '',
    '## Key takeaways',
    '',
    '- **First.** One line.',
    '- **Second.** Runs over',
    '  two lines, with a [link](/glossary/#x) and a <Term id="t">term</Term>.',
    '* Third <Cite id="bolden-2011" />.',
    '',
    '## Next section',
    '- not this one either',
  ].join('\n');

  it('reads the bullets under the heading, joining continued lines and reducing MDX to text', () => {
    expect(keyTakeaways(body)).toEqual(['**First.** One line.', '**Second.** Runs over two lines, with a link and a term.', 'Third.']);
  });

  it('stops at an unindented line that is not a bullet, or at the end of the body', () => {
    expect(keyTakeaways('## Key takeaways\n- one\n- two\n\n<Check id="x" />\n- not a takeaway')).toEqual(['one', 'two']);
    expect(keyTakeaways('## Key takeaways\n- only')).toEqual(['only']);
  });

  it('returns nothing when the lesson has no such heading', () => {
    expect(keyTakeaways('## Summary\n- one')).toEqual([]);
  });

  it('finds three to six takeaways in every lesson of the course', () => {
    for (const l of lessons) {
      const items = keyTakeaways(l.body);
      expect(items.length, l.id).toBeGreaterThanOrEqual(3);
      expect(items.length, l.id).toBeLessThanOrEqual(6);
      for (const item of items) expect(item, l.id).not.toMatch(/[<>]|\]\(/);
    }
  });
});

describe('inline Markdown', () => {
  it('escapes, then renders bold and italic', () => {
    expect(inlineMarkdown('**Bold** and *italic* <b>&')).toBe('<strong>Bold</strong> and <em>italic</em> &lt;b&gt;&amp;');
  });

  it('reduces links and components to their text', () => {
    expect(plainInline('See [the table](/x/) and <Term id="a">shared leadership</Term> <Cite id="b" />.')).toBe('See the table and shared leadership.');
  });
});

describe('notesToHtml', () => {
  it('renders paragraphs, bullet lists and numbered lists', () => {
    const notes = '**Timing.** Allow 10 minutes.\nThen discuss.\n\n**Steps**\n\n1. Pick a task.\n2. Draft it.\n\n- A *prompt*\n- Another';
    expect(notesToHtml(notes)).toBe(
      [
        '<p><strong>Timing.</strong> Allow 10 minutes. Then discuss.</p>',
        '<p><strong>Steps</strong></p>',
        '<ol><li>Pick a task.</li><li>Draft it.</li></ol>',
        '<ul><li>A <em>prompt</em></li><li>Another</li></ul>',
      ].join('\n'),
    );
  });

  it('continues an item on an indented line, keeps a list across blank lines and keeps its start number', () => {
    expect(notesToHtml('3. Third\n   still third\n\n4. Fourth')).toBe('<ol start="3"><li>Third still third</li><li>Fourth</li></ol>');
  });

  it('escapes markup in the notes', () => {
    expect(notesToHtml('<script>alert(1)</script>\n\n- <img src=x>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<ul><li>&lt;img src=x&gt;</li></ul>');
  });

  it('renders the numbered steps of lesson 2’s delegation clinic as a list', () => {
    const notes = lessons.find((l) => l.id === 'delegation-done-well')?.data.facilitatorNotes ?? '';
    expect(notesToHtml(notes)).toMatch(/<ol><li>Each participant picks a real task[^<]*<\/li>(<li>[^<]*<\/li>){3}<\/ol>/);
  });
});

describe('markdownTable', () => {
  const body = '<TableWrap caption="Arrangements compared (a synthesis)">\n\n| Dimension | A | B \\| C |\n|---|---|:---:|\n| **Who?** | x | y |\n| Where? | z | w |\n\n</TableWrap>\n\nAfter.';

  it('reads the table inside the wrapper whose caption starts with the given text', () => {
    expect(markdownTable(body, 'Arrangements compared')).toEqual({
      caption: 'Arrangements compared (a synthesis)',
      head: ['Dimension', 'A', 'B | C'],
      rows: [['**Who?**', 'x', 'y'], ['Where?', 'z', 'w']],
    });
  });

  it('returns undefined without such a wrapper or a table in it', () => {
    expect(markdownTable(body, 'Something else')).toBeUndefined();
    expect(markdownTable('<TableWrap caption="T">\n\nNo table.\n\n</TableWrap>', 'T')).toBeUndefined();
  });

  it('finds lesson 1’s comparison table: a dimension column and five arrangements', () => {
    const lesson1 = lessons.find((l) => l.id === 'leadership-in-the-plural')!;
    const table = markdownTable(lesson1.body, 'How the five arrangements compare');
    expect(table?.head).toEqual(['Dimension', 'Directive', 'Delegated', 'Distributed', 'Shared', 'Collaborative']);
    expect(table?.rows.length).toBeGreaterThanOrEqual(5);
    for (const row of table?.rows ?? []) expect(row).toHaveLength(6);
  });
});

describe('the workshop plan', () => {
  it('formats times from the start', () => {
    expect([clock(0), clock(5), clock(90), clock(210)]).toEqual(['0:00', '0:05', '1:30', '3:30']);
  });

  it('has a half day of nine segments over 3 h 30 min, and a full day of 7 h, without gaps', () => {
    expect(HALF_DAY).toHaveLength(9);
    expect(agendaProblems(HALF_DAY, 210)).toEqual([]);
    expect(agendaProblems(FULL_DAY, 420)).toEqual([]);
  });

  it('reports gaps, overlaps and a wrong length', () => {
    const seg = (start: number, end: number): Segment => ({ start, end, title: `${start}`, goal: '', activity: '', prompts: [], materials: [] });
    expect(agendaProblems([seg(0, 10), seg(15, 20)], 20)).toEqual(['“15” starts at 0:15, expected 0:10.']);
    expect(agendaProblems([seg(0, 10), seg(5, 20)], 30)).toEqual(['“5” starts at 0:05, expected 0:10.', 'The agenda ends at 0:20, expected 0:30.']);
    expect(agendaProblems([seg(0, 0)], 0)).toEqual(['“0” ends before it starts.']);
  });

  it('gives the full day more time in every shared segment, and all three scenarios', () => {
    for (const s of HALF_DAY) {
      const long = FULL_DAY.find((f) => f.title === s.title || f.title.startsWith(s.title.replace(/ in teams$/, '')));
      expect(long, s.title).toBeDefined();
      expect(long!.end - long!.start, s.title).toBeGreaterThanOrEqual(s.end - s.start);
    }
    const scenarios = readdirSync(join(root, 'content', 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(materialIds(FULL_DAY).scenarios.sort()).toEqual(scenarios.sort());
  });

  it('has a prompt for every lesson, and names only lessons that exist', () => {
    const ids = lessons.map((l) => l.id);
    expect(Object.keys(LESSON_PROMPTS).sort()).toEqual([...ids].sort());
    for (const agenda of [HALF_DAY, FULL_DAY]) for (const id of materialIds(agenda).lessons) expect(ids).toContain(id);
  });

  it('never quotes the untraceable disruption statistic', () => {
    const text = JSON.stringify({ HALF_DAY, FULL_DAY, LESSON_PROMPTS, HANDOUTS });
    expect(text).not.toMatch(/71\s*%|seventy-one/i);
  });
});
