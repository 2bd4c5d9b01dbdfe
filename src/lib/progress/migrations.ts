/**
 * Migrations from older progress versions, keyed by the version they upgrade FROM.
 * `migrations[n]` takes data of version n and returns data of version n + 1.
 */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
export type MigrationTable = Readonly<Record<number, Migration>>;

export const migrations: MigrationTable = {
  /**
   * 1 → 2: the course shell's shape (lessons, location) gains answers, notes, diagnostics and
   * assessments. Nothing is renamed; the new parts start empty.
   */
  1: (data) => ({ ...data, checks: {}, notes: {} }),
};

export type MigrationResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; reason: 'future-version' | 'unknown-version'; version: number };

/** Runs the chain of migrations from `data.version` up to `target`. Never throws. */
export function migrate(
  data: Record<string, unknown>,
  target: number,
  table: MigrationTable = migrations,
): MigrationResult {
  let version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown-version', version: Number(version) };
  }
  if (version > target) return { ok: false, reason: 'future-version', version };
  let current = data;
  while (version < target) {
    const step = table[version];
    if (!step) return { ok: false, reason: 'unknown-version', version };
    try {
      current = { ...step(current), version: version + 1 };
    } catch {
      return { ok: false, reason: 'unknown-version', version };
    }
    version += 1;
  }
  return { ok: true, data: current };
}
