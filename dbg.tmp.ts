import fc from 'fast-check';
import { composeInputArb } from './src/compose/testing/arbitrary.js';
import { composeDocument, renderText } from './src/compose/index.js';
import { readDisclosure } from './src/ingest/index.js';
import { factsOf } from './src/facts/facts.js';
const canon = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const samples = fc.sample(composeInputArb, { numRuns: 150 });
let shown = 0;
for (const input of samples) {
  const { disclosure, document } = composeDocument(input);
  const back = await readDisclosure(new TextEncoder().encode(renderText(document)), 'x.txt');
  const a = factsOf(disclosure) as any, b = factsOf(back) as any;
  if (canon(a) !== canon(b)) {
    for (const k of Object.keys({ ...a, ...b })) if (canon(a[k]) !== canon(b[k])) { console.log(k, canon(a[k]).slice(0, 600)); console.log('   ', canon(b[k]).slice(0, 600)); }
    if (++shown > 2) break;
  }
}
console.log('done');
