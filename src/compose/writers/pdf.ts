/**
 * PDF via LibreOffice headless from the DOCX (selectable CJK text with embedded fonts). Each run
 * has its own LibreOffice profile, or parallel runs silently lose their output.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

export async function convertDocxToPdf(docx: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new SofficeMissingError();
  const work = await mkdtemp(join(tmpdir(), 'juesuan-pdf-'));
  const profile = join(tmpdir(), `lo-${randomBytes(8).toString('hex')}`);
  try {
    const input = join(work, 'document.docx');
    await writeFile(input, docx);
    const { stderr } = await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], opts.timeoutMs ?? 120_000);
    const out = join(work, 'document.pdf');
    if (!existsSync(out)) throw new Error(`LibreOffice produced no PDF${stderr ? `: ${stderr.trim()}` : ''}`);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
