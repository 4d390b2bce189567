/** A disclosure's source: its hash is worked out when first read, and is the SHA-256 of the bytes read
 *  (of the parts in order for one publication in several files); the ruleset names the package version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDisclosure, readDisclosureParts } from './index.js';
import { checkDisclosure } from '../check/engine.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';

test('source.sha256: the SHA-256 of the bytes, in the model and its JSON, for one file and for parts', async () => {
  const text = Buffer.from(sampleDisclosureText(), 'utf8');
  const d = await readDisclosure(new Uint8Array(text), 'sample.txt');
  const expected = createHash('sha256').update(text).digest('hex');
  assert.equal(d.source.sha256, expected);
  assert.equal(d.source.sha256, expected, 'the same when read again');
  const json = JSON.parse(JSON.stringify(d)) as { source: Record<string, unknown> };
  assert.deepEqual(json.source, { format: 'text', name: 'sample.txt', sha256: expected, bytes: text.length });
  assert.deepEqual(Object.keys(d.source), ['format', 'name', 'sha256', 'bytes'], 'the order of earlier versions');
  assert.deepEqual(structuredClone(d.source), json.source, 'a copy to another thread carries it');

  const [a, b] = [text.subarray(0, 200), text.subarray(200)];
  const parts = await readDisclosureParts([{ bytes: new Uint8Array(a), name: 'a.txt' }, { bytes: new Uint8Array(b), name: 'b.txt' }]);
  assert.equal(parts.source.sha256, createHash('sha256').update(a).update(b).digest('hex'));
  assert.equal(parts.source.bytes, text.length);
});

test('the ruleset names the version of package.json', async () => {
  const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  const d = await readDisclosure(new Uint8Array(Buffer.from(sampleDisclosureText(), 'utf8')), 'sample.txt');
  assert.match(checkDisclosure(d).document.ruleset, new RegExp(`^juesuan-${version.replace(/\./g, '\\.')}\\+[0-9a-f]{8}$`));
});
