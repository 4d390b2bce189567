/**
 * Names of function-classification codes: the input's own names first (what the officer typed is
 * what is printed), then the project catalogue (src/catalog/function-codes.ts), then the standard
 * 类 list. `known` says whether the catalogue (or the standard list) knows the code.
 */
import { lookupFunctionCode } from '../catalog/function-codes.js';
import { functionClassName } from './standard-lists.js';

export interface CodeName {
  name: string | undefined;
  /** The catalogue (or the standard 类 list) knows the code. */
  known: boolean;
}

export function catalogName(code: string): string | undefined {
  return lookupFunctionCode(code)?.name ?? (code.length === 3 ? functionClassName(code) : undefined);
}

export function functionCodeName(code: string, _year: number, typed: Readonly<Record<string, string>>, rowName?: string): CodeName {
  const cat = catalogName(code);
  return { name: rowName ?? typed[code] ?? cat, known: cat !== undefined };
}
