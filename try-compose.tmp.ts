import { readFileSync } from 'node:fs';
import { composeDocument, validateComposeInput, formatProblems, renderText } from './src/compose/index.js';
const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const v = validateComposeInput(input);
console.log(formatProblems(v.problems));
const { document } = composeDocument(input);
console.log(renderText(document));
