/**
 * The `imsmanifest.xml` of a single-SCO SCORM package (1.2 or 2004 4th edition): one organization, one item, one
 * resource that launches the course. Pure: the packaging script passes the course's files and copies the schema
 * files named by `schemaFiles` (vendored in `SCHEMA_DIRS`) to the package root beside the manifest.
 *
 * Validated against those schemas in tests/unit/manifest-xsd.test.ts, which also shows the xmllint commands.
 */

export type ScormStandard = '1.2' | '2004';

export interface ManifestOptions {
  standard: ScormStandard;
  /** The manifest's identifier; also the stem of the organization, item and resource identifiers. An xs:ID. */
  identifier: string;
  title: string;
  /**
   * Written into SCORM 1.2's inline IMS metadata (`imsmd:lom`). Not written for 2004: its metadata needs the IEEE LOM
   * schema files, which are not vendored.
   */
  description?: string;
  /** The manifest's `version` attribute (the course's version). */
  version: string;
  /**
   * Percentage (0–100) needed to pass. 1.2: `adlcp:masteryscore`. 2004: the item's primary objective is satisfied by
   * measure, with `minNormalizedMeasure` = masteryScore / 100; the LMS then derives `cmi.success_status` from
   * `cmi.score.scaled`, so the runtime must report `cmi.score.scaled`.
   */
  masteryScore?: number;
  /** The page the LMS opens, relative to the package root (for example `index.html`). */
  launch: string;
  /**
   * Every file of the course, relative to the package root, with forward slashes. The launch file is listed even if
   * missing here; `imsmanifest.xml` and the standard's schema files are left out (they belong to the package, not
   * to the resource).
   */
  files: string[];
}

interface Standard {
  schemaversion: string;
  namespaces: Record<string, string>;
  /** Namespace → schema file at the package root, in xsi:schemaLocation order. */
  locations: [string, string][];
  files: string[];
  scormType: string;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const IMSCP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const IMSMD12 = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const IMSCP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

const IMSSS_PARTS = ['auxresource', 'control', 'delivery', 'limit', 'objective', 'random', 'rollup', 'seqrule', 'util'];

const STANDARDS: Record<ScormStandard, Standard> = {
  '1.2': {
    schemaversion: '1.2',
    namespaces: { '': IMSCP12, adlcp: ADLCP12, imsmd: IMSMD12, xsi: XSI },
    locations: [
      [IMSCP12, 'imscp_rootv1p1p2.xsd'],
      [IMSMD12, 'imsmd_rootv1p2p1.xsd'],
      [ADLCP12, 'adlcp_rootv1p2.xsd'],
    ],
    // ims_xml.xsd is imported by the IMS schemas (the xml: namespace).
    files: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
    scormType: 'adlcp:scormtype',
  },
  '2004': {
    schemaversion: '2004 4th Edition',
    namespaces: { '': IMSCP, adlcp: ADLCP, imsss: IMSSS, xsi: XSI },
    locations: [
      [IMSCP, 'imscp_v1p1.xsd'],
      [ADLCP, 'adlcp_v1p3.xsd'],
      [IMSSS, 'imsss_v1p0.xsd'],
    ],
    // xml.xsd is imported by imscp_v1p1.xsd and names XMLSchema.dtd, which pulls in datatypes.dtd; imsss_v1p0.xsd
    // includes its parts.
    files: [
      'XMLSchema.dtd',
      'adlcp_v1p3.xsd',
      'datatypes.dtd',
      'imscp_v1p1.xsd',
      'imsss_v1p0.xsd',
      ...IMSSS_PARTS.map((part) => `imsss_v1p0${part}.xsd`),
      'xml.xsd',
    ],
    scormType: 'adlcp:scormType',
  },
};

/** Where each standard's schema files are vendored, relative to the repository root. */
export const SCHEMA_DIRS: Record<ScormStandard, string> = {
  '1.2': 'src/lms/schemas/scorm12',
  '2004': 'src/lms/schemas/scorm2004',
};

/** The schema files (XSDs and the DTDs they name) that must sit at the package root, as paths relative to it. */
export function schemaFiles(standard: ScormStandard): string[] {
  return [...STANDARDS[standard].files];
}

/** xs:ID (an NCName), kept to ASCII: a letter or `_` first, then letters, digits, `.`, `-`, `_`. */
const XS_ID = /^[A-Za-z_][A-Za-z0-9._-]*$/;
/** Characters XML 1.0 cannot hold at all, escaped or not (controls, lone surrogates, U+FFFE, U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(what: string, text: string): string {
  if (NOT_XML.test(text)) throw new Error(`The manifest's ${what} contains a character XML cannot hold.`);
  return text;
}

/** Escapes element text. */
function text(what: string, value: string): string {
  return checkText(what, value).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes a double-quoted attribute value, keeping tabs and line breaks from being normalised to spaces. */
function attr(what: string, value: string): string {
  return checkText(what, value).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

/** Checks a package-relative file path and turns it into a URI reference (each segment percent-encoded). */
function href(path: string): string {
  const segments = path.split('/');
  if (path === '' || path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`"${path}" is not a file path relative to the package root (use forward slashes, no "..").`);
  }
  return segments.map((s) => encodeURIComponent(checkText('file paths', s))).join('/');
}

/** A percentage to two decimals, without float noise. */
function percentText(percent: number): string {
  return String(Math.round(percent * 100) / 100);
}

/** The percentage as imsss:minNormalizedMeasure (80 → 0.8), without float noise. */
function measureText(percent: number): string {
  return String(Math.round(percent * 100) / 10000);
}

/**
 * The manifest as text (UTF-8, ending in a newline). Throws on an identifier that is not an xs:ID, a file path
 * outside the package, a mastery score outside 0–100, or text with characters XML cannot hold.
 */
export function scormManifest(options: ManifestOptions): string {
  const { standard, identifier, title, description, version, masteryScore, launch } = options;
  const spec = STANDARDS[standard];
  if (!spec) throw new Error(`Unknown SCORM standard "${String(standard)}": use "1.2" or "2004".`);
  if (!XS_ID.test(identifier)) {
    throw new Error(`The manifest identifier "${identifier}" is not an xs:ID: start with a letter or "_", then use only letters, digits, ".", "-", "_".`);
  }
  if (masteryScore !== undefined && !(Number.isFinite(masteryScore) && masteryScore >= 0 && masteryScore <= 100)) {
    throw new Error(`The mastery score must be a percentage from 0 to 100, not ${masteryScore}.`);
  }

  const launchHref = href(launch);
  const excluded = new Set(['imsmanifest.xml', ...spec.files]);
  const others = [...new Set(options.files)].filter((f) => f !== launch && !excluded.has(f)).sort();
  const fileHrefs = [launchHref, ...others.map(href)];

  const org = `${identifier}-org`;
  const item = `${identifier}-item`;
  const resource = `${identifier}-resource`;
  const titleXml = text('title', title);

  const xmlns = Object.entries(spec.namespaces)
    .map(([prefix, uri]) => `${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${attr('namespace', uri)}"`)
    .join(' ');
  const schemaLocation = spec.locations.map(([uri, file]) => `${uri} ${file}`).join(' ');

  const metadata = [`    <schema>ADL SCORM</schema>`, `    <schemaversion>${spec.schemaversion}</schemaversion>`];
  if (standard === '1.2' && description !== undefined) {
    const langstring = (value: string) => `<imsmd:langstring>${value}</imsmd:langstring>`;
    metadata.push(
      `    <imsmd:lom>`,
      `      <imsmd:general>`,
      `        <imsmd:title>${langstring(titleXml)}</imsmd:title>`,
      `        <imsmd:description>${langstring(text('description', description))}</imsmd:description>`,
      `      </imsmd:general>`,
      `    </imsmd:lom>`,
    );
  }

  const mastery: string[] = [];
  if (masteryScore !== undefined && standard === '1.2') {
    mastery.push(`        <adlcp:masteryscore>${percentText(masteryScore)}</adlcp:masteryscore>`);
  } else if (masteryScore !== undefined) {
    mastery.push(
      `        <imsss:sequencing>`,
      `          <imsss:objectives>`,
      `            <imsss:primaryObjective satisfiedByMeasure="true">`,
      `              <imsss:minNormalizedMeasure>${measureText(masteryScore)}</imsss:minNormalizedMeasure>`,
      `            </imsss:primaryObjective>`,
      `          </imsss:objectives>`,
      `        </imsss:sequencing>`,
    );
  }

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<manifest identifier="${identifier}" version="${attr('version', version)}" ${xmlns} xsi:schemaLocation="${schemaLocation}">`,
    `  <metadata>`,
    ...metadata,
    `  </metadata>`,
    `  <organizations default="${org}">`,
    `    <organization identifier="${org}">`,
    `      <title>${titleXml}</title>`,
    `      <item identifier="${item}" identifierref="${resource}">`,
    `        <title>${titleXml}</title>`,
    ...mastery,
    `      </item>`,
    `    </organization>`,
    `  </organizations>`,
    `  <resources>`,
    `    <resource identifier="${resource}" type="webcontent" ${spec.scormType}="sco" href="${attr('launch', launchHref)}">`,
    ...fileHrefs.map((f) => `      <file href="${attr('file paths', f)}"/>`),
    `    </resource>`,
    `  </resources>`,
    `</manifest>`,
    '',
  ].join('\n');
}
