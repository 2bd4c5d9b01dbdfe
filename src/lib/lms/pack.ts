/**
 * A small LZW packer for ASCII text, written out in 64 URL-safe characters (6 bits each), so
 * that a learner's progress fits SCORM 1.2's 4,096 characters of `suspend_data`. Synchronous
 * (the course reads it before the page's islands start) and dependency-free.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Codes 0–127 are the ASCII characters; 128 ends the data. */
const END = 128;
const FIRST_FREE = 129;
/** The dictionary stops growing here, which bounds memory and the code width (16 bits). */
const MAX_CODES = 1 << 16;

/** Packs printable or control ASCII text (characters 0–127); throws on anything else. */
export function pack(text: string): string {
  const codes: number[] = [];
  const dictionary = new Map<string, number>();
  let next = FIRST_FREE;
  let phrase = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code > 127 || char.length !== 1) throw new RangeError('pack() takes ASCII text only');
    const longer = phrase + char;
    if (phrase === '' || dictionary.has(longer)) {
      phrase = longer;
      continue;
    }
    codes.push(phrase.length === 1 ? phrase.charCodeAt(0) : dictionary.get(phrase)!);
    if (next < MAX_CODES) dictionary.set(longer, next++);
    phrase = char;
  }
  if (phrase !== '') codes.push(phrase.length === 1 ? phrase.charCodeAt(0) : dictionary.get(phrase)!);
  codes.push(END);
  return writeCodes(codes);
}

/** The width of the n-th code: wide enough for every code the decoder may see at that point. */
function widthAt(index: number): number {
  // After emitting `index` codes the dictionary holds FIRST_FREE + index - 1 entries (capped).
  const largest = Math.min(FIRST_FREE + index, MAX_CODES - 1);
  return Math.max(8, Math.ceil(Math.log2(largest + 1)));
}

function writeCodes(codes: readonly number[]): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  codes.forEach((code, i) => {
    const width = widthAt(i);
    for (let b = width - 1; b >= 0; b--) {
      buffer = (buffer << 1) | ((code >> b) & 1);
      if (++bits === 6) {
        out += ALPHABET[buffer];
        buffer = 0;
        bits = 0;
      }
    }
  });
  if (bits > 0) out += ALPHABET[buffer << (6 - bits)];
  return out;
}

/** Unpacks text made by `pack`; undefined when it is not such text. */
export function unpack(packed: string): string | undefined {
  const values: number[] = [];
  for (const char of packed) {
    const v = ALPHABET.indexOf(char);
    if (v < 0) return undefined;
    values.push(v);
  }
  let position = 0;
  const total = values.length * 6;
  const read = (width: number): number | undefined => {
    if (position + width > total) return undefined;
    let code = 0;
    for (let i = 0; i < width; i++, position++) code = (code << 1) | ((values[Math.floor(position / 6)]! >> (5 - (position % 6))) & 1);
    return code;
  };
  const dictionary: string[] = [];
  for (let c = 0; c < 128; c++) dictionary[c] = String.fromCharCode(c);
  let out = '';
  let previous: string | undefined;
  for (let index = 0; ; index++) {
    const code = read(widthAt(index));
    if (code === undefined) return undefined;
    if (code === END) return out;
    let entry: string;
    if (code < dictionary.length && dictionary[code] !== undefined) entry = dictionary[code]!;
    else if (previous !== undefined && code === Math.max(dictionary.length, FIRST_FREE)) entry = previous + previous[0];
    else return undefined;
    out += entry;
    if (previous !== undefined && dictionary.length < MAX_CODES) {
      if (dictionary.length < FIRST_FREE) dictionary.length = FIRST_FREE;
      dictionary.push(previous + entry[0]);
    }
    previous = entry;
  }
}
