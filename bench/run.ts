// Runs every benchmark (bench/<name>/benchmark.ts) and rewrites BENCHMARKS.md.
//   node --import tsx bench/run.ts [name...]     (npm run bench)
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchmarkReport } from './benchmark.js';
import { machineInfo } from './machine.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));

const only = process.argv.slice(2);
const names = readdirSync(BENCH, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${BENCH}${entry.name}/benchmark.ts`))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const machine = machineInfo();
const reports: BenchmarkReport[] = [];
for (const name of names) {
  const { benchmark } = (await import(pathToFileURL(`${BENCH}${name}/benchmark.ts`).href)) as { benchmark: Benchmark };
  console.log(`== ${name}`);
  reports.push(await benchmark.run((line) => console.log(`   ${line}`)));
}

const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (`node --import tsx bench/run.ts`); do not edit by hand. Every figure stands beside the',
  'references measured in the same run on the same machine, so ratios compare like with like; absolute numbers only',
  'describe this machine.',
  '',
  '| machine | |',
  '|---|---|',
  `| CPU | ${machine.cpu} |`,
  `| cores | ${machine.cores} |`,
  `| memory | ${machine.memoryGiB} GiB |`,
  `| kernel | Linux ${machine.kernel}, net.core.rmem_max ${machine.rmemMax ?? 'unknown'} |`,
  `| Node.js | ${machine.node} |`,
  `| date | ${machine.date} (load average ${machine.loadAverage} at the start) |`,
  `| commit | ${machine.commit} |`,
  '',
  ...reports.flatMap((report) => [`## ${report.title}`, '', report.markdown.trimEnd(), '']),
];
writeFileSync(OUTPUT, lines.join('\n'));
console.log(`wrote ${OUTPUT}`);
