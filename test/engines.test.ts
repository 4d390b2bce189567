/**
 * The project declares Node >= 20: no installed package may want a newer Node (npm warns EBADENGINE).
 * Checked on package-lock.json against Node 20.19 (the Node 20 line the project is tested on).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
let semver: { satisfies(v: string, range: string, o?: { includePrerelease?: boolean }): boolean } | undefined;
try {
  semver = require('semver');
} catch {
  semver = undefined;
}

test('every package of the lock file runs on Node 20 (no EBADENGINE)', { skip: semver ? false : 'semver is not installed (it comes with the dependencies)' }, () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }> };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  assert.equal(pkg.engines.node, '>=20');
  const bad: string[] = [];
  for (const [path, p] of Object.entries(lock.packages)) {
    const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
    if (!path || !range) continue;
    if (!semver!.satisfies('20.19.0', range, { includePrerelease: true })) bad.push(`${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${range}`);
  }
  assert.deepEqual(bad, []);
});
