/**
 * Access to the real documents in ../shared/corpus (beside the checkout). They are not part of the
 * project: suites that use them call `corpusOrSkip(t)` and skip with a clear message when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = process.env.JUESUAN_SHARED ?? resolve(root, '..', 'shared');
export const SEEDS_DIR = join(SHARED_DIR, 'corpus', 'seeds');
export const LABELS_DIR = join(SHARED_DIR, 'corpus', 'labels');
export const SKIP_MESSAGE = `../shared/corpus not found at ${SHARED_DIR}: real-document tests skipped (set JUESUAN_SHARED to run them)`;

export function corpusAvailable(): boolean {
  return existsSync(SEEDS_DIR) && existsSync(LABELS_DIR);
}

export interface SeedLabel {
  file: string;
  entity: string;
  year: number;
  kind: string;
  unit: '元' | '万元';
  tables: Record<string, 'present' | 'empty' | 'absent'>;
  amounts: Record<string, string>;
  [k: string]: unknown;
}

export function seeds(): { name: string; path: string; label: SeedLabel }[] {
  if (!corpusAvailable()) return [];
  return readdirSync(LABELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(join(LABELS_DIR, f), 'utf8')) as SeedLabel;
      return { name: label.file, path: join(SEEDS_DIR, label.file), label };
    });
}
