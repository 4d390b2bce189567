import { readFileSync } from 'node:fs';
import { validateComposeInput, formatProblems } from './src/compose/index.js';
for (const f of process.argv.slice(2)) { console.log(f); console.log(formatProblems(validateComposeInput(JSON.parse(readFileSync(f, 'utf8'))).problems)); }
