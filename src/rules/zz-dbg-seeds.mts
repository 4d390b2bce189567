import { readDisclosureFile } from '../ingest/index.js';
import { checkDisclosure } from '../check/engine.js';
import { readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
for (const f of readdirSync(dir).sort()) {
  const d = await readDisclosureFile(dir + f);
  const r = checkDisclosure(d, { only: ['catalog', 'completeness', 'plausibility'] });
  console.log('=====', f, d.meta.kind, 'tables', d.tables.map((t) => `${t.key}:${t.status}`).join(' '), 'toc', d.toc.length, 'ord', d.ordinals.map(o=>o.text).join(','));
  for (const x of r.findings) console.log(' ', x.severity, x.rule, x.location.line, '|', x.message.slice(0, 140), '| ev:', x.evidence);
  for (const o of r.rules) if (o.status === 'skipped' || o.status === 'crashed') console.log('  ', o.status, o.rule, o.reason);
}
