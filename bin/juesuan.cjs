#!/usr/bin/env node
// The `juesuan` command. Runs a bundle of the TypeScript sources (our code only; dependencies stay in
// node_modules), rebuilt with esbuild (~0.5 s) when one of the files it was built from changed, so a
// checkout never runs stale code. Start-up cost: one small file read, a stat of each input of the
// bundle (its esbuild metafile) and the version of each package bundled in it, no directory walk.
//
// Builds are versioned (dist/cli/<stamp>/, named by dist/cli/current): a process that is running keeps
// its own chunks while another one rebuilds, so lazily imported chunks never vanish under it.
// Without src/ (an installed package) the current build runs as it is.
//
// Two bundles of the same sources sit in a build:
// - main.mjs and its chunks (ES modules, split by esbuild): every command; a command loads only the
//   chunks it needs, so `--help`, `serve` or `compose` never parse the readers;
// - main.cjs (one CommonJS file) for the commands that read a document (check, facts, parse), compiled
//   through node:vm with V8's code cache: the first run writes the bytecode of every function it
//   compiled next to the bundle (main.<command>.<ext>.v8cache), and later runs skip parsing and
//   compiling (≈ 60–100 ms of CPU of a 0.4–0.8 s check). Node 20 has no code cache for ES modules
//   (module.enableCompileCache came with Node 22), hence CommonJS for this path. A missing or rejected
//   cache only costs the compile it would have saved. JUESUAN_CODE_CACHE=0 runs main.mjs instead.
//   It is minified (whitespace and syntax; names kept, a source map beside it) and holds commander,
//   so that the code cache covers the whole command line.
//
// This file is CommonJS: an .mjs entry makes node start its ES module loader first (~10 ms of every
// command). bin/juesuan.mjs, the entry of earlier versions, loads this file.
'use strict';
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { extname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const root = join(__dirname, '..');
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
  if (manifest.layout !== LAYOUT) return undefined; // built by an older bin
  for (const [dir, version] of Object.entries(manifest.packages ?? {})) if (packageVersion(dir) !== version) return undefined;
  for (const f of manifest.inputs) {
    try {
      if (statSync(join(root, f)).mtimeMs > manifest.builtFrom) return undefined;
    } catch {
      return undefined; // an input was removed
    }
  }
  return dir;
}

/** The packages a build bundled (their folders under node_modules, from its inputs) and their
 *  versions: npm writes a package's files with a fixed old mtime, so an upgrade is seen by its version. */
function bundledPackages(inputs) {
  const dirs = new Set();
  for (const f of inputs) {
    const m = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m) dirs.add(m[1]);
  }
  return Object.fromEntries([...dirs].map((d) => [d, packageVersion(d)]));
}

function packageVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

function newestInput(inputs) {
  let newest = 0;
  for (const f of inputs) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

/** What a build holds (main.mjs + chunks, main.cjs, the thread entries); a build of another layout is rebuilt. */
const LAYOUT = 4;

/** Commands run from main.cjs with the code cache. */
const CACHED_COMMANDS = new Set(['check', 'facts', 'parse']);

/** What main.cjs calls for a dynamic import() of a package: a vm-compiled script has no import() of
 *  its own on Node 20 (it needs a flag), so the loader passes this one in. Packages resolve from this
 *  file, which sits in the package beside node_modules, as the bundle's own imports do. */
const CJS_BANNER = [
  'var __juesuanUrl = require("node:url").pathToFileURL(__filename).href;',
  'var __juesuanImport = typeof __juesuanLoaderImport === "function" ? __juesuanLoaderImport : (s) => import(s);',
].join('\n');

/** Non-ASCII characters (in regular expressions, which esbuild leaves as written) as \\uXXXX escapes:
 *  an ASCII file is read as latin1 without decoding and held by V8 as a one-byte string. A character
 *  escaped by a backslash (an identity escape, "\\（") is the character itself. */
function toAscii(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_m, slashes, ch) => {
    const cp = ch.codePointAt(0);
    const units = cp < 0x10000 ? [cp] : [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
    return (slashes.length % 2 ? slashes.slice(1) : slashes) + units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
  });
}

/** Packages bundled into main.cjs, so that the code cache covers them too; every other package stays
 *  in node_modules. commander parses every command line: loaded from node_modules it costs ~14 ms of
 *  a check (resolving, compiling, and the child_process module it requires at the top for
 *  subcommands run as executables, which juesuan has none of). */
const CJS_BUNDLED = ['commander'];

/** esbuild options for main.cjs: CJS_BUNDLED inside, a node builtin they require only for rare paths
 *  loaded on first use (LAZY_BUILTINS), the other packages external. */
const LAZY_BUILTINS = ['child_process'];
function cjsPackages() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }).filter((d) => !CJS_BUNDLED.includes(d));
  const lazy = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join('|')})$`);
  const fromBundledPackage = (importer) => CJS_BUNDLED.some((d) => importer.includes(`/node_modules/${d}/`));
  return {
    packages: undefined,
    external: external.flatMap((d) => [d, `${d}/*`]),
    plugins: [{
      name: 'lazy-builtins',
      setup(b) {
        b.onResolve({ filter: lazy }, (a) => (fromBundledPackage(a.importer) ? { path: a.path.replace(/^node:/, ''), namespace: 'lazy-builtin' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (a) => ({
          contents: `let m; const load = () => (m ??= require(${JSON.stringify(`node:${a.path}`)})); module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });`,
          loader: 'js',
        }));
      },
    }],
  };
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const stamp = `b${Date.now().toString(36)}-${process.pid}`;
  const tmp = join(cliDir, `.tmp-${stamp}`);
  const started = Date.now();
  const main = join(srcDir, 'cli', 'main.ts');
  const entryPoints = { main };
  // The worker pool's thread entry lives next to the chunks when the pool exists.
  const worker = join(srcDir, 'core', 'pool', 'worker.ts');
  if (existsSync(worker)) entryPoints['pool-worker'] = worker;
  // pdf.js (the PDF reader's fallback) runs in a worker thread of its own, from its own entry
  const pdfjsWorker = join(srcDir, 'ingest', 'pdf', 'pdfjs-worker.ts');
  if (existsSync(pdfjsWorker)) entryPoints['pdfjs-worker'] = pdfjsWorker;
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    // Metafile input paths are relative to the working directory: make it the project root, so a
    // command started from any folder reads them back.
    absWorkingDir: root,
    logLevel: 'error',
  };
  const [split, single] = await Promise.all([
    // Code splitting keeps each command's dependencies (pdf readers, exceljs, fastify…) in lazily loaded chunks.
    esbuild({ ...common, entryPoints, outdir: tmp, splitting: true, outExtension: { '.js': '.mjs' }, format: 'esm' }),
    esbuild({ ...common, ...cjsPackages(), entryPoints: { main }, outdir: tmp, outExtension: { '.js': '.cjs' }, format: 'cjs', define: { 'import.meta.url': '__juesuanUrl' }, banner: { js: CJS_BANNER }, minifyWhitespace: true, minifySyntax: true }),
  ]);
  // main.cjs: import("package") → __juesuanImport("package") (esbuild keeps dynamic imports of
  // external packages as written), then ASCII only
  const cjs = join(tmp, 'main.cjs');
  const code = readFileSync(cjs, 'utf8').replace(/\bimport\((["'])((?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]*)?)\1\)/g, (_m, q, spec) => `__juesuanImport(${q}${spec}${q})`);
  writeFileSync(cjs, toAscii(code));
  const inputs = [...new Set([...Object.keys(split.metafile.inputs), ...Object.keys(single.metafile.inputs)])]
    .filter((p) => !/^[a-z-]+:/.test(p)) // a plugin's virtual module (lazy-builtin:child_process) is no file
    .map((p) => (p.startsWith('/') ? p.slice(root.length + 1) : p));
  // Sources edited while the build ran make it stale at once (their mtime is after builtFrom).
  const builtFrom = Math.min(started, newestInput(inputs) + 1);
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify({ layout: LAYOUT, builtFrom, inputs, packages: bundledPackages(inputs) }));
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

// JUESUAN_TIMING=1: phases on stderr at exit (src/ingest/timing.ts prints them)
const timing = process.env.JUESUAN_TIMING === '1' ? (globalThis.__juesuanTiming ??= []) : undefined;
timing?.push(['start', performance.now()]);
const dev = existsSync(srcDir);
const ready = current(dev);
if (ready) start(ready);
else if (!dev) {
  process.stderr.write('juesuan: no build in dist/cli and no sources to build it from\n');
  process.exit(3);
} else {
  mkdirSync(cliDir, { recursive: true });
  build().then(start, (err) => {
    process.stderr.write(`juesuan: cannot build the command from src/: ${err instanceof Error ? err.message : err}\n`);
    process.exit(3);
  });
}

/** Runs the command line with the build in `dir`. */
function start(dir) {
  const command = process.argv[2] ?? '';
  if (CACHED_COMMANDS.has(command) && process.env.JUESUAN_CODE_CACHE !== '0' && existsSync(join(dir, 'main.cjs'))) runCached(dir);
  else {
    import(pathToFileURL(join(dir, 'main.mjs')).href).catch((err) => {
      process.stderr.write(`juesuan: cannot load the command (${join(dir, 'main.mjs')}): ${err instanceof Error ? err.message : err}\n`);
      process.exit(3);
    });
  }
}

/** The code cache's name for this command line: the command and the extension of the file it reads
 *  (a PDF and a text run different code). */
function cacheKey(argv) {
  const file = argv.slice(1).find((a) => !a.startsWith('-'));
  const ext = file ? extname(file).slice(1).toLowerCase() : '';
  return /^[a-z0-9]{1,8}$/.test(ext) ? `${argv[0]}.${ext}` : argv[0];
}

/** Runs <build>/main.cjs as node runs a CommonJS module, with V8's code cache. */
function runCached(buildDir) {
  const file = join(buildDir, 'main.cjs');
  const source = readFileSync(file, 'latin1'); // ASCII (see toAscii)
  const cacheFile = join(buildDir, `main.${cacheKey(process.argv.slice(2))}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // the first run of this command with this build
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname, __juesuanLoaderImport) {${source}\n})`;
  const script = new vm.Script(wrapper, {
    filename: file,
    ...(cachedData && { cachedData }),
    // an import() the build did not rewrite still works (Node prints an experimental warning then)
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    // at exit: the bytecode of everything this run compiled (once per build; a read-only install skips it)
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // no cache: the next run compiles, as this one did
      }
    });
  }
  timing?.push(['compiled', performance.now()]);
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, buildDir, (spec) => import(spec));
}
