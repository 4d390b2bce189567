#!/usr/bin/env node
// `npm start`: build the web application, then serve it with the API on the embedded SQLite store
// (./data/juesuan.sqlite), loading the demo corpus (the composer's examples) when the store is empty.
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const build = spawnSync(bin('vite'), ['build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = ['serve', '--demo', ...process.argv.slice(2)];
const child = spawn(process.execPath, [join(root, 'bin', 'juesuan.cjs'), ...args], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
