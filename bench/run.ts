// Runs every benchmark (bench/<name>/benchmark.ts) and rewrites BENCHMARKS.md.
//   node --import tsx bench/run.ts [name...]     (npm run bench)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// A run of some benchmarks keeps the other sections as they were; each section says when it was measured.
const stamp = `_Measured ${machine.date} at commit ${machine.commit}, load average ${machine.loadAverage} at the start._`;
const sections = new Map(previousSections());
for (const report of reports) sections.set(report.title, `${stamp}\n\n${report.markdown.trimEnd()}`);

const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (`node --import tsx bench/run.ts [name…]`); do not edit by hand. Every figure stands beside the',
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
  '',
  ...[...sections].flatMap(([title, body]) => [`## ${title}`, '', body, '']),
];
writeFileSync(OUTPUT, lines.join('\n'));
console.log(`wrote ${OUTPUT}`);

/** The `## ` sections of the current BENCHMARKS.md, in order (none if it does not exist yet). */
function previousSections(): Array<[string, string]> {
  if (!existsSync(OUTPUT)) return [];
  const found: Array<[string, string]> = [];
  for (const chunk of readFileSync(OUTPUT, 'utf8').split(/^## /m).slice(1)) {
    const newline = chunk.indexOf('\n');
    found.push([chunk.slice(0, newline).trim(), chunk.slice(newline + 1).trim()]);
  }
  return found;
}
