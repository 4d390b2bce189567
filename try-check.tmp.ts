import { readFileSync } from 'node:fs';
import { composeDocument, renderText } from './src/compose/index.js';
import { readDisclosure } from './src/ingest/index.js';
import { checkDisclosure } from './src/check/engine.js';
const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const { disclosure, document } = composeDocument(input);
for (const d of [disclosure, await readDisclosure(new TextEncoder().encode(renderText(document)), 'x.txt')]) {
  const r = checkDisclosure(d);
  const f = (r as any).findings as any[]; const ff = f;
  console.log('findings', f.length);
  for (const x of ff) console.log(x.severity, x.rule, x.message, x.evidence ?? '', JSON.stringify(x.location));
}
