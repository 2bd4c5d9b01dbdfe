import { describe, expect, it } from 'vitest';
import { markdownText, notesToMarkdown, type NotePrompt } from '../../src/lib/notes';

const prompts: NotePrompt[] = [
  { id: 'n1', prompt: 'What will you try?', lessonTitle: 'Leadership in the plural', lessonHref: '/lessons/leadership-in-the-plural/' },
  { id: 'n2', prompt: 'Who decides?', lessonTitle: 'Leadership in the plural', lessonHref: '/lessons/leadership-in-the-plural/' },
];
const AT = '2026-11-20T08:00:00.000Z';
const NOW = '2026-11-25T09:30:00.000Z';

/** The lines of the exported note's blockquote: from after the prompt to the “Written” line. */
function quoteOf(text: string): string[] {
  const lines = notesToMarkdown('Leading Together', prompts.slice(0, 1), { n1: { text, at: AT } }, NOW).split('\n');
  const start = lines.indexOf('**What will you try?**') + 2;
  return lines.slice(start, lines.indexOf(`_Written 2026-11-20_`) - 1);
}

describe('notes export (Markdown)', () => {
  it('writes each note as a blockquote under its lesson and prompt', () => {
    const md = notesToMarkdown('Leading Together', prompts, { n1: { text: 'Ask the team.\n\nThen wait.', at: AT } }, NOW);
    expect(md).toBe(
      [
        '# My notes: Leading Together',
        '',
        'Exported 2026-11-25.',
        '',
        '## Leadership in the plural',
        '',
        '**What will you try?**',
        '',
        '> Ask the team.',
        '>',
        '> Then wait.',
        '',
        '_Written 2026-11-20_',
        '',
      ].join('\n'),
    );
  });

  it('keeps every line inside the blockquote, whatever the line breaks (CR, CRLF, LF)', () => {
    const lines = quoteOf('first\r# Injected heading\r\nthird\n\rfifth\r');
    expect(lines).toEqual(['> first', '> \\# Injected heading', '> third', '>', '> fifth', '>']);
    expect(lines.join('\n')).not.toMatch(/\r/);
  });

  it('escapes raw HTML so that it shows as text', () => {
    const [line] = quoteOf('<img src=x onerror="alert(1)"> & <script>alert(2)</script> &copy;');
    expect(line).toBe('> &lt;img src=x onerror="alert(1)"&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt; &amp;copy;');
    expect(line).not.toMatch(/<|>(?!\s)/);
  });

  it('escapes links, images, emphasis, code and tables', () => {
    expect(markdownText('[click](https://evil.example) ![x](https://evil.example/t.png)')).toBe('\\[click\\](https://evil.example) !\\[x\\](https://evil.example/t.png)');
    expect(markdownText('*bold* _it_ `code` ~~gone~~ a | b')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ a \\| b');
    expect(markdownText('back\\slash')).toBe('back\\\\slash');
  });

  it('escapes the block marks that open a line: headings, lists, rules, underlines, quotes', () => {
    expect(quoteOf('## Heading\n- item\n+ item\n* item\n1. first\n2) second\n---\n===\n> quoted')).toEqual([
      '> \\## Heading',
      '> \\- item',
      '> \\+ item',
      '> \\* item',
      '> 1\\. first',
      '> 2\\) second',
      '> \\---',
      '> \\===',
      '> &gt; quoted',
    ]);
  });

  it('drops an indent that would make a code block, and keeps ordinary text readable', () => {
    expect(quoteOf('    indented\n\tTabbed')).toEqual(['> indented', '> Tabbed']);
    expect(quoteOf('We agreed: 3 decisions, 2 owners (and one review).')).toEqual(['> We agreed: 3 decisions, 2 owners (and one review).']);
  });

  it('says so when no note is written', () => {
    expect(notesToMarkdown('Leading Together', prompts, {}, NOW)).toContain('No notes written yet.');
  });
});
