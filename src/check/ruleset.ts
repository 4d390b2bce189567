/** The ruleset version: the package version plus a hash of the printed names of the rules that ran. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { printedRuleName } from './rule-name.js';
import type { Rule } from './types.js';

/** juesuan's package.json, above this module wherever it runs from: src/check/ (sources run by tsx)
 *  or dist/cli/<build>/ (the command's bundle, where ../../package.json was not it). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const path = join(dir, 'package.json');
    // existsSync first: a failed read throws, and an exception per folder costs more than the check
    if (existsSync(path)) {
      try {
        const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'juesuan') return pkg.version ?? '0.0.0';
      } catch {
        // unreadable: look further up
      }
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export const PACKAGE_VERSION = packageVersion();

/** 'juesuan-0.1.0+3f2a9c1e': stable for the same version and the same set of rule ids. */
const versions = new Map<string, string>();
const versionOfList = new WeakMap<readonly Rule[], string>();

export function rulesetVersion(rules: readonly Rule[]): string {
  const known = Object.isFrozen(rules) ? versionOfList.get(rules) : undefined;
  if (known) return known;
  const version = versionOf(rules);
  if (Object.isFrozen(rules)) versionOfList.set(rules, version);
  return version;
}

function versionOf(rules: readonly Rule[]): string {
  const ids = rules.map((r) => printedRuleName(r.meta)).sort().join('\n');
  let version = versions.get(ids);
  if (version === undefined) {
    // CRC-32: a fingerprint of the rule set, not a security measure (32 bits, as the 8 hex digits of a
    // SHA-256 before it); node:zlib is loaded for PDFs anyway, node:crypto costs ~7 ms of a check to load
    const hash = crc32(`${PACKAGE_VERSION}\n${ids}`).toString(16).padStart(8, '0');
    version = `juesuan-${PACKAGE_VERSION}+${hash}`;
    if (versions.size < 64) versions.set(ids, version);
  }
  return version;
}
