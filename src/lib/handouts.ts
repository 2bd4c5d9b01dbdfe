/**
 * What the facilitator guide and the printable handouts read out of lesson sources: the "Key
 * takeaways" list, a Markdown table, and the small Markdown subset the facilitator notes are
 * written in. Pure functions (no Astro, Preact or DOM), unit-tested in tests/unit/handouts.test.ts.
 */
import { escapeHtml } from './text';

/** `**bold**` and `*italic*`, after escaping everything else: the only inline markup notes and takeaways use. */
export function inlineMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/**
 * MDX inline syntax a handout cannot reproduce, reduced to its text: `[text](href)` becomes `text`,
 * `<Term id="x">words</Term>` becomes `words`, and self-closing components (`<Cite id="x" />`) go.
 */
export function plainInline(text: string): string {
  return text
    .replace(/\s*<[A-Z][\w.]*\b[^>]*\/>/g, '')
    .replace(/<\/?[A-Za-z][\w.]*\b[^>]*>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const HEADING = /^#{1,6}\s/;
const BULLET = /^[-*]\s+(.*)$/;

/**
 * The items of the bullet list under a lesson's `## Key takeaways` heading, as inline Markdown
 * (bold and italic kept, links and components reduced to their text). An item may run over several
 * indented lines. The list ends at the next heading, at an unindented line that is not a bullet,
 * or at the end of the body. No such heading, or no bullets under it: an empty array.
 */
export function keyTakeaways(body: string): string[] {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+Key takeaways\s*$/i.test(l.trim()));
  if (start === -1) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim()) continue;
    if (HEADING.test(line)) break;
    const bullet = BULLET.exec(line);
    if (bullet) items.push(bullet[1] ?? '');
    else if (/^\s/.test(line) && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
    else if (items.length > 0) break;
  }
  return items.map(plainInline).filter(Boolean);
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[]; start: number };

/**
 * The Markdown subset of facilitator notes, as HTML: paragraphs (separated by blank lines),
 * `- ` bullet lists, `1. ` numbered lists (an indented line continues the item above it), bold and
 * italic. Everything else is text, escaped, so a note can never inject markup.
 */
export function notesToHtml(source: string): string {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      // A blank line ends a paragraph; a list may go on after one (a "loose" list).
      if (current?.kind === 'p') current = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (current?.kind !== kind) {
        current = { kind, items: [], start: numbered ? Number(numbered[1]) : 1 };
        blocks.push(current);
      }
      current.items.push((bullet ? bullet[1] : numbered?.[2]) ?? '');
      continue;
    }
    if (current && current.kind !== 'p' && /^\s/.test(raw)) {
      current.items[current.items.length - 1] += ` ${line}`;
      continue;
    }
    if (current?.kind !== 'p') {
      current = { kind: 'p', lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks
    .map((b) => {
      if (b.kind === 'p') return `<p>${inlineMarkdown(b.lines.join(' '))}</p>`;
      const items = b.items.map((i) => `<li>${inlineMarkdown(i)}</li>`).join('');
      return b.kind === 'ol' && b.start !== 1 ? `<ol start="${b.start}">${items}</ol>` : `<${b.kind}>${items}</${b.kind}>`;
    })
    .join('\n');
}

export interface MarkdownTable {
  /** The `caption` of the `<TableWrap>` around the table. */
  caption: string;
  /** Header cells, as inline Markdown. */
  head: string[];
  /** Body rows, each as inline Markdown cells. */
  rows: string[][];
}

/** `| a | b \| c |` → `['a', 'b | c']`. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => plainInline(c.replace(/\\\|/g, '|').trim()));
}

/**
 * The first pipe table inside the `<TableWrap caption="…">` whose caption starts with
 * `captionStart`, so that a handout can reprint a lesson's table without copying it. Undefined
 * when there is no such wrapper or no table in it.
 */
export function markdownTable(body: string, captionStart: string): MarkdownTable | undefined {
  const wraps = [...body.matchAll(/<TableWrap\s+caption="([^"]*)"\s*>([\s\S]*?)<\/TableWrap>/g)];
  const wrap = wraps.find((m) => (m[1] ?? '').startsWith(captionStart));
  if (!wrap) return undefined;
  const lines = (wrap[2] ?? '').split(/\r?\n/).map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith('|'));
  if (first === -1) return undefined;
  const table: string[] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith('|')) break;
    table.push(l);
  }
  const [head, separator, ...rows] = table;
  if (!head || !separator || !/^\|?[\s:|-]+$/.test(separator)) return undefined;
  return { caption: wrap[1] ?? '', head: cells(head), rows: rows.map(cells) };
}
