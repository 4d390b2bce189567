#!/usr/bin/env node
// The `juesuan` command. Runs a bundle of the TypeScript sources (our code only; dependencies stay in
// node_modules), rebuilt with esbuild (~0.3 s) when one of the files it was built from changed, so a
// checkout never runs stale code. Start-up cost: one small file read and a stat of each input of the
// bundle (its esbuild metafile), no directory walk.
//
// Builds are versioned (dist/cli/<stamp>/, named by dist/cli/current): a process that is running keeps
// its own chunks while another one rebuilds, so lazily imported chunks never vanish under it.
// Without src/ (an installed package) the current build runs as it is.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(root, 'dist', 'cli');
const pointer = join(cliDir, 'current');
const srcDir = join(root, 'src');

/** The current build's folder, or undefined when there is none or it is stale. */
function current(checkSources) {
  let dir;
  try {
    dir = join(cliDir, readFileSync(pointer, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!checkSources) return existsSync(join(dir, 'main.mjs')) ? dir : undefined;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return undefined;
  }
  for (const f of manifest.inputs) {
    try {
      if (statSync(join(root, f)).mtimeMs > manifest.builtFrom) return undefined;
    } catch {
      return undefined; // an input was removed
    }
  }
  return dir;
}

function newestInput(inputs) {
  let newest = 0;
  for (const f of inputs) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const stamp = `b${Date.now().toString(36)}-${process.pid}`;
  const tmp = join(cliDir, `.tmp-${stamp}`);
  const started = Date.now();
  const entryPoints = { main: join(srcDir, 'cli', 'main.ts') };
  // The worker pool's thread entry lives next to the chunks when the pool exists.
  const worker = join(srcDir, 'core', 'pool', 'worker.ts');
  if (existsSync(worker)) entryPoints['pool-worker'] = worker;
  // Code splitting keeps each command's dependencies (pdf readers, exceljs, fastify…) in lazily loaded chunks.
  const result = await esbuild({
    entryPoints,
    outdir: tmp,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    // Metafile input paths are relative to the working directory: make it the project root, so a
    // command started from any folder reads them back.
    absWorkingDir: root,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => (p.startsWith('/') ? p.slice(root.length + 1) : p));
  // Sources edited while the build ran make it stale at once (their mtime is after builtFrom).
  const builtFrom = Math.min(started, newestInput(inputs) + 1);
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify({ builtFrom, inputs }));
  renameSync(tmp, join(cliDir, stamp));
  writeFileSync(`${pointer}.${process.pid}`, stamp);
  renameSync(`${pointer}.${process.pid}`, pointer);
  prune(stamp);
  return join(cliDir, stamp);
}

/** Keeps the newest builds (running processes may still load chunks of the previous ones). */
function prune(keep) {
  const builds = readdirSync(cliDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, at: statSync(join(cliDir, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  const hour = 3600_000;
  builds.forEach((b, i) => {
    const old = Date.now() - b.at;
    const stale = b.name.startsWith('.tmp-') ? old > hour : i >= 5 && old > hour;
    if (b.name !== keep && stale) rmSync(join(cliDir, b.name), { recursive: true, force: true });
  });
  // Files of the unversioned layout (before this one).
  for (const e of readdirSync(cliDir, { withFileTypes: true })) {
    if (e.isFile() && /\.mjs(\.map)?$/.test(e.name)) rmSync(join(cliDir, e.name), { force: true });
  }
}

const dev = existsSync(srcDir);
let dir = current(dev);
if (!dir) {
  if (!dev) {
    process.stderr.write('juesuan: no build in dist/cli and no sources to build it from\n');
    process.exit(3);
  }
  mkdirSync(cliDir, { recursive: true });
  dir = await build();
}
await import(pathToFileURL(join(dir, 'main.mjs')).href);
