/**
 * A minimal ZIP writer for course packages: entries in the order given, each deflated (method 8) when that makes it
 * smaller and stored (method 0) otherwise, UTF-8 names, and one fixed timestamp so that the same files always give
 * the same bytes. No zip64: more than 65,534 entries or anything reaching 4 GiB is refused.
 *
 * Pure: compression and checksums are passed in (from Node, `zlib.deflateRawSync` and `zlib.crc32`).
 */

export interface ZipEntry {
  /** Path inside the archive, relative, with forward slashes (backslashes are turned into them). */
  path: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /**
   * The modification time written for every entry, read in UTC (ZIP times carry no zone). Default 1980-01-01 00:00,
   * the earliest a ZIP can hold. Seconds are rounded down to even ones.
   */
  date?: Date;
}

/** Raw DEFLATE (no zlib header), as ZIP method 8 expects. */
export type Deflate = (data: Uint8Array) => Uint8Array;
/** CRC-32 (the ZIP/PNG one) of the data, as an unsigned or signed 32-bit number. */
export type Crc32 = (data: Uint8Array) => number;

/** 0xFFFF and 0xFFFFFFFF are zip64 markers, so a plain ZIP stays below them. */
const MAX_ENTRIES = 0xfffe;
const MAX_SIZE = 0xfffffffe;

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800;
/** Made by: Unix (3), spec 2.0; the external attributes then hold a regular file's mode, rw-r--r--. */
const MADE_BY = (3 << 8) | 20;
const FILE_MODE = 0o100644 * 0x10000;

interface Prepared {
  name: Uint8Array;
  method: 0 | 8;
  body: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

function dosDateTime(date: Date): { time: number; day: number } {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980 || year > 2107) throw new Error('A ZIP timestamp must be between 1980 and 2107.');
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function entryName(path: string): string {
  const name = path.replace(/\\/g, '/');
  const segments = name.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`"${path}" is not a relative file path (no leading "/", empty parts or "..").`);
  }
  return name;
}

/** Builds the whole archive in memory. */
export function createZip(entries: ZipEntry[], deflate: Deflate, crc32: Crc32, options: ZipOptions = {}): Uint8Array {
  if (entries.length > MAX_ENTRIES) {
    throw new Error(`A ZIP without zip64 holds at most ${MAX_ENTRIES} entries; ${entries.length} were given.`);
  }
  const { time, day } = dosDateTime(options.date ?? new Date(Date.UTC(1980, 0, 1)));
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  let offset = 0;

  for (const entry of entries) {
    const path = entryName(entry.path);
    if (seen.has(path)) throw new Error(`"${path}" is in the ZIP twice.`);
    seen.add(path);
    const name = encoder.encode(path);
    if (name.length > 0xffff) throw new Error(`"${path.slice(0, 60)}…" is too long a name for a ZIP.`);
    const size = entry.data.length;
    if (size > MAX_SIZE) throw new Error(`"${path}" is 4 GiB or more, too big for a ZIP without zip64.`);
    const deflated = size > 0 ? deflate(entry.data) : entry.data;
    const method = deflated.length < size ? 8 : 0;
    const body = method === 8 ? deflated : entry.data;
    prepared.push({ name, method, body, crc: crc32(entry.data) >>> 0, size, offset });
    offset += LOCAL_HEADER + name.length + body.length;
    if (offset > MAX_SIZE) throw new Error('The ZIP would reach 4 GiB, too big without zip64.');
  }

  const centralStart = offset;
  const centralSize = prepared.reduce((sum, p) => sum + CENTRAL_HEADER + p.name.length, 0);
  const total = centralStart + centralSize + END_RECORD;
  if (total > MAX_SIZE) throw new Error('The ZIP would reach 4 GiB, too big without zip64.');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };
  /** The fields local and central headers share, from "version needed" to the extra field's length. */
  const common = (p: Prepared) => {
    u16(p.method === 8 ? 20 : 10);
    u16(UTF8_NAMES);
    u16(p.method);
    u16(time);
    u16(day);
    u32(p.crc);
    u32(p.body.length);
    u32(p.size);
    u16(p.name.length);
    u16(0);
  };

  for (const p of prepared) {
    u32(0x04034b50);
    common(p);
    bytes(p.name);
    bytes(p.body);
  }
  for (const p of prepared) {
    u32(0x02014b50);
    u16(MADE_BY);
    common(p);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(FILE_MODE);
    u32(p.offset);
    bytes(p.name);
  }
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // disk where the central directory starts
  u16(prepared.length);
  u16(prepared.length);
  u32(centralSize);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
