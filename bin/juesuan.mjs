#!/usr/bin/env node
// The `juesuan` command. Runs a bundle of the TypeScript sources (dist/cli/main.mjs, our code only;
// dependencies stay in node_modules). The bundle is rebuilt with esbuild (~0.3 s) whenever a file
// under src/ is newer than it, so a checkout never runs stale code and a command starts in ~0.2 s.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'cli');
const out = join(outDir, 'main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  // Code splitting keeps each command's dependencies (pdfjs, exceljs, fastify…) in lazily loaded chunks.
  const tmp = join(root, 'dist', `cli-${process.pid}`);
  await esbuild({
    // main.mjs: the CLI; pool-worker.mjs: the worker thread of src/core/pool (batches, import, serve)
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts'), 'pool-worker': join(root, 'src', 'core', 'pool', 'worker.ts') },
    outdir: tmp,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  });
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(tmp, outDir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process built it at the same moment
  }
}

const srcDir = join(root, 'src');
if (existsSync(srcDir) && (!existsSync(out) || statSync(out).mtimeMs < newestSource(srcDir))) await build();
await import(pathToFileURL(out).href);
