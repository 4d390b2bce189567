/**
 * The demo corpus: the composer's examples (examples/*.json), composed to text and stored, so that a
 * fresh `npm start` shows documents, findings, charts and comparisons. Loaded only into an empty store.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { composeDocument, parseComposeInput, renderFormat } from '../compose/index.js';
import { storeDocument, type Db } from '../store/corpus.js';

export async function loadDemoCorpus(db: Db, dir = resolve('examples')): Promise<number> {
  const count = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  if (Number(count?.n ?? 0) > 0) return 0;
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return 0;
  }
  let n = 0;
  for (const f of files) {
    const input = parseComposeInput(JSON.parse(await readFile(join(dir, f), 'utf8')));
    const { document } = composeDocument(input);
    const bytes = await renderFormat(document, 'txt');
    const r = await storeDocument(db, { bytes, name: f.replace(/\.json$/, '.txt'), user: 'demo' });
    if (r.created) n++;
  }
  return n;
}
