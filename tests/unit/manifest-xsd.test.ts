/**
 * The manifests against the SCORM schemas, with xmllint (Debian: libxml2-utils), in a package-like folder: the
 * manifest and the vendored schema files side by side, as in the zip.
 *
 * xmllint does not follow the manifest's xsi:schemaLocation when given --schema, and the IMS schemas only allow the
 * ADL elements and attributes through wildcards (strict in 1.2; lax in 2004, which skips what it has no schema
 * for). So each check validates against a small wrapper schema that imports every namespace the manifest's
 * xsi:schemaLocation names, from the file it names; that checks the ADL and IMS SS parts too:
 *   xmllint --nonet --noout --schema validate.xsd imsmanifest.xml
 * Schemas cannot tell `adlcp:scormtype` from `adlcp:scormType` in 2004 (lax); manifest.test.ts checks the spelling.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { SCHEMA_DIRS, schemaFiles, scormManifest, type ManifestOptions, type ScormStandard } from '../../src/lib/lms/manifest';

const root = join(import.meta.dirname, '..', '..');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function needXmllint(ctx: TestContext): void {
  if (hasXmllint) return;
  if (process.env.CI) throw new Error('xmllint is missing: install libxml2-utils (apt-get install -y libxml2-utils).');
  ctx.skip('xmllint is not installed (Debian: apt-get install -y libxml2-utils), so the manifests were not checked against the SCORM schemas');
}

/** What `astro build` leaves, roughly, plus the launch page the packaging script adds. */
const FILES = [
  '404.html',
  '_astro/FinalAssessment.B3x9kQ1z.js',
  '_astro/client.Dk2mP0aQ.js',
  '_astro/index.C9fLr2Xw.css',
  'favicon.svg',
  'fonts/atkinson-hyperlegible-regular.woff2',
  'glossary/index.html',
  'images/lessons/delegation-ladder.svg',
  'index.html',
  'lessons/delegation-done-well/index.html',
  'lessons/leadership-in-the-plural/index.html',
  'manifest.webmanifest',
  'progress/index.html',
  'sw.js',
];

const options = (standard: ScormStandard, extra: Partial<ManifestOptions> = {}): ManifestOptions => ({
  standard,
  identifier: 'leading-together',
  title: 'Leading Together: distributed leadership & you',
  description: 'An open course on sharing leadership <in practice>.',
  version: '0.1.0',
  masteryScore: 80,
  launch: 'index.html',
  files: FILES,
  ...extra,
});

/** A folder holding the manifest, the standard's schema files and a wrapper schema importing every namespace. */
function packageDir(standard: ScormStandard, manifest: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lt-scorm-${standard}-`));
  for (const file of schemaFiles(standard)) copyFileSync(join(root, SCHEMA_DIRS[standard], file), join(dir, file));
  writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
  const locations = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1]?.split(/\s+/) ?? [];
  const imports: string[] = [];
  for (let i = 0; i + 1 < locations.length; i += 2) {
    imports.push(`  <xs:import namespace="${locations[i]}" schemaLocation="${locations[i + 1]}"/>`);
  }
  writeFileSync(
    join(dir, 'validate.xsd'),
    ['<?xml version="1.0" encoding="UTF-8"?>', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">', ...imports, '</xs:schema>', ''].join('\n'),
  );
  return dir;
}

function xmllint(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('xmllint', ['--nonet', ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const validate = (dir: string, schema = 'validate.xsd') => xmllint(dir, '--noout', '--schema', schema, 'imsmanifest.xml');

/** Schema problems only: the SCORM 1.2 ims_xml.xsd binds the xml namespace as a default, which libxml2 reports. */
const schemaErrors = (stderr: string) => stderr.split('\n').filter((line) => line.includes('Schemas validity error'));

describe.each(['1.2', '2004'] as const)('the SCORM %s manifest against its schemas', (standard) => {
  it('validates, with and without a mastery score and description', (ctx) => {
    needXmllint(ctx);
    const { masteryScore: _mastery, description: _description, ...plain } = options(standard);
    for (const manifestOptions of [options(standard), plain]) {
      const dir = packageDir(standard, scormManifest(manifestOptions));
      const result = validate(dir);
      expect(schemaErrors(result.stderr)).toEqual([]);
      expect(result.stderr).toContain('imsmanifest.xml validates');
      expect(result.status).toBe(0);
    }
  });

  it('names in xsi:schemaLocation only schema files that are in the package', () => {
    const manifest = scormManifest(options(standard));
    const locations = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1]?.split(' ') ?? [];
    expect(locations.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < locations.length; i += 2) expect(schemaFiles(standard)).toContain(locations[i]);
  });

  it('reads back the escaped title as written', (ctx) => {
    needXmllint(ctx);
    const title = `Tom & "Jerry" <lead> 'together'`;
    const dir = packageDir(standard, scormManifest(options(standard, { title })));
    const result = xmllint(dir, '--xpath', 'string(//*[local-name()="item"]/*[local-name()="title"])', 'imsmanifest.xml');
    expect(result.status).toBe(0);
    expect(result.stdout.replace(/\n$/, '')).toBe(title);
  });

  const scormType = standard === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const broken: [string, (xml: string) => string, RegExp][] = [
    ['an unknown scorm type', (xml) => xml.replace(`${scormType}="sco"`, `${scormType}="bogus"`), /scorm[tT]ype.*'bogus'/],
    ['no resources element', (xml) => xml.replace(/<resources>[\s\S]*<\/resources>\n/, ''), /Missing child element|not expected/],
    ['a resource without its type', (xml) => xml.replace(' type="webcontent"', ''), /'type' is required/],
    ['an identifier that is not an xs:ID', (xml) => xml.replace('identifier="leading-together-resource"', 'identifier="1 resource"'), /'1 resource'/],
    ['an identifier used twice', (xml) => xml.replace('identifier="leading-together-item"', 'identifier="leading-together-org"'), /leading-together-org/],
  ];
  if (standard === '1.2') {
    broken.push(['2004’s scormType spelling', (xml) => xml.replace('adlcp:scormtype=', 'adlcp:scormType='), /scormType/]);
  } else {
    broken.push(['a passing measure above 1', (xml) => xml.replace('<imsss:minNormalizedMeasure>0.8<', '<imsss:minNormalizedMeasure>1.5<'), /minNormalizedMeasure/]);
    broken.push(['a misspelt sequencing element', (xml) => xml.replace(/imsss:objectives>/g, 'imsss:objectivs>'), /objectivs/]);
  }

  it.for(broken)('fails with %s', ([, breakIt, error], ctx) => {
    needXmllint(ctx);
    const good = scormManifest(options(standard));
    const bad = breakIt(good);
    expect(bad).not.toBe(good);
    const result = validate(packageDir(standard, bad));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('imsmanifest.xml fails to validate');
    expect(schemaErrors(result.stderr).join('\n')).toMatch(error);
  });
});

describe('why the wrapper schema', () => {
  it('is needed for 2004: the IMS CP schema alone lets ADL attributes through unchecked', (ctx) => {
    needXmllint(ctx);
    const bad = scormManifest(options('2004')).replace('adlcp:scormType="sco"', 'adlcp:scormType="bogus"');
    const dir = packageDir('2004', bad);
    expect(validate(dir, 'imscp_v1p1.xsd').status).toBe(0);
    expect(validate(dir).status).not.toBe(0);
  });
});
