import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './plausibility-rate-over-100.js';
import { disclosure, lineText, run } from './utils/catalog-fixtures.js';
import { evaluation, section } from './utils/fixtures.js';

test('plausibility-rate-over-100: must not trigger on indicator values (performance-rate-over-100 judges them)', () => {
  const d = disclosure({
    performance: [evaluation({
      project: '全民参保补助资金',
      indicators: [['效益指标', '社会效益指标', '基本医疗保险参保率', '>=', '95%', '%', '101.27%', '10', '10']],
    })],
  });
  assert.deepEqual(run(rule, d).findings, []);
});

test('plausibility-rate-over-100: must trigger on a satisfaction rate above 100 % in the text', () => {
  const d = disclosure({ sections: [section('绩效自评情况', ['服务对象满意度达到102.5%。'])] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'rate-over-100');
  assert.equal(findings[0]!.evidence, '102.5%');
});

test('plausibility-rate-over-100: must not trigger on completion above 100 % or bounded rates within 100 %', () => {
  const d = disclosure({
    sections: [section('支出决算情况说明', ['住房保障支出决算为24.25万元，完成年初预算的130.59%。参保率为98.50%。'])],
    performance: [evaluation({
      project: '医疗救助',
      indicators: [
        ['产出指标', '数量指标', '救助人次完成率', '>=', '100%', '%', '120%', '20', '20'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '>=', '90%', '%', '95%', '10', '10'],
      ],
    })],
  });
  assert.deepEqual(run(rule, d).findings, []);
});
