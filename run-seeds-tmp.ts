import { readDisclosureFile } from '/work/main/src/ingest/index.js';
import { checkDisclosure } from '/work/main/src/check/engine.js';
import { formatTextReport } from '/work/main/src/check/report-text.js';
const file = process.argv[2]!;
const d = await readDisclosureFile(file);
const r = checkDisclosure(d, { only: (process.argv[3] ?? 'intratable,crosstable').split(',') });
console.log(formatTextReport(r, { showSkipped: true }));
