import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './plausibility-procurement-exceeds-spending.js';
import { disclosure, lineText, run, table } from './utils/catalog-fixtures.js';
import { section } from './utils/fixtures.js';

function narrative(procurement: string) {
  return [
    section('一、收入支出决算总体情况说明', ['2023年度本年支出合计1,016.01万元。']),
    section('二、一般公共预算财政拨款基本支出决算情况说明', ['基本支出394.41万元，其中：人员经费364.28万元，公用经费30.13万元。']),
    section('三、政府采购支出情况', [`2023年度，本部门政府采购支出总额${procurement}万元，其中：政府采购服务支出${procurement}万元。`]),
  ];
}

test('plausibility-procurement-exceeds-spending: must trigger when procurement exceeds total minus personnel (text figures)', () => {
  const d = disclosure({ sections: narrative('1,002.73') });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'exceeds-spending');
  assert.equal(f.evidence, '1,002.73');
  assert.equal(f.expected, '≤ 651.73');
  assert.match(lineText(d, f), /政府采购支出总额1,002.73/);
  assert.equal(f.related?.length, 2);
});

test('plausibility-procurement-exceeds-spending: must trigger against the table figures when printed', () => {
  const t01 = table('T01', { columns: ['amount'], rows: [{ key: 'expenditureTotal', name: '本年支出合计', side: 'expenditure', cells: ['100.00'] }] });
  const t06 = table('T06', { columns: ['amount'], rows: [{ key: 'personnelTotal', name: '人员经费合计', side: 'personnel', cells: ['80.00'] }] });
  const d = disclosure({ tables: [t01, t06], sections: [section('政府采购支出情况', ['本年度政府采购支出总额30.00万元。'])] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '≤ 20.00');
  assert.equal(findings[0]!.related?.[0]?.evidence, '100.00');
});

test('plausibility-procurement-exceeds-spending: must not trigger within the non-personnel spending; skips without a figure', () => {
  assert.deepEqual(run(rule, disclosure({ sections: narrative('600.00') })).findings, []);
  const r = run(rule, disclosure({ sections: [section('政府采购', ['本年度未发生政府采购。'])] }));
  assert.deepEqual(r.findings, []);
  assert.ok(r.skipped);
});

test('plausibility-procurement-exceeds-spending: must not take a part (货物, 中小企业) for the total', () => {
  const d = disclosure({
    sections: [
      section('一、收入支出决算总体情况说明', ['2023年度本年支出合计100.00万元。']),
      section('二、政府采购支出情况', ['授予中小企业合同金额150.00万元；政府采购货物支出120.00万元。政府采购合同金额总额20.00万元。']),
    ],
  });
  assert.deepEqual(run(rule, d).findings, []);
});
