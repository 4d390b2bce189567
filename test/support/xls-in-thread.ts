/** A worker thread that reads a .xls and answers the parser process's pid, then waits (xls-parser-process.test.ts). */
import { parentPort } from 'node:worker_threads';
import { readXlsx } from '../../src/ingest/xlsx/read-xlsx.js';
import { xlsParserPid } from '../../src/ingest/xlsx/xls-parser-process.js';
import { sampleXlsx } from '../fixtures-formats/write-office.js';
import { toXls } from '../fuzz/seeds.js';

await readXlsx(toXls(await sampleXlsx()), 'a.xls');
parentPort!.postMessage(xlsParserPid());
setInterval(() => undefined, 1000);
