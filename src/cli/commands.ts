import type { Command } from 'commander';
import type { operations as Operations } from '../core/operations.js';
import { outline } from './outline.js';
import { InputError } from '../ingest/raw.js';
import { registerQueueCommands } from './queue-commands.js';
import { mark } from '../ingest/timing.js';

/** The core operations, loaded when a command runs (so `--help` and other commands start fast). */
async function operationsLazy(): Promise<typeof Operations> {
  return (await import('../core/operations.js')).operations;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 1)}\n`);
}

/** One file, or with --as-one the files of one publication read as one disclosure. */
function readInputOf(files: string[], asOne?: boolean): { path: string } | { paths: string[] } {
  if (asOne) return { paths: files };
  if (files.length > 1) throw new InputError(`${files.length} files given`, 'give one file, or add --as-one when they are one publication');
  return { path: files[0]! };
}

function list(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export function registerCommands(program: Command): void {
  program
    .command('parse <files...>')
    .description('read a disclosure (text, PDF, XLSX/XLS, DOCX/DOC, HTML/MHT) and print the whole model')
    .option('--json', 'print the model as JSON')
    .option('--rows <n>', 'rows shown per table in the outline', '60')
    .option('--as-one', 'the files are one publication (a narrative and a tables-only PDF): read them as one disclosure')
    .action(async (files: string[], o: { json?: boolean; rows: string; asOne?: boolean }) => {
      const d = await (await operationsLazy()).parse(readInputOf(files, o.asOne));
      if (o.json) printJson(d);
      else process.stdout.write(`${outline(d, { rows: Number(o.rows) })}\n`);
    });

  program
    .command('facts <files...>')
    .description('print the key figures (juesuan.facts/1)')
    .option('--json', 'JSON (the contract); the default prints it too')
    .option('--as-one', 'the files are one publication (a narrative and a tables-only PDF): read them as one disclosure')
    .action(async (files: string[], o: { asOne?: boolean }) => {
      printJson(await (await operationsLazy()).facts(readInputOf(files, o.asOne)));
    });

  program
    .command('check <files...>')
    .description('check disclosures against every rule (FILE… or DIR: many at once on every core); exit 1 when an error-level finding is reported')
    .option('--json', 'print juesuan.findings/1 JSON (many documents: the batch JSON)')
    .option('--only <ids>', 'run only these rules (comma-separated ids)', list)
    .option('--disable <ids>', 'skip these rules (comma-separated ids)', list)
    .option('--no-color', 'no colours')
    .option('--jobs <n>', 'documents read at once (default: the cores)')
    .option('--format <format>', 'text (summary table), json, ndjson, or the review report 审核意见: xlsx, html or pdf (one document or many)')
    .option('-o, --out <file>', 'with --format xlsx|html|pdf: the report to write')
    .option('--as-one', 'the files are one publication (a narrative and a tables-only PDF): check them as one disclosure')
    .action(async (files: string[], o: { json?: boolean; only?: string[]; disable?: string[]; color: boolean; jobs?: string; format?: string; out?: string; asOne?: boolean }) => {
      const { batchWanted } = await import('./check-args.js');
      if (!o.asOne && await batchWanted(files, o)) {
        const { checkBatch } = await import('./check-batch.js');
        const { batchOptions } = await import('./check-args.js');
        await checkBatch(files, batchOptions(o));
        return;
      }
      const report = await (await operationsLazy()).check(readInputOf(files, o.asOne), { ...(o.only && { only: o.only }), ...(o.disable && { disable: o.disable }) });
      if (o.json) {
        const { toJsonReport } = await import('../check/report-json.js');
        printJson(toJsonReport(report));
      } else {
        const { formatTextReport } = await import('../check/report-text.js');
        process.stdout.write(`${formatTextReport(report, { color: o.color && process.stdout.isTTY === true })}\n`);
      }
      mark('reported');
      process.exitCode = report.counts.error > 0 ? 1 : 0;
    });

  program
    .command('rules')
    .description('list the rule catalogue (id, 中文标题, family, severity, reference)')
    .option('--json', 'JSON')
    .action(async (o: { json?: boolean }) => {
      const { listRules, formatRulesTable } = await import('../check/rules-list.js');
      if (o.json) printJson(listRules());
      else process.stdout.write(`${formatRulesTable()}\n`);
    });

  program
    .command('compose <input>')
    .description('compose the disclosure (tables, 情况说明, performance tables) from a JSON or XLSX input')
    .requiredOption('--out <dir>', 'output folder')
    .option('--format <formats>', 'comma-separated: html,docx,xlsx,pdf,txt', 'html,docx,xlsx')
    .action(async (input: string, o: { out: string; format: string }) => {
      const { composeFromFile } = await import('./compose-command.js');
      await composeFromFile(input, o.out, list(o.format));
    });

  program
    .command('template')
    .description('write the empty input workbook in the official layout (one sheet per table)')
    .option('--out <file>', 'where to write it', 'juesuan-template.xlsx')
    .option('--kind <kind>', 'final-accounts (部门决算) or budget (部门预算/单位预算)', 'final-accounts')
    .action(async (o: { out: string; kind: string }) => {
      const { writeTemplate } = await import('./compose-command.js');
      await writeTemplate(o.out, o.kind);
    });

  program
    .command('import <paths...>')
    .description('import files and folders into the corpus (SQLite under ./data, or DATABASE_URL)')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--jobs <n>', 'documents read at once (default: the cores)')
    .option('--redis <url>', 'queue the documents for `juesuan worker`s instead (default: JUESUAN_REDIS_URL; a batch id is printed)')
    .option('--no-wait', 'with a queue: return once queued (follow with `juesuan batch status ID`)')
    .action(async (paths: string[], o: { db?: string; jobs?: string; redis?: string; wait: boolean }) => {
      const { queueUrl, importQueued } = await import('./queue-commands.js');
      if (queueUrl(o.redis)) return importQueued(paths, { ...(o.db && { db: o.db }), ...(o.redis && { redis: o.redis }), wait: o.wait });
      const { importCommand } = await import('./import-command.js');
      const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
      await importCommand(paths, o.db, jobs && Number.isInteger(jobs) && jobs > 0 ? jobs : undefined);
    });

  registerQueueCommands(program);

  program
    .command('serve')
    .description('serve the REST API and the web application')
    .option('--port <n>', 'port', process.env.PORT ?? '8080')
    .option('--host <h>', 'host', '127.0.0.1')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--demo', 'load the demo corpus (the composer examples) when the store is empty')
    .action(async (o: { port: string; host: string; db?: string; demo?: boolean }) => {
      const { serveCommand } = await import('./serve-command.js');
      await serveCommand({ port: Number(o.port), host: o.host, ...(o.db && { db: o.db }), demo: o.demo === true });
    });
}
