/** Which `check` this is: one file (the contract's text / juesuan.findings/1 output) or a batch. */
import { statSync } from 'node:fs';
import { InputError } from '../ingest/raw.js';
import type { BatchFormat, BatchOptions } from './check-batch.js';

interface CheckFlags {
  json?: boolean;
  only?: string[];
  disable?: string[];
  color: boolean;
  jobs?: string;
  format?: string;
  out?: string;
}

export async function batchWanted(files: string[], o: CheckFlags): Promise<boolean> {
  if (files.length !== 1 || o.format || o.jobs) return true;
  try {
    return statSync(files[0]!).isDirectory();
  } catch {
    return false; // the single-file path says "no such file" with exit 2
  }
}

export function batchOptions(o: CheckFlags): BatchOptions {
  const format = (o.format ?? (o.json ? 'json' : 'text')) as BatchFormat;
  if (!['text', 'json', 'ndjson', 'xlsx', 'html', 'pdf'].includes(format)) throw new InputError(`unknown --format ${o.format}`, 'one of text, json, ndjson, xlsx, html, pdf');
  let jobs: number | undefined;
  if (o.jobs !== undefined) {
    jobs = Number(o.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new InputError(`--jobs ${o.jobs}: give a whole number from 1 to 256`);
  }
  return { format, color: o.color, ...(jobs && { jobs }), ...(o.out && { out: o.out }), ...(o.only && { only: o.only }), ...(o.disable && { disable: o.disable }) };
}
