/** The performance rules never crash, whatever the recognizer makes of odd table text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDisclosure } from '../../check/engine.js';
import { recognizePerformance } from '../../ingest/recognize/performance.js';
import { rawFromText } from '../../ingest/recognize/performance-raw.js';
import { HUNAN, SHANDONG, TRANSFER_AND_SUMMARY, XINJIANG, YUNNAN } from '../../ingest/recognize/performance-fixtures.test-data.js';
import type { Disclosure } from '../../model/index.js';
import { RULES } from '../index.js';

const rules = RULES.filter((r) => r.meta.family === 'performance');
const pool = [YUNNAN, SHANDONG, XINJIANG, HUNAN, TRANSFER_AND_SUMMARY].flatMap((s) => s.split('\n'));
const numbers = ['0', '0.00', '10', '100', '-5', '1e3', '0.0001', '≤0', '>=0%', '=0 元', '100.5%', '—', '分'];

function mutate(line: string, n: string): string {
  const cells = line.split('\t');
  if (cells.length > 2) cells[cells.length - 2] = n;
  return cells.join('\t');
}

test('performance rules: no rule crashes on mutated tables', () => {
  const line = fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...numbers), fc.boolean()).map(([l, n, m]) => (m ? mutate(l, n) : l));
  fc.assert(fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
    const raw = rawFromText(['项目支出绩效自评表', ...lines].join('\n'));
    const { evaluations } = recognizePerformance(raw, new Set());
    const d: Disclosure = {
      meta: { kind: 'final-accounts', year: 2022 }, source: { format: 'text' }, toc: [], tables: [], sections: [], performance: evaluations,
      lines: raw.lines.map((l) => ({ line: l.line, text: l.text })), ordinals: [], notFound: [], warnings: [],
    };
    const crashed = checkDisclosure(d, { rules }).rules.filter((r) => r.status === 'crashed');
    assert.deepEqual(crashed, []);
  }), { numRuns: 200 });
});
