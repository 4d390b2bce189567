import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { openDb } from '../store/db.js';
import { buildServer } from './app.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';

function multipart(name: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----juesuanReportBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('API review report: one document and several as XLSX and HTML; unknown ids and bad lists refused', async () => {
  const o = await openDb(':memory:');
  const app = await buildServer({ db: o.db, mode: 'single', webDir: '/nonexistent' });
  try {
    const a = (await app.inject({ method: 'POST', url: '/api/documents', ...multipart('bad.txt', sampleDisclosureText({ year: 2023, wrongShare: true })) })).json() as { id: number };
    const b = (await app.inject({ method: 'POST', url: '/api/documents', ...multipart('good.txt', sampleDisclosureText({ year: 2024 })) })).json() as { id: number };
    const x = await app.inject(`/api/documents/${a.id}/report.xlsx`);
    assert.equal(x.statusCode, 200, x.body);
    assert.match(x.headers['content-type'] as string, /spreadsheetml/);
    assert.match(x.headers['content-disposition'] as string, /^attachment; filename\*=UTF-8''/);
    assert.match(decodeURIComponent(x.headers['content-disposition'] as string), /审核意见-示例县民政局2023年度\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.name, '审核意见');
    assert.match(String(wb.worksheets[0]!.getCell('A1').value), /示例县民政局2023年度部门决算公开审核意见/);
    const h = await app.inject(`/api/documents/${a.id}/report.html`);
    assert.equal(h.statusCode, 200);
    assert.match(h.headers['content-type'] as string, /text\/html/);
    assert.match(h.body, /75\.00/);
    const many = await app.inject(`/api/documents/report.html?ids=${a.id},${b.id}`);
    assert.equal(many.statusCode, 200, many.body);
    assert.match(many.body, /2份公开文件审核意见汇总/);
    assert.match(many.body, /good\.txt/);
    const manyX = await app.inject(`/api/documents/report.xlsx?ids=${a.id},${b.id}`);
    assert.equal(manyX.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.equal((await app.inject('/api/documents/999/report.xlsx')).statusCode, 404);
    assert.equal((await app.inject(`/api/documents/report.xlsx?ids=${a.id},999`)).statusCode, 404);
    assert.equal((await app.inject('/api/documents/report.html?ids=1,x')).statusCode, 400);
    assert.equal((await app.inject('/api/documents/report.html')).statusCode, 400);
  } finally {
    await app.close();
    await o.close();
  }
});

test('API review report in multi-user mode needs a session', async () => {
  const o = await openDb(':memory:');
  const app = await buildServer({ db: o.db, mode: 'multi', webDir: '/nonexistent' });
  try {
    assert.equal((await app.inject('/api/documents/1/report.xlsx')).statusCode, 401);
    assert.equal((await app.inject('/api/documents/report.html?ids=1')).statusCode, 401);
  } finally {
    await app.close();
    await o.close();
  }
});
