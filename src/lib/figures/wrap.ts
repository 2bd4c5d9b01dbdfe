/**
 * Breaks a label into lines of at most `max` characters at spaces (a word longer than `max` gets
 * its own line), for SVG text, which does not wrap. Pure: figures call it at build time.
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
