import { readDisclosureFile } from './src/ingest/index.js';
const d = await readDisclosureFile(process.argv[2]!);
const key = process.argv[3];
for (const t of d.tables.filter((t) => t.key === key)) {
  console.log(t.title, t.unit, t.columns);
  for (const r of t.rows.slice(0, Number(process.argv[4] ?? 80))) console.log(r.key, r.side ?? '', r.name, JSON.stringify(Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text]))));
}
