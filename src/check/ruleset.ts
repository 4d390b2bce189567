/** The ruleset version: the package version plus a hash of the printed names of the rules that ran. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printedRuleName } from './rule-name.js';
import type { Rule } from './types.js';

function packageVersion(): string {
  try {
    const path = fileURLToPath(new URL('../../package.json', import.meta.url));
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
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
    const hash = createHash('sha256').update(`${PACKAGE_VERSION}\n${ids}`).digest('hex').slice(0, 8);
    version = `juesuan-${PACKAGE_VERSION}+${hash}`;
    if (versions.size < 64) versions.set(ids, version);
  }
  return version;
}
