/**
 * Per-document lookups shared by all rules of one `checkDisclosure` run: tables by key, and a memo for
 * values derived from the document (its sentences, the figures of a sentence) so that rules needing the
 * same thing do not each compute it again. The engine opens the index for the run and drops it at the
 * end; outside a run (a rule called directly, as in unit tests) `documentIndex` gives a fresh one, so
 * a document changed between two calls is never read through a stale index.
 */
import type { Disclosure, Table, TableKey } from '../model/index.js';

export class DocumentIndex {
  private byKey?: Map<TableKey, Table[]>;
  private readonly values = new Map<string, unknown>();
  private readonly perNode = new Map<string, WeakMap<object, unknown>>();

  constructor(readonly disclosure: Disclosure) {}

  /** Every table recognised as `key`, in document order. */
  tablesOf(key: TableKey): readonly Table[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const t of this.disclosure.tables) {
        if (!t.key) continue;
        const list = this.byKey.get(t.key);
        if (list) list.push(t);
        else this.byKey.set(t.key, [t]);
      }
    }
    return this.byKey.get(key) ?? [];
  }

  /** A value derived from the whole document, computed once per run. Callers must not mutate it. */
  memo<T>(name: string, make: () => T): T {
    if (this.values.has(name)) return this.values.get(name) as T;
    const value = make();
    this.values.set(name, value);
    return value;
  }

  /** A value derived from one node of the document (a sentence, a table), computed once per run. */
  memoFor<K extends object, T>(name: string, node: K, make: (node: K) => T): T {
    let cache = this.perNode.get(name);
    if (!cache) this.perNode.set(name, (cache = new WeakMap()));
    if (cache.has(node)) return cache.get(node) as T;
    const value = make(node);
    cache.set(node, value);
    return value;
  }
}

const running = new WeakMap<Disclosure, DocumentIndex>();
/** The index of the run in progress (checks are synchronous, so one at a time; nested runs restore it). */
let current: DocumentIndex | undefined;

/**
 * A value derived from one node (a table, a row), shared by the rules of the run in progress; outside
 * a run it is simply computed. For helpers that get a node but not the document.
 */
export function memoInRun<K extends object, T>(name: string, node: K, make: (node: K) => T): T {
  return current ? current.memoFor(name, node, make) : make(node);
}

/** The kind of the document whose run is in progress (figures read differently in a budget), if any. */
export function runningKind(): Disclosure['meta']['kind'] | undefined {
  return current?.disclosure.meta.kind;
}

/** The index of the current run over `d`, or a fresh one outside a run. */
export function documentIndex(d: Disclosure): DocumentIndex {
  return running.get(d) ?? new DocumentIndex(d);
}

/** Runs `fn` with one index shared by everything that asks for `d`'s index meanwhile. */
export function withDocumentIndex<T>(d: Disclosure, fn: (index: DocumentIndex) => T): T {
  const outer = running.get(d);
  const index = outer ?? new DocumentIndex(d);
  const previous = current;
  if (!outer) running.set(d, index);
  current = index;
  try {
    return fn(index);
  } finally {
    if (!outer) running.delete(d);
    current = previous;
  }
}
