/**
 * Where a command's time goes, without a profiler's distortion: with JUESUAN_TIMING=1 each phase
 * (node's start-up, loading the code, reading, recognising, checking, reporting) is marked and one
 * line goes to stderr at exit, e.g. for a PDF
 *   juesuan timing: start 88 · compiled 45 · initialised 23 · pdf pages 121 · read 8 · assembled 33 · checked 20 · reported 4 · exit 1 · total 340 ms
 * The bin (bin/juesuan.cjs) starts the list on globalThis and marks its own phases; without it (tests,
 * a pool's worker threads, which have a global object of their own) nothing is marked. Off by
 * default: no clock is read.
 */
type Mark = [name: string, ms: number];

const list: Mark[] | undefined = process.env.JUESUAN_TIMING === '1' ? (globalThis as { __juesuanTiming?: Mark[] }).__juesuanTiming : undefined;

if (list) {
  process.once('exit', () => {
    const parts: string[] = [];
    let prev = 0;
    for (const [name, at] of list) {
      parts.push(`${name} ${Math.round(at - prev)}`);
      prev = at;
    }
    parts.push(`exit ${Math.round(performance.now() - prev)}`, `total ${Math.round(performance.now())} ms`);
    process.stderr.write(`juesuan timing: ${parts.join(' · ')}\n`);
  });
}

/** Ends a phase: the time since the previous mark (the first: since the process started) is `name`'s. */
export function mark(name: string): void {
  list?.push([name, performance.now()]);
}
