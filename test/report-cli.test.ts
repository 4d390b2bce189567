/** `juesuan check FILE|DIR --format xlsx|html [-o OUT]`: the review report (审核意见); the workbook opens in LibreOffice. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { sampleDisclosureText } from './support/sample-disclosure.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'juesuan.mjs'); // the entry of earlier versions, which loads bin/juesuan.cjs: kept working
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });
const soffice = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'soffice')).find((p) => existsSync(p));

test('check FILE --format xlsx -o: the review report of one document, readable by LibreOffice', { skip: soffice ? false : 'LibreOffice (soffice) not installed: the conversion check is skipped' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-report-'));
  try {
    writeFileSync(join(dir, 'bad.txt'), sampleDisclosureText({ year: 2023, wrongShare: true }));
    const r = run(['check', join(dir, 'bad.txt'), '--format', 'xlsx', '-o', join(dir, 'report.xlsx')]);
    assert.equal(r.status, 1, r.stderr); // error-level findings, as with the text report
    const conv = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, join(dir, 'report.xlsx')], { encoding: 'utf8', timeout: 170_000 });
    assert.equal(conv.status, 0, conv.stderr);
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8');
    assert.match(csv, /示例县民政局2023年度部门决算公开审核意见/);
    assert.match(csv, /被审核单位：示例县民政局/);
    assert.match(csv, /审核结果：错误 [1-9]\d* 项/);
    assert.match(csv, /"序号","类别","位置","原文","应为","问题说明","审核规则及依据","整改情况"/);
    assert.match(csv, /75\.00/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check DIR --format html and xlsx: one report for the batch, unreadable files listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-report-'));
  try {
    writeFileSync(join(dir, 'good.txt'), sampleDisclosureText({ year: 2022 }));
    writeFileSync(join(dir, 'bad.txt'), sampleDisclosureText({ year: 2023, wrongShare: true }));
    writeFileSync(join(dir, 'scan.pdf'), Buffer.from([0, 1, 2, 3, 0, 0, 9, 0]));
    const h = run(['check', dir, '--format', 'html', '--jobs', '1']);
    assert.equal(h.status, 2, h.stderr);
    assert.match(h.stdout, /^<!DOCTYPE html>/);
    assert.match(h.stdout, /3份公开文件审核意见汇总/);
    assert.match(h.stdout, /scan\.pdf/);
    assert.match(h.stdout, /无法读取/);
    const x = run(['check', dir, '--format', 'xlsx', '--out', join(dir, 'batch.xlsx'), '--jobs', '1']);
    assert.equal(x.status, 2, x.stderr);
    assert.equal(readFileSync(join(dir, 'batch.xlsx')).subarray(0, 2).toString(), 'PK');
    assert.ok(readdirSync(dir).includes('batch.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].flatMap((n) => (process.env.PATH ?? '').split(delimiter).map((d) => join(d, n))).find((p) => existsSync(p));

test('check FILE --format pdf: the printable report printed by a headless Chromium', { skip: chromium ? false : 'Chromium not installed: the PDF report is skipped' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-report-'));
  try {
    writeFileSync(join(dir, 'bad.txt'), sampleDisclosureText({ year: 2023, wrongShare: true }));
    const r = run(['check', join(dir, 'bad.txt'), '--format', 'pdf', '-o', join(dir, 'report.pdf')]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString(), '%PDF-');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
