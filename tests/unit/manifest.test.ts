import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIRS, schemaFiles, scormManifest, type ManifestOptions, type ScormStandard } from '../../src/lib/lms/manifest';

const root = join(import.meta.dirname, '..', '..');

const base = (standard: ScormStandard, extra: Partial<ManifestOptions> = {}): ManifestOptions => ({
  standard,
  identifier: 'leading-together',
  title: 'Leading Together',
  version: '0.1.0',
  launch: 'index.html',
  files: ['lessons/two/index.html', 'index.html', '_astro/app.js', 'lessons/one/index.html'],
  ...extra,
});

/** Every value of one attribute, in document order. */
const attrs = (xml: string, name: string) => [...xml.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;

describe('scormManifest for SCORM 1.2', () => {
  const xml = scormManifest(base('1.2', { masteryScore: 80 }));

  it('declares the IMS CP 1.1.2 and ADL CP 1.2 namespaces, with schema files at the package root', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')).toBe(true);
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toContain('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
    const pairs = attrs(xml, 'xsi:schemaLocation')[0]?.split(' ') ?? [];
    expect(pairs).toContain('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    for (let i = 1; i < pairs.length; i += 2) expect(schemaFiles('1.2')).toContain(pairs[i]);
  });

  it('says ADL SCORM 1.2 and spells scormtype with a lower-case t', () => {
    expect(xml).toContain('<schema>ADL SCORM</schema>');
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('adlcp:scormtype="sco"');
    expect(xml).not.toContain('scormType');
  });

  it('puts the mastery score on the item', () => {
    expect(xml).toMatch(/<item [^>]*>\s*<title>Leading Together<\/title>\s*<adlcp:masteryscore>80<\/adlcp:masteryscore>\s*<\/item>/);
    expect(scormManifest(base('1.2'))).not.toContain('masteryscore');
    expect(scormManifest(base('1.2', { masteryScore: 66.666 }))).toContain('<adlcp:masteryscore>66.67<');
  });

  it('writes the description into inline IMS metadata', () => {
    const withDescription = scormManifest(base('1.2', { description: 'Lead <together> & well' }));
    expect(withDescription).toContain('<imsmd:description><imsmd:langstring>Lead &lt;together&gt; &amp; well</imsmd:langstring></imsmd:description>');
    expect(xml).not.toContain('imsmd:lom');
  });
});

describe('scormManifest for SCORM 2004 4th edition', () => {
  const xml = scormManifest(base('2004', { masteryScore: 80 }));

  it('declares the IMS CP 1.1 and ADL CP 1.3 namespaces', () => {
    expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"');
    expect(xml).toContain('xmlns:imsss="http://www.imsglobal.org/xsd/imsss"');
    const pairs = attrs(xml, 'xsi:schemaLocation')[0]?.split(' ') ?? [];
    expect(pairs).toEqual([
      'http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd',
    ]);
  });

  it('says 2004 4th Edition and spells scormType with a capital T', () => {
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('adlcp:scormType="sco"');
    expect(xml).not.toContain('scormtype');
  });

  it('passes at the mastery score by measure on the primary objective', () => {
    expect(xml).toMatch(/<imsss:primaryObjective satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0\.8<\/imsss:minNormalizedMeasure>/);
    expect(scormManifest(base('2004', { masteryScore: 33.33 }))).toContain('<imsss:minNormalizedMeasure>0.3333<');
    expect(scormManifest(base('2004'))).not.toContain('<imsss:sequencing');
  });

  it('has no place for the description without the LOM schemas', () => {
    expect(scormManifest(base('2004', { description: 'About leading' }))).not.toContain('About leading');
  });
});

describe.each(['1.2', '2004'] as const)('scormManifest (%s), either standard', (standard) => {
  const xml = scormManifest(base(standard));

  it('has one organization, one item and one SCO resource launching the course', () => {
    expect(count(xml, 'organization')).toBe(1);
    expect(count(xml, 'item')).toBe(1);
    expect(count(xml, 'resource')).toBe(1);
    expect(attrs(xml, 'default')).toEqual(['leading-together-org']);
    expect(attrs(xml, 'identifierref')).toEqual(['leading-together-resource']);
    expect(xml).toMatch(/<resource identifier="leading-together-resource" type="webcontent" adlcp:scorm[tT]ype="sco" href="index.html">/);
  });

  it('lists every file once, the launch file first and the rest sorted', () => {
    const files = scormManifest(base(standard, { files: ['b.js', 'index.html', 'a.css', 'b.js', 'imsmanifest.xml', ...schemaFiles(standard)] }));
    expect(attrs(files, 'href').slice(1)).toEqual(['index.html', 'a.css', 'b.js']);
    expect(attrs(xml, 'href').slice(1)).toEqual(['index.html', '_astro/app.js', 'lessons/one/index.html', 'lessons/two/index.html']);
    // The launch file is listed even when the caller left it out.
    expect(attrs(scormManifest(base(standard, { files: ['a.css'] })), 'href').slice(1)).toEqual(['index.html', 'a.css']);
  });

  it('escapes the title, the version and file names', () => {
    const tricky = scormManifest(base(standard, { title: `Tom & "Jerry" <lead>`, version: `1.0 "beta" & <x>`, files: ['a b/c&d.html', 'ünï.js'] }));
    expect(tricky).toContain('<title>Tom &amp; "Jerry" &lt;lead&gt;</title>');
    expect(tricky).toContain('version="1.0 &quot;beta&quot; &amp; &lt;x&gt;"');
    expect(tricky).toContain('<file href="a%20b/c%26d.html"/>');
    expect(tricky).toContain('<file href="%C3%BCn%C3%AF.js"/>');
    expect(tricky).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#)/);
  });

  it('refuses identifiers that are not xs:IDs, bad paths, bad scores and characters XML cannot hold', () => {
    for (const identifier of ['1course', 'leading together', '', 'a:b', 'a"b']) {
      expect(() => scormManifest(base(standard, { identifier }))).toThrow(/xs:ID/);
    }
    for (const path of ['/abs.html', '../up.html', 'a\\b.html', 'a//b.html', '']) {
      expect(() => scormManifest(base(standard, { files: [path] }))).toThrow(/relative to the package root/);
    }
    for (const masteryScore of [-1, 101, Number.NaN]) {
      expect(() => scormManifest(base(standard, { masteryScore }))).toThrow(/0 to 100/);
    }
    expect(() => scormManifest(base(standard, { title: 'bell \u0007' }))).toThrow(/cannot hold/);
  });

  it('names schema files that are vendored in the repository', () => {
    const files = schemaFiles(standard);
    expect(files).toContain(standard === '1.2' ? 'imscp_rootv1p1p2.xsd' : 'imscp_v1p1.xsd');
    for (const file of files) expect(existsSync(join(root, SCHEMA_DIRS[standard], file)), file).toBe(true);
  });
});
