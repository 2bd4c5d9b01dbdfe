import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { componentIds } from '../../src/lib/content/validate';
import { doiUrl, referenceSchema } from '../../src/schemas/reference';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const yaml = (path: string) => load(read(path)) as unknown;
const entry = { id: 'wu-2020', short: 'Wu et al., 2020', citation: 'Wu, Q. (2020). A meta-analysis. *Journal*.', kind: 'supplementary' };

describe('reference schema: DOIs', () => {
  it('accepts a DOI and links it at doi.org', () => {
    expect(referenceSchema.safeParse({ ...entry, doi: '10.1177/1548051818820862' }).success).toBe(true);
    expect(doiUrl('10.1177/1548051818820862')).toBe('https://doi.org/10.1177/1548051818820862');
  });

  it('refuses a DOI written as an address, or with no registrant prefix', () => {
    for (const doi of ['https://doi.org/10.1177/1548051818820862', 'doi:10.1177/1548051818820862', '1548051818820862', '10.11/x']) {
      const result = referenceSchema.safeParse({ ...entry, doi });
      expect(result.success, doi).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['doi']);
    }
  });

  it('refuses a DOI pasted into the citation, naming the field', () => {
    const result = referenceSchema.safeParse({ ...entry, citation: `${entry.citation} https://doi.org/10.1177/1548051818820862` });
    expect(result.error?.issues[0]?.path).toEqual(['citation']);
  });
});

/** Every place the course names a reference by id: lessons, scenarios, glossary, diagnostic. */
function referenceUses(): { where: string; id: string }[] {
  const uses: { where: string; id: string }[] = [];
  for (const file of readdirSync(join(root, 'content/lessons')).filter((f) => f.endsWith('.mdx'))) {
    for (const id of componentIds(read(`content/lessons/${file}`), 'Cite')) uses.push({ where: `content/lessons/${file} <Cite>`, id });
  }
  for (const file of readdirSync(join(root, 'content/scenarios')).filter((f) => f.endsWith('.yaml'))) {
    for (const [, id] of read(`content/scenarios/${file}`).matchAll(/^\s*reference:\s*["']?([^"'\s#]+)/gm)) uses.push({ where: `content/scenarios/${file} reference`, id: id ?? '' });
  }
  for (const term of yaml('content/glossary.yaml') as { id: string; source?: string }[]) {
    if (term.source) uses.push({ where: `content/glossary.yaml "${term.id}" source`, id: term.source });
  }
  for (const [, list] of read('content/diagnostic.yaml').matchAll(/references:\s*\[([^\]]*)\]/g)) {
    for (const id of (list ?? '').split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean)) uses.push({ where: 'content/diagnostic.yaml references', id });
  }
  return uses;
}

describe('content/references.yaml', () => {
  const references = yaml('content/references.yaml') as Record<string, unknown>[];

  it('has valid, unique entries', () => {
    const ids = references.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of references) expect(referenceSchema.safeParse(r).error?.issues ?? [], String(r.id)).toEqual([]);
  });

  it('holds every reference a lesson cites, a scenario move gives, a glossary term or the diagnostic names', () => {
    const known = new Set(references.map((r) => r.id));
    const uses = referenceUses();
    expect(uses.length).toBeGreaterThan(100);
    expect(uses.filter((u) => !known.has(u.id)).map((u) => `${u.where}: "${u.id}"`)).toEqual([]);
  });
});
