// Known-issue matcher cost per event: 100,000 events against rules/known-issues.yaml.
//   node --import tsx bench/rule-matcher/benchmark.ts [events]     (alone, prints the figures)
//   node --import tsx bench/run.ts rule-matcher                    (with the others, into BENCHMARKS.md)
import { loadKnownIssues } from '../../rules/load.js';
import { createRuleMatcher } from '../../rules/matcher.js';
import type { Benchmark } from '../benchmark.js';
import { measureRuleMatcher, type Measurement } from './measure.js';

const EVENTS = 100_000;

function report(rules: number, count: number, rows: Measurement[]): string {
  const reference = rows[0]!.eventsPerSecond;
  return [
    `${rules} rules of \`rules/known-issues.yaml\`, ${count.toLocaleString('en-GB')} events per row, one thread. The reference only lower-cases each event's text.`,
    '',
    '| run | events/s | µs/event | vs reference | matches |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.label} | ${row.eventsPerSecond.toLocaleString('en-GB')} | ${row.microsecondsPerEvent.toFixed(2)} | ${(row.eventsPerSecond / reference).toFixed(3)} | ${row.matches} |`),
  ].join('\n');
}

/** bench/run.ts finds this. */
export const benchmark: Benchmark = {
  name: 'rule-matcher',
  run: async (progress, { quick }) => {
    const events = quick ? 10_000 : EVENTS;
    const matcher = createRuleMatcher(loadKnownIssues('rules/known-issues.yaml'));
    const rows = measureRuleMatcher(matcher, events);
    for (const row of rows) progress(`${row.label}: ${row.eventsPerSecond} events/s`);
    return { title: 'Known-issue rule matcher', markdown: report(matcher.size, events, rows) };
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? EVENTS);
  const matcher = createRuleMatcher(loadKnownIssues('rules/known-issues.yaml'));
  console.log(report(matcher.size, count, measureRuleMatcher(matcher, count)));
}
