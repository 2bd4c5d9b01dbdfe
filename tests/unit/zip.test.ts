import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createZip, type ZipEntry } from '../../src/lib/zip';

const encode = (text: string) => new TextEncoder().encode(text);
const zip = (entries: ZipEntry[], date?: Date) => createZip(entries, (d) => deflateRawSync(d), crc32, date ? { date } : {});

const ENTRIES: ZipEntry[] = [
  { path: 'imsmanifest.xml', data: encode('<manifest>\n' + '  <file href="lessons/one/index.html"/>\n'.repeat(200) + '</manifest>\n') },
  { path: 'images/photo.bin', data: new Uint8Array(randomBytes(4096)) },
  { path: 'empty.txt', data: new Uint8Array(0) },
  { path: 'lessons/délégation/index.html', data: encode('<h1>Délégation</h1>'.repeat(20)) },
];

interface Read {
  path: string;
  method: number;
  flags: number;
  time: number;
  day: number;
  data: Uint8Array;
}

/** Reads an archive back through its central directory, checking each local header and CRC on the way. */
function readZip(bytes: Uint8Array): Read[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  expect(at + centralSize).toBe(end);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: Read[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(offset, true)).toBe(0x04034b50);
    // The local header repeats the central one: "version needed" to the extra field's length, then the name.
    expect(bytes.subarray(offset + 4, offset + 30)).toEqual(bytes.subarray(at + 6, at + 32));
    expect(bytes.subarray(offset + 30, offset + 30 + nameLength)).toEqual(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = offset + 30 + nameLength + view.getUint16(offset + 28, true);
    const body = bytes.subarray(start, start + compressed);
    const data = method === 8 ? new Uint8Array(inflateRawSync(body)) : body;
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    out.push({ path, method, flags, time: view.getUint16(at + 12, true), day: view.getUint16(at + 14, true), data });
    at += 46 + nameLength + extra;
  }
  return out;
}

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('createZip', () => {
  const bytes = zip(ENTRIES);

  it('writes every entry in the order given, deflating only when that is smaller', () => {
    const read = readZip(bytes);
    expect(read.map((r) => r.path)).toEqual(ENTRIES.map((e) => e.path));
    expect(read.map((r) => r.method)).toEqual([8, 0, 0, 8]);
    read.forEach((r, i) => expect(r.data).toEqual(ENTRIES[i]?.data));
    expect(read.every((r) => r.flags === 0x0800)).toBe(true);
    expect(bytes.length).toBeLessThan(ENTRIES.reduce((sum, e) => sum + e.data.length, 0));
  });

  it('stamps 1980-01-01 00:00 unless given a date, so the same files give the same bytes', () => {
    expect(readZip(bytes).map((r) => [r.day, r.time])).toEqual(ENTRIES.map(() => [0x21, 0]));
    expect(zip(ENTRIES)).toEqual(bytes);
    const dated = readZip(zip(ENTRIES, new Date('2026-03-14T15:09:27Z')))[0];
    expect(dated?.day).toBe(((2026 - 1980) << 9) | (3 << 5) | 14);
    expect(dated?.time).toBe((15 << 11) | (9 << 5) | 13);
  });

  it('passes unzip -t, and unzip lists and extracts the same files', (ctx) => {
    ctx.skip(!hasUnzip, 'unzip is not installed; the archive was only read back by this test');
    const dir = mkdtempSync(join(tmpdir(), 'lt-zip-'));
    const file = join(dir, 'course.zip');
    writeFileSync(file, bytes);
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('No errors detected');
    const list = spawnSync('unzip', ['-Z', '-v', file], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/imsmanifest\.xml[\s\S]*compression method:\s+deflated/);
    expect(list.stdout).toMatch(/images\/photo\.bin[\s\S]*compression method:\s+none \(stored\)/);
    expect(list.stdout).toContain('lessons/délégation/index.html');
    for (const entry of ENTRIES) {
      const extracted = spawnSync('unzip', ['-p', file, entry.path], { encoding: 'buffer' });
      expect(new Uint8Array(extracted.stdout), entry.path).toEqual(entry.data);
    }
  });

  it('turns backslashes into forward slashes and refuses paths that leave the archive or repeat', () => {
    expect(readZip(zip([{ path: 'a\\b.txt', data: encode('x') }]))[0]?.path).toBe('a/b.txt');
    for (const path of ['/etc/passwd', '../up.txt', 'a//b.txt', 'dir/', '']) {
      expect(() => zip([{ path, data: encode('x') }])).toThrow(/relative file path/);
    }
    expect(() => zip([{ path: 'a.txt', data: encode('x') }, { path: 'a.txt', data: encode('y') }])).toThrow(/twice/);
  });

  it('refuses what would need zip64, and dates a ZIP cannot hold', () => {
    const many = Array.from({ length: 0xffff }, (_, i) => ({ path: `f${i}`, data: new Uint8Array(0) }));
    expect(() => zip(many)).toThrow(/at most 65534 entries/);
    const huge = { path: 'huge.bin', data: { length: 2 ** 32 } as Uint8Array };
    expect(() => createZip([huge], () => { throw new Error('not reached'); }, () => 0)).toThrow(/4 GiB/);
    expect(() => zip(ENTRIES, new Date('1979-12-31T23:59:59Z'))).toThrow(/1980 and 2107/);
  });
});
