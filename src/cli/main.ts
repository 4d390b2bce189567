/**
 * `juesuan` — thin: argv → the same core operations the server calls.
 * Exit codes: 0 ok (check: no error-level finding), 1 check found errors, 2 input could not be read
 * (one-line reason on stderr), 3 internal error (set JUESUAN_DEBUG=1 for the stack).
 */
import { Command } from 'commander';
import { InputError } from '../ingest/raw.js';
import { registerCommands } from './commands.js';

const program = new Command();
program
  .name('juesuan')
  .description('决算: read, check and compose 部门决算公开 disclosures and 绩效自评 reports')
  .version('0.1.0')
  .showHelpAfterError();
registerCommands(program);

function fail(err: unknown): never {
  if (err instanceof InputError) {
    process.stderr.write(`juesuan: ${err.message}${err.hint ? ` (${err.hint})` : ''}\n`);
    process.exit(2);
  }
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`juesuan: internal error: ${msg.split('\n')[0]}\n`);
  if (process.env.JUESUAN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(3);
}

// anything that escapes (a rejection nobody awaited, a throw in a callback) is an internal error,
// exit 3, never 1 (the code for "errors found")
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
/** Commands that are done when their action is: the process ends as soon as their output is written.
 *  Node's ordinary exit tears the whole heap down and waits for V8's background compile jobs first,
 *  20–30 ms of a 0.4 s check of a PDF; `serve`, `worker` and the others keep running after their action. */
const DONE_WITH_ACTION = new Set(['check', 'facts', 'parse', 'rules']);

let ran = '';
program.hook('postAction', (_program, action) => {
  ran = action.name();
});

program
  .parseAsync(process.argv)
  .then(() => {
    if (!DONE_WITH_ACTION.has(ran)) return;
    // the empty write's callback runs once everything written before it is flushed (a pipe may be
    // asynchronous), then the exit code the command set
    process.stdout.write('', () => process.exit());
  })
  .catch(fail);
