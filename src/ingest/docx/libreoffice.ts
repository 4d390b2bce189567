/**
 * Converting a document with LibreOffice (`soffice --headless --convert-to`), each run with its own
 * profile directory so parallel runs do not collide. Used for legacy .doc (→ .docx); tests use it
 * to make PDFs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limit, limitError } from '../limits.js';
import { InputError } from '../raw.js';
import { checkCompoundFile } from '../xlsx/cfb-check.js';

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/** The soffice executable, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  if (process.env.SOFFICE && existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  const fromPath = (process.env.PATH ?? '').split(':').map((d) => join(d, 'soffice'));
  return [...fromPath, ...CANDIDATES].find((p) => existsSync(p));
}

class TimedOut extends Error {}

/**
 * Runs soffice in its own process group and, past the time limit, kills the whole group: `soffice`
 * is a launcher whose soffice.bin would outlive a kill of the launcher alone and go on converting.
 */
function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    let stderr = '';
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 4096) stderr += d;
    });
    const done = (err?: Error): void => {
      clearTimeout(timer);
      if (timedOut) reject(new TimedOut());
      else if (err) reject(new Error(`${err.message}${stderr ? `: ${stderr.trim()}` : ''}`));
      else resolve();
    };
    child.once('error', (err) => done(err));
    child.once('close', (code, signal) => done(code === 0 ? undefined : new Error(`soffice ended with ${signal ?? `exit ${code}`}`)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
  });
}

/** Inputs in these formats come from users (legacy Word/WPS files read by juesuan), not from our own writers. */
const UNTRUSTED = new Set(['doc', 'wps', 'wpt', 'dot']);

/**
 * Converts `bytes` (a file with extension `fromExt`) to `toFormat` (a LibreOffice filter such as
 * 'docx', 'pdf', 'xlsx'); returns the converted bytes. A legacy Word input (.doc/.wps: a user's
 * document, possibly hostile) has its compound-file container checked first (a damaged one is
 * refused at once) and a time limit of its own (JUESUAN_MAX_CONVERT_SECONDS); conversions of the
 * project's own output (tests, compose) keep the generous default.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, fromExt: string, toFormat: string, timeoutMs?: number): Promise<Uint8Array> {
  const untrusted = UNTRUSTED.has(fromExt.toLowerCase());
  if (untrusted) checkCompoundFile(bytes, 'doc');
  const limitMs = timeoutMs ?? (untrusted ? limit('convertSeconds') * 1000 : 120_000);
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
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', toFormat, '--outdir', outDir, input], limitMs);
    const produced = existsSync(outDir) ? await readdir(outDir) : [];
    if (!produced[0]) throw new InputError(`LibreOffice could not convert the .${fromExt} file (damaged?)`);
    return new Uint8Array(await readFile(join(outDir, produced[0])));
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof TimedOut) {
      if (untrusted) throw limitError('convertSeconds', limitMs / 1000, true, `the .${fromExt} file`);
      throw new InputError(`LibreOffice did not convert the .${fromExt} file within ${Math.round(limitMs / 1000)} s`);
    }
    throw new InputError(`LibreOffice failed to convert the .${fromExt} file: ${(err as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
