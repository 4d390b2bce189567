/**
 * Names of function-classification codes: the input's own names first (what the officer typed is
 * what is printed), then the project catalogue (src/catalog/function-codes.ts) when it is present,
 * then the standard 类 list. `known` says whether the catalogue (or the standard list) knows the code.
 */
import { functionClassName } from './standard-lists.js';

type CatalogLookup = (code: string, year?: number) => unknown;

/** The catalogue is another module of the project; it is loaded when present (see the report). */
const CATALOG_MODULE = '../catalog/function-codes.js';
let catalogLookup: CatalogLookup | null = null;
try {
  const mod = (await import(CATALOG_MODULE)) as { lookupFunctionCode?: CatalogLookup };
  if (typeof mod.lookupFunctionCode === 'function') catalogLookup = mod.lookupFunctionCode;
} catch (err) {
  // Absent catalogue: names come from the input and the standard 类 list only.
  if (!(err instanceof Error) || !/Cannot find|ERR_MODULE_NOT_FOUND|Failed to load/.test(`${(err as { code?: string }).code ?? ''} ${err.message}`)) throw err;
}

export function catalogAvailable(): boolean {
  return catalogLookup !== null;
}

function fromCatalog(code: string, year: number): string | undefined {
  if (!catalogLookup) return undefined;
  const r = catalogLookup(code, year);
  if (typeof r === 'string') return r;
  if (r && typeof r === 'object' && typeof (r as { name?: unknown }).name === 'string') return (r as { name: string }).name;
  return undefined;
}

export interface CodeName {
  name: string | undefined;
  /** The catalogue (or the standard 类 list) knows the code. */
  known: boolean;
}

export function functionCodeName(code: string, year: number, typed: Readonly<Record<string, string>>, rowName?: string): CodeName {
  const cat = fromCatalog(code, year) ?? (code.length === 3 ? functionClassName(code) : undefined);
  return { name: rowName ?? typed[code] ?? cat, known: cat !== undefined };
}
