/**
 * Guard for process-wide side effects of dependencies: pdf.js's legacy build carries core-js, which
 * replaces built-ins for the whole process (Array.prototype.push, JSON.parse/stringify,
 * Function.prototype.toString…) — slower for all our code. `withBuiltinsKept` snapshots the
 * properties of the built-in constructors and prototypes, runs the loader, and puts back every
 * property that was replaced. Properties a dependency only adds (Promise.withResolvers, which
 * pdf.js needs on Node 20) stay.
 */

function builtins(): object[] {
  const g = globalThis as Record<string, unknown>;
  const names = ['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'RegExp', 'Date', 'Error', 'TypeError', 'RangeError', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'Iterator'];
  const out: object[] = [];
  for (const n of names) {
    const C = g[n] as { prototype?: object } | undefined;
    if (!C) continue;
    out.push(C);
    if (C.prototype) out.push(C.prototype);
  }
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  out.push(typedArray, typedArray.prototype, Math, JSON, Reflect);
  return out;
}

type Snapshot = [object, PropertyKey, PropertyDescriptor][];

export function snapshotBuiltins(): Snapshot {
  const snap: Snapshot = [];
  for (const o of builtins()) for (const k of Reflect.ownKeys(o)) snap.push([o, k, Object.getOwnPropertyDescriptor(o, k)!]);
  return snap;
}

function same(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return !!b && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

/** Properties of the snapshot that differ now (replaced or removed): "Array.prototype.push"… */
export function changedBuiltins(snap: Snapshot): string[] {
  return snap.filter(([o, k, d]) => !same(d, Object.getOwnPropertyDescriptor(o, k))).map(([o, k]) => `${describe(o)}.${String(k)}`);
}

function describe(o: object): string {
  if (o === Math) return 'Math';
  if (o === JSON) return 'JSON';
  if (o === Reflect) return 'Reflect';
  if (typeof o === 'function') return (o as { name: string }).name || 'TypedArray';
  const ctor = (o as { constructor?: { name?: string } }).constructor;
  return `${ctor?.name ?? '?'}.prototype`;
}

export function restoreBuiltins(snap: Snapshot): void {
  for (const [o, k, d] of snap) {
    if (same(d, Object.getOwnPropertyDescriptor(o, k))) continue;
    try {
      Object.defineProperty(o, k, d);
    } catch {
      /* non-configurable: left as it is (the test reports it) */
    }
  }
}

export async function withBuiltinsKept<T>(load: () => Promise<T>): Promise<T> {
  const snap = snapshotBuiltins();
  try {
    return await load();
  } finally {
    restoreBuiltins(snap);
  }
}
