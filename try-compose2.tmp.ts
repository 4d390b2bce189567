import { readFileSync, writeFileSync } from 'node:fs';
import { composeToFiles, parseComposeInput, readComposeWorkbook, validateComposeInput, formatProblems } from './src/compose/index.js';
import { writeInputWorkbook } from './src/compose/workbook/index.js';
const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const t0 = Date.now();
const r = await composeToFiles(input, '/tmp/compose-out', ['html', 'docx', 'xlsx', 'txt', 'pdf']);
console.log(r.files, Date.now() - t0, 'ms');
const wbBytes = await writeInputWorkbook(parseComposeInput(input));
writeFileSync('/tmp/compose-out/input.xlsx', wbBytes);
const back = await readComposeWorkbook(wbBytes);
console.log(back.problems);
const v = validateComposeInput(back.input, { locate: back.locate });
console.log(formatProblems(v.problems));
const a = JSON.stringify(parseComposeInput(input)); const b = JSON.stringify(v.input);
console.log('same', a === b);
if (a !== b) { console.log(a.slice(0, 3000)); console.log(b.slice(0, 3000)); }
