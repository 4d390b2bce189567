import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory (bytes): VmHWM of /proc/self/status, the high-water mark of
 * the memory the process has mapped since its exec. Not `process.resourceUsage().maxRSS`: on Linux
 * getrusage's ru_maxrss carries over the memory of the process that forked it, as it was at the fork
 * (the kernel keeps the larger of the old and the new high-water marks across exec). A fuzz worker
 * forked while the runner briefly held 2.4 GB reported 2.4 GB for every case it ran (17 false
 * "memory" outcomes in the run of seed 201). Falls back on maxRSS where there is no /proc.
 */
export function ownPeakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // no /proc (not Linux)
  }
  return process.resourceUsage().maxRSS * 1024;
}
