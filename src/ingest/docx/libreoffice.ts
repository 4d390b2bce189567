/**
 * Converting a document with LibreOffice (`soffice --headless --convert-to`), each run with its own
 * profile directory so parallel runs do not collide. Used for legacy .doc (→ .docx); tests use it
 * to make PDFs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../raw.js';

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/** The soffice executable, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  if (process.env.SOFFICE && existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  const fromPath = (process.env.PATH ?? '').split(':').map((d) => join(d, 'soffice'));
  return [...fromPath, ...CANDIDATES].find((p) => existsSync(p));
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${err.message}${stderr ? `: ${stderr.trim()}` : ''}`));
      else resolve();
    });
  });
}

/**
 * Converts `bytes` (a file with extension `fromExt`) to `toFormat` (a LibreOffice filter such as
 * 'docx', 'pdf', 'xlsx'); returns the converted bytes.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, fromExt: string, toFormat: string, timeoutMs = 120_000): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new InputError(`converting .${fromExt} needs LibreOffice (soffice), which is not installed`, `install LibreOffice, or save the file as .docx/.xlsx/PDF`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-lo-'));
  try {
    const input = join(dir, `input.${fromExt}`);
    await writeFile(input, bytes);
    const profile = `file://${join(dir, 'profile')}`;
    const outDir = join(dir, 'out');
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', toFormat, '--outdir', outDir, input], timeoutMs);
    const produced = existsSync(outDir) ? await readdir(outDir) : [];
    if (!produced[0]) throw new InputError(`LibreOffice could not convert the .${fromExt} file (damaged?)`);
    return new Uint8Array(await readFile(join(outDir, produced[0])));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`LibreOffice failed to convert the .${fromExt} file: ${(err as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
