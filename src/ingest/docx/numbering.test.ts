import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { formatNumber, writeNumbering } from './numbering.js';
import { readDocx } from './read-docx.js';

test('formatNumber: Chinese counting, letters, roman numerals, circled digits; bullets have none', () => {
  assert.deepEqual([1, 10, 11, 20, 21, 105].map((n) => formatNumber(n, 'chineseCounting')), ['一', '十', '十一', '二十', '二十一', '一百零五']);
  assert.equal(formatNumber(3, 'decimal'), '3');
  assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
  assert.equal(formatNumber(28, 'upperLetter'), 'BB');
  assert.equal(formatNumber(14, 'lowerRoman'), 'xiv');
  assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
  assert.equal(formatNumber(1, 'bullet'), undefined);
});

const NUMBERING =
  '<w:numbering><w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H1"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
  '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
const STYLES = '<w:styles><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';

test('writeNumbering: labels from the paragraph or its style, levels restarting under a higher one; bullets and plain paragraphs untouched', () => {
  const p = (pPr: string, text: string) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const num = (ilvl: number, id = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
  const xml = `<w:body>${[
    p('<w:pStyle w:val="H1"/>', '部门职责'),
    p(num(1), '主要职能'),
    p(num(2), '负责甲'),
    p(num(2), '负责乙'),
    p(num(1), '机构设置'),
    p(num(2), '内设机构'),
    p('<w:pStyle w:val="H1"/>', '收入支出决算总体情况说明'),
    p(num(0, 2), '要点'),
    p('', '正文'),
  ].join('')}</w:body>`;
  const out = writeNumbering(xml, NUMBERING, STYLES);
  const texts = [...out.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  assert.deepEqual(texts, ['一、部门职责', '（一）主要职能', '1.负责甲', '2.负责乙', '（二）机构设置', '1.内设机构', '二、收入支出决算总体情况说明', '要点', '正文']);
  assert.equal(writeNumbering('<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>', NUMBERING, STYLES), '<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>');
});

test('readDocx: headings and lists numbered by Word read with their printed numbers', async () => {
  const doc = new Document({
    numbering: {
      config: [{
        reference: 'outline',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
          { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
        ],
      }],
    },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'outline', level: 0 }, children: [new TextRun('部门职责')] }),
        new Paragraph({ numbering: { reference: 'outline', level: 1 }, children: [new TextRun('基本支出120.00万元')] }),
        new Paragraph({ numbering: { reference: 'outline', level: 1 }, children: [new TextRun('项目支出30.00万元')] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'outline', level: 0 }, children: [new TextRun('机构设置')] }),
      ],
    }],
  });
  const raw = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
  assert.deepEqual(raw.lines.map((l) => [l.headingLevel, ...l.cells]), [
    [1, '一、部门职责'],
    [undefined, '1.基本支出120.00万元'],
    [undefined, '2.项目支出30.00万元'],
    [1, '二、机构设置'],
  ]);
});
