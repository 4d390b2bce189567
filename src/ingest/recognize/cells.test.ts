import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanCellText, compactText, isNumberText, makeCell, parseAmountText, parseCellValue } from './cells.js';

test('cell values keep blank, stated zero, dash and text apart', () => {
  assert.deepEqual(parseCellValue('', '万元'), { kind: 'blank' });
  assert.deepEqual(parseCellValue('   ', '万元'), { kind: 'blank' });
  const zero = parseCellValue('0.00', '万元');
  assert.equal(zero.kind, 'amount');
  assert.equal(zero.kind === 'amount' && zero.amount.fen, 0);
  assert.deepEqual(parseCellValue('-', '元'), { kind: 'dash', mark: '-' });
  assert.deepEqual(parseCellValue('—', '元'), { kind: 'dash', mark: '—' });
  assert.deepEqual(parseCellValue('——', '元'), { kind: 'dash', mark: '——' });
  assert.deepEqual(parseCellValue('/', '元'), { kind: 'dash', mark: '/' });
  assert.deepEqual(parseCellValue('无', '元'), { kind: 'text', text: '无' });
});

test('amounts: thousands separators, full-width digits, units, decimals as printed', () => {
  const a = parseAmountText('2,502.70', '万元')!;
  assert.equal(a.fen, 2_502_700_000); // 分
  assert.equal(a.decimals, 2);
  assert.equal(a.printed, '2,502.70');
  assert.equal(parseAmountText('６，６６３，１２５．８３', '元')!.fen, 666_312_583);
  assert.equal(parseAmountText('1，234.5', '元')!.fen, 123_450);
  assert.equal(parseAmountText('15', '元')!.decimals, 0);
  assert.equal(parseAmountText('-3.10', '元')!.fen, -310);
  assert.equal(parseAmountText('12.3.4', '元'), null);
  assert.equal(parseAmountText('2023年', '元'), null);
  assert.equal(isNumberText('1,23'), false);
});

test('counts and percentages are numbers, not money', () => {
  assert.deepEqual(parseCellValue('16', '元', 'number'), { kind: 'number', value: '16', percent: false });
  assert.deepEqual(parseCellValue('34.55%', '万元'), { kind: 'number', value: '34.55', percent: true });
  assert.deepEqual(parseCellValue('100％', '万元'), { kind: 'number', value: '100', percent: true });
  assert.deepEqual(parseCellValue('机关事业单位', '元', 'text'), { kind: 'text', text: '机关事业单位' });
});

test('markup noise is removed from cell text', () => {
  assert.equal(cleanCellText('<b>238.67</b>'), '238.67');
  assert.equal(cleanCellText('**本年收入合计**'), '本年收入合计');
  assert.equal(cleanCellText('[bookmark: OLE_LINK1]2023年'), '2023年');
  assert.equal(cleanCellText('\u3000100%\u00a0'), '100%');
  assert.equal(compactText('合 计'), '合计');
  const c = makeCell(' <b>1,877.00</b> ', '万元', { line: 7, cell: 2 });
  assert.equal(c.text, '1,877.00');
  assert.equal(c.value.kind === 'amount' && c.value.amount.fen, 1_877_000_000);
  assert.deepEqual(c.prov, { line: 7, cell: 2 });
});
