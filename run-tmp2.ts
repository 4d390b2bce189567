import { readDisclosureFile } from './src/ingest/index.js';
import { checkDisclosure } from './src/check/engine.js';
const d = await readDisclosureFile(process.argv[2]!);
const r = checkDisclosure(d, { only: ['intratable', 'crosstable'] });
for (const o of r.rules) console.log(o.rule, o.status, o.reason ?? '', o.findings);
for (const t of d.tables) console.log(t.key, t.status, t.variant, t.columns.map((c) => c.key).join(','), t.rows.length, t.rows.slice(0, 40).map((r) => r.key ?? '?').join(' '));
