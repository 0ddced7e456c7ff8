// Loaded into the real program with `node --expose-gc --import bench/memory/gc-probe.mjs bin/ipo-observer.js …`.
// On SIGUSR2 it collects garbage (twice: the first pass may leave finalisable objects for the second) and writes
// process.memoryUsage() as JSON to $IPO_BENCH_MEMORY_FILE (written aside, then renamed, so a reader never sees half).
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.IPO_BENCH_MEMORY_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    globalThis.gc();
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}
