/**
 * Bytes the server refused lately (by their sha256), with the reason: the same hostile or broken file
 * sent again is refused at once instead of costing a worker the same seconds again. Bounded in count
 * (the oldest go first) and in time (a reader fixed by an upgrade is a restart away anyway; the time
 * bound keeps the memory of a long-running server fresh).
 */
export class RecentRefusals {
  private readonly map = new Map<string, { reason: string; at: number }>();

  constructor(private readonly o: { max?: number; ttlMs?: number; now?: () => number } = {}) {}

  get(sha: string): string | undefined {
    const e = this.map.get(sha);
    if (!e) return undefined;
    if (this.now() - e.at > (this.o.ttlMs ?? 600_000)) {
      this.map.delete(sha);
      return undefined;
    }
    return e.reason;
  }

  set(sha: string, reason: string): void {
    this.map.delete(sha);
    this.map.set(sha, { reason, at: this.now() });
    const max = this.o.max ?? 1000;
    while (this.map.size > max) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }
}
