// Runs every benchmark (bench/<name>/benchmark.ts) and rewrites BENCHMARKS.md.
//   node --import tsx bench/run.ts [--quick] [name...]     (npm run bench; npm run bench -- --quick)
// --quick: a smoke run with small sizes that prints the sections and leaves BENCHMARKS.md alone.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchmarkReport } from './benchmark.js';
import { machineInfo } from './machine.js';
import { isoSeconds, loadNow, sectionStamp } from './stamp.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));

const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((arg) => arg !== '--quick');
const names = readdirSync(BENCH, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${BENCH}${entry.name}/benchmark.ts`))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
const unknown = only.filter((name) => !names.includes(name));
if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}: each is a folder bench/<name>/ with a benchmark.ts`);

const machine = machineInfo();
const reports: Array<{ report: BenchmarkReport; stamp: string }> = [];
const failed: string[] = [];
for (const name of names) {
  const { benchmark } = (await import(pathToFileURL(`${BENCH}${name}/benchmark.ts`).href)) as { benchmark: Benchmark };
  console.log(`== ${name} (load average ${loadNow()})`);
  const started = { date: isoSeconds(new Date()), loadAtStart: loadNow() };
  try {
    const report = await benchmark.run((line) => console.log(`   ${line}`), { quick });
    reports.push({ report, stamp: sectionStamp({ ...started, commit: machine.commit, loadAtEnd: loadNow(), cores: machine.cores }) });
  } catch (error) {
    // One broken benchmark does not cost the others their figures; its old section stays, and the run fails.
    console.error(`   ${name} failed:`, error);
    failed.push(name);
  }
}

if (quick) {
  for (const { report, stamp } of reports) console.log(`\n## ${report.title} (quick run, not kept)\n\n${stamp}\n\n${report.markdown.trimEnd()}`);
  if (failed.length > 0) console.error(`failed: ${failed.join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
}

// A run of some benchmarks keeps the other sections as they were; each section says when it was measured.
const sections = new Map(previousSections());
for (const { report, stamp } of reports) sections.set(report.title, `${stamp}\n\n${report.markdown.trimEnd()}`);

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
  `| last run | ${machine.date}, commit ${machine.commit}, load average ${machine.loadAverage} at the start; ${only.length === 0 ? 'every benchmark' : names.join(', ')}${failed.length ? ` (failed, kept from before: ${failed.join(', ')})` : ''} |`,
  '',
  ...[...sections].flatMap(([title, body]) => [`## ${title}`, '', body, '']),
];
writeFileSync(OUTPUT, lines.join('\n'));
console.log(`wrote ${OUTPUT}`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}

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
