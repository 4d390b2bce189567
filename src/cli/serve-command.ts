/** `juesuan serve`: the API and web application on the embedded SQLite store (or DATABASE_URL). */
import { buildServer } from '../server/app.js';
import { openDb, resolveDbUrl } from '../store/db.js';
import { countUsers, createUser } from '../store/accounts.js';
import { loadDemoCorpus } from './demo.js';

export async function serveCommand(o: { port: number; host: string; db?: string; demo: boolean }): Promise<void> {
  const opened = await openDb(resolveDbUrl(o.db), { backgroundCheckpoints: true });
  const mode = process.env.JUESUAN_MODE === 'multi' ? 'multi' : 'single';
  if (mode === 'multi' && (await countUsers(opened.db)) === 0) {
    const pw = process.env.JUESUAN_ADMIN_PASSWORD;
    if (!pw) throw new Error('multi-user mode needs JUESUAN_ADMIN_PASSWORD to create the first admin account');
    await createUser(opened.db, process.env.JUESUAN_ADMIN_USER ?? 'admin', pw, 'admin');
  }
  if (o.demo) {
    const n = await loadDemoCorpus(opened.db);
    if (n) process.stdout.write(`demo corpus: ${n} documents loaded\n`);
  }
  // structured request and error logs (JSON lines) on stderr; JUESUAN_LOG_LEVEL=warn for fewer
  // with JUESUAN_REDIS_URL, uploads and re-checks go onto the queue for `juesuan worker`s
  const { queueUrl } = await import('./queue-commands.js');
  const queue = queueUrl() ? await (await import('../queue/queue.js')).openQueue(queueUrl()!) : undefined;
  const app = await buildServer({ db: opened.db, mode, logger: { level: process.env.JUESUAN_LOG_LEVEL ?? 'info', stream: process.stderr }, ...(queue && { queue }) });
  if (queue) app.addHook('onClose', async () => queue.close());
  // a rejection that escapes a handler is logged with its cause; the server stays up (the readers run
  // in workers, so nothing of a document's state is shared with the loop)
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));
  await app.listen({ port: o.port, host: o.host });
  process.stdout.write(`juesuan serving ${opened.dialect} store ${opened.url} (${mode}-user mode)\n  → http://${o.host}:${o.port}/   API docs: http://${o.host}:${o.port}/docs\n`);
  const stop = async () => {
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
