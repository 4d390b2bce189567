/**
 * Where a command's time goes, without a profiler's distortion: with JUESUAN_TIMING=1 each phase
 * (node's start-up, loading the code, reading, recognising, checking, reporting) is marked and one
 * line goes to stderr at exit, e.g.
 *   juesuan timing: start 88 · loaded 96 · read 141 · assembled 45 · checked 22 · reported 3 · total 395 ms
 * Off by default (no clock is read). The bin marks its own phases on the same list (globalThis).
 */
type Mark = [name: string, ms: number];

const list: Mark[] | undefined = process.env.JUESUAN_TIMING === '1' ? (((globalThis as { __juesuanTiming?: Mark[] }).__juesuanTiming ??= [])) : undefined;

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
