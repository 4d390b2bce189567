/**
 * PDF via LibreOffice headless from the DOCX (selectable CJK text with embedded fonts). Each run
 * has its own LibreOffice profile (-env:UserInstallation=file:///tmp/lo-<id>), or parallel runs
 * silently lose their output. The profile is seeded with a font replacement table: the official
 * fonts (仿宋_GB2312, 宋体, 黑体 …), absent on most Linux machines, print as Noto Serif/Sans CJK SC,
 * and Times New Roman as the same serif, so digits match the text. (The SC glyph forms themselves
 * come from the zh-CN language the DOCX writer puts on every run.)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { InputError } from '../../ingest/raw.js';

/** LibreOffice is not installed: the user must install it or choose other formats. */
export class SofficeMissingError extends InputError {
  constructor() {
    super('PDF output needs LibreOffice: `soffice` was not found on PATH', 'install it (Debian: apt-get install libreoffice-writer-nogui fonts-noto-cjk) or leave pdf out of --format');
    this.name = 'SofficeMissingError';
  }
}

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (process.env.JUESUAN_SOFFICE) return existsSync(process.env.JUESUAN_SOFFICE) ? process.env.JUESUAN_SOFFICE : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Font → the font LibreOffice prints it with (its “replacement table”, Always, for printing too). */
export const FONT_REPLACEMENTS: [string, string][] = [
  ['仿宋_GB2312', 'Noto Serif CJK SC'], ['仿宋', 'Noto Serif CJK SC'], ['FangSong', 'Noto Serif CJK SC'], ['FangSong_GB2312', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'], ['SimSun', 'Noto Serif CJK SC'], ['楷体_GB2312', 'Noto Serif CJK SC'], ['楷体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'], ['SimHei', 'Noto Sans CJK SC'], ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['Times New Roman', 'Noto Serif CJK SC'],
];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** registrymodifications.xcu of a fresh profile: the replacement table switched on. */
export function profileSettings(pairs: [string, string][] = FONT_REPLACEMENTS): string {
  const prop = (name: string, value: string) => `<prop oor:name="${name}" oor:op="fuse"><value>${xml(value)}</value></prop>`;
  const items = pairs.map(([from, to], i) =>
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">${prop('Always', 'true')}${prop('OnScreenOnly', 'false')}${prop('ReplaceFont', from)}${prop('SubstituteFont', to)}</node></item>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop('Replacement', 'true')}</item>`,
    ...items,
    '</oor:items>',
    '',
  ].join('\n');
}

export async function convertDocxToPdf(docx: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new SofficeMissingError();
  const work = await mkdtemp(join(tmpdir(), 'juesuan-pdf-'));
  const profile = join(tmpdir(), `lo-${randomBytes(8).toString('hex')}`);
  try {
    const input = join(work, 'document.docx');
    await writeFile(input, docx);
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), profileSettings());
    const { stderr } = await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], opts.timeoutMs ?? 120_000);
    const out = join(work, 'document.pdf');
    if (!existsSync(out)) throw new Error(`LibreOffice produced no PDF${stderr ? `: ${stderr.trim()}` : ''}`);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
