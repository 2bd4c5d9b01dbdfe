/**
 * Where persisted stores keep their data. The engine is chosen once, before any store is created:
 * today the browser's localStorage (standalone) or memory; the LMS issue adds a backend filled from
 * SCORM suspend_data. Every access is guarded: a storage that is full, forbidden or disabled never
 * breaks the page; the store keeps working in memory and `$storageState` says that nothing is saved.
 */
import { atom } from 'nanostores';
import type { PersistentEvents, PersistentStore } from '@nanostores/persistent';
import type { Problem } from '../lib/progress/types';

/** A place to keep strings by key. `write` and `remove` throw when the place refuses. */
export interface Backend {
  /** Shown to the learner on the progress page. */
  readonly description: string;
  read(key: string): string | undefined;
  write(key: string, value: string): void;
  remove(key: string): void;
  /** How other copies (tabs) announce their changes; a no-op where there are none. */
  readonly events: PersistentEvents;
}

export type StorageState =
  | { state: 'saving'; backend: string }
  | { state: 'not-saving'; backend: string; reason: string; notice?: string };

export const $storageState = atom<StorageState>({ state: 'saving', backend: 'this browser' });

const noEvents: PersistentEvents = { addEventListener() {}, removeEventListener() {} };

/**
 * Other tabs' writes (`storage` events) and a page restored from the back-forward cache, as
 * @nanostores/persistent listens to them: kept here so that pages without persistent stores
 * (all but the workshop's) do not load that library.
 */
const windowEvents: PersistentEvents = {
  addEventListener(_key, listener, restore) {
    addEventListener('storage', listener as unknown as EventListener);
    addEventListener('pageshow', restore);
  },
  removeEventListener(_key, listener, restore) {
    removeEventListener('storage', listener as unknown as EventListener);
    removeEventListener('pageshow', restore);
  },
};

const FORBIDDEN = 'this browser does not allow the course to store data';

function describeFailure(error: unknown): string {
  // Not `instanceof`: an error thrown in another frame (the package's launch page) has its own Error.
  const name = (error as { name?: string } | null)?.name;
  if (name === 'LmsRefused' || name === 'LmsReview') return (error as Error).message;
  if (name === 'QuotaExceededError') return 'this browser’s storage for the course is full';
  if (name === 'SecurityError') return FORBIDDEN;
  return 'this browser refused to store data';
}

/** localStorage, or undefined when it cannot even be reached (privacy modes, sandboxed frames). */
export function localStorageBackend(): Backend | undefined {
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem('probe');
  } catch {
    return undefined;
  }
  return {
    description: 'this browser’s local storage, on this device only',
    read: (key) => storage.getItem(key) ?? undefined,
    write: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
    events: windowEvents,
  };
}

export function memoryBackend(description = 'memory only, lost when the page closes'): Backend {
  const data = new Map<string, string>();
  return {
    description,
    read: (key) => data.get(key),
    write: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
    events: noEvents,
  };
}

/**
 * Wraps a backend as the object @nanostores/persistent reads and writes. A value that could not
 * be written stays in an in-memory overlay, so the page keeps seeing what the learner did.
 */
export function guardedStore(
  backend: Backend,
  onResult: (error: unknown | undefined) => void,
  overlay = new Map<string, string>(),
): PersistentStore {
  const read = (key: string): string | undefined => {
    if (overlay.has(key)) return overlay.get(key);
    try {
      return backend.read(key);
    } catch {
      return undefined;
    }
  };
  const target: PersistentStore = {};
  return new Proxy(target, {
    get: (_t, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_t, key) => typeof key === 'string' && read(key) !== undefined,
    set: (_t, key, value) => {
      if (typeof key !== 'string') return true;
      try {
        backend.write(key, String(value));
        overlay.delete(key);
        onResult(undefined);
      } catch (error) {
        overlay.set(key, String(value));
        onResult(error);
      }
      return true;
    },
    deleteProperty: (_t, key) => {
      if (typeof key !== 'string') return true;
      overlay.delete(key);
      try {
        backend.remove(key);
      } catch {
        // Some privacy modes refuse removals only: writes still work, so saving is not off.
      }
      return true;
    },
  });
}

/** What a SCORM package's launch page (src/lms/shell.ts) offers the course pages it frames. */
export interface PackageConnection {
  backend: Backend;
  standard: '1.2' | '2004';
  /** Problems found in the progress the LMS returned, for the page to show. */
  problems: Problem[];
  /** A sentence on what the LMS cannot keep, if anything. */
  browserOnly: () => string | undefined;
  /** The LMS tracks this visit (a session, not in review or browse mode): attempts taken now are reported. */
  tracking: boolean;
  /**
   * Where what the learner does is kept: the LMS (a session in normal mode), this browser (the LMS
   * could not start a session), or nowhere (review or browse mode). Absent: this browser.
   */
  keeps?: 'lms' | 'browser' | 'nothing';
}

function connection(): PackageConnection | undefined {
  try {
    return (window.parent as Window & { leadingTogetherLms?: PackageConnection }).leadingTogetherLms;
  } catch {
    return undefined;
  }
}

/**
 * In a SCORM package the launch page holds the LMS session and offers its backend; absent (no
 * LMS, or a page opened on its own), localStorage.
 */
export function packageBackend(): Backend | undefined {
  return connection()?.backend ?? localStorageBackend();
}

/** In a SCORM package: a sentence on what the LMS cannot keep (it stays in this browser), if anything. */
export function packageNote(): string | undefined {
  return connection()?.browserOnly();
}

/** In a SCORM package: whether the LMS tracks this visit. */
export function packageTracking(): boolean {
  return connection()?.tracking === true;
}

/**
 * In a SCORM package: where the learner's progress goes, or (`notes`) their notes and 90-day plan,
 * which SCORM 1.2 cannot keep.
 */
export function packageKeeps(part: 'progress' | 'notes' = 'progress'): 'lms' | 'browser' | 'nothing' {
  const c = connection();
  const keeps = c?.keeps ?? 'browser';
  return keeps === 'lms' && part === 'notes' && c?.standard === '1.2' ? 'browser' : keeps;
}

/** In a SCORM package: problems found in the progress the LMS returned. */
export function packageProblems(): Problem[] {
  return connection()?.problems ?? [];
}

let installed: { backend: Backend; store: PersistentStore; read: (key: string) => string | undefined } | undefined;
/** Set when saved data could not be read: nothing is written over it, whatever else succeeds. */
let held: string | undefined;

/** Saved data could not be read: from now on the page says why nothing is saved. */
export function holdWrites(reason: string): void {
  held = reason;
  $storageState.set({ state: 'not-saving', backend: $storageState.get().backend, reason });
}

/**
 * Chooses the engine (the workshop's persistent stores install its `store` and the backend's
 * `events` with `setPersistentEngine`); later calls return the first choice. `probeKey` is written and
 * removed once so that a storage refusing writes is known before the learner does anything.
 */
export function installEngine(
  probeKey: string,
  choose: () => Backend | undefined = import.meta.env.PUBLIC_LT_PACKAGE === '1' ? packageBackend : localStorageBackend,
) {
  if (installed) return installed;
  const chosen = typeof window === 'undefined' ? undefined : choose();
  const backend = chosen ?? memoryBackend();
  const report = (error: unknown | undefined) => {
    if (held) return;
    const next: StorageState = error === undefined
      ? { state: 'saving', backend: backend.description }
      : { state: 'not-saving', backend: backend.description, reason: describeFailure(error), notice: (error as Error).name };
    const current = $storageState.get();
    if (JSON.stringify(current) !== JSON.stringify(next)) $storageState.set(next);
  };
  if (!chosen) {
    $storageState.set({
      state: 'not-saving',
      backend: backend.description,
      reason: typeof window === 'undefined' ? 'there is no browser storage here' : FORBIDDEN,
    });
  } else {
    try {
      backend.write(probeKey, '1');
      report(undefined);
    } catch (error) {
      report(error);
    }
    try {
      backend.remove(probeKey);
    } catch {
      // Removals refused (some privacy modes) do not stop saving.
    }
  }
  const overlay = new Map<string, string>();
  const store = guardedStore(backend, (error) => {
    if (chosen) report(error);
  }, overlay);
  /** What is stored under `key` (or this page's copy, when the storage refused it); throws when it cannot be read. */
  const read = (key: string) => (overlay.has(key) ? overlay.get(key) : backend.read(key));
  installed = { backend, store, read };
  return installed;
}
