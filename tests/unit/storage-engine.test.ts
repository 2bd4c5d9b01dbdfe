import { describe, expect, it } from 'vitest';
import { guardedStore, memoryBackend, type Backend } from '../../src/stores/engine';

function failingBackend(fail: { read?: boolean; write?: string }): Backend & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    description: 'test storage',
    read: (key) => {
      if (fail.read) throw new DOMException('denied', 'SecurityError');
      return data.get(key);
    },
    write: (key, value) => {
      if (fail.write) throw new DOMException('no', fail.write);
      data.set(key, value);
    },
    remove: (key) => void data.delete(key),
    events: { addEventListener() {}, removeEventListener() {} },
  };
}

describe('guardedStore', () => {
  it('reads and writes through to the backend and reports success', () => {
    const backend = failingBackend({});
    const results: unknown[] = [];
    const store = guardedStore(backend, (e) => results.push(e));
    store['k'] = 'v';
    expect(backend.data.get('k')).toBe('v');
    expect(store['k']).toBe('v');
    expect('k' in store).toBe(true);
    delete store['k'];
    expect('k' in store).toBe(false);
    expect(results).toEqual([undefined]);
  });

  it('keeps a refused write in memory and reports the error instead of throwing', () => {
    const backend = failingBackend({ write: 'QuotaExceededError' });
    const errors: unknown[] = [];
    const store = guardedStore(backend, (e) => errors.push(e));
    expect(() => {
      store['k'] = 'v';
    }).not.toThrow();
    expect(store['k']).toBe('v');
    expect(backend.data.has('k')).toBe(false);
    expect((errors[0] as DOMException).name).toBe('QuotaExceededError');
  });

  it('treats a storage that cannot be read as empty', () => {
    const store = guardedStore(failingBackend({ read: true }), () => {});
    expect(store['anything']).toBeUndefined();
    expect('anything' in store).toBe(false);
  });

  it('a memory backend keeps values for the page only', () => {
    const backend = memoryBackend();
    backend.write('a', '1');
    expect(backend.read('a')).toBe('1');
    backend.remove('a');
    expect(backend.read('a')).toBeUndefined();
  });
});

describe('guardedStore: refused removals', () => {
  it('a removal the storage refuses does not count as saving off', () => {
    const backend = failingBackend({});
    backend.remove = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const results: unknown[] = [];
    const store = guardedStore(backend, (e) => results.push(e));
    store['k'] = 'v';
    expect(() => delete store['k']).not.toThrow();
    expect(results).toEqual([undefined]);
  });
});
