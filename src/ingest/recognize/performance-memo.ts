/**
 * Memoized text tests: the performance and table recognizers ask the same questions of the same cell
 * texts many times per document (each title, each candidate start, each row mode). Only for pure
 * functions of one string returning an immutable value (string, number, boolean, null, undefined).
 * Long texts (paragraphs) are not kept: they are rarely asked about twice and would bloat the cache.
 */
const CACHE_MAX = 10_000;
const TEXT_MAX = 1000;

/** Stands for a cached `undefined`, so that one Map lookup answers. */
const NONE = Symbol('none');

const caches: Map<string, unknown>[] = [];

/** Empties every memo (benchmarks timing a first read of a document; tests). */
export function clearTextMemos(): void {
  for (const c of caches) c.clear();
}

export function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T | typeof NONE>();
  caches.push(cache);
  return (text: string): T => {
    if (text.length > TEXT_MAX) return fn(text);
    const hit = cache.get(text);
    if (hit !== undefined) return hit === NONE ? (undefined as T) : hit;
    const out = fn(text);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, out === undefined ? NONE : out);
    return out;
  };
}
