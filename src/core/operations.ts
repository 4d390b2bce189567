/**
 * The operations every front end offers, in one typed map: the CLI maps them to commands, the server
 * to REST routes. Each takes plain data and returns plain data (JSON-serialisable).
 */
import type { Disclosure } from '../model/index.js';
import { readDisclosure, readDisclosureFile, readDisclosureFiles } from '../ingest/index.js';
import { factsOf, type Facts } from '../facts/facts.js';
import { checkDisclosure } from '../check/engine.js';
import type { CheckReport } from '../check/types.js';
import { mark } from '../ingest/timing.js';

export interface ReadInput {
  path?: string;
  /** the files of one publication, read as one disclosure (narrative + tables-only PDF: `--as-one`) */
  paths?: string[];
  bytes?: Uint8Array;
  name?: string;
  /** a model read before (re-checking a stored document) */
  model?: Disclosure;
}

async function load(input: ReadInput): Promise<Disclosure> {
  mark('initialised');
  if (input.model) return input.model;
  if (input.bytes) return readDisclosure(input.bytes, input.name);
  if (input.paths?.length) return readDisclosureFiles(input.paths);
  if (input.path) return readDisclosureFile(input.path);
  throw new Error('operation needs a path or bytes');
}

export const operations = {
  async parse(input: ReadInput): Promise<Disclosure> {
    return load(input);
  },
  async facts(input: ReadInput): Promise<Facts> {
    return factsOf(await load(input));
  },
  async check(input: ReadInput, opts: { only?: string[]; disable?: string[] } = {}): Promise<CheckReport> {
    const report = checkDisclosure(await load(input), opts);
    mark('checked');
    return report;
  },
  /** All three from one read, for the store and the server. */
  async analyse(input: ReadInput): Promise<{ disclosure: Disclosure; facts: Facts; report: CheckReport }> {
    const disclosure = await load(input);
    return { disclosure, facts: factsOf(disclosure), report: checkDisclosure(disclosure) };
  },
};

export type Operations = typeof operations;
