/**
 * The contract of a benchmark that bench/run.ts runs: a folder bench/<name>/
 * with a benchmark.ts exporting `benchmark`. It measures its own figures and
 * the references it compares them with in the same run, and returns the
 * Markdown section for BENCHMARKS.md.
 */
export interface Benchmark {
  /** The folder name. */
  name: string;
  run(progress: (line: string) => void): Promise<BenchmarkReport>;
}

export interface BenchmarkReport {
  /** Section heading in BENCHMARKS.md. */
  title: string;
  /** The section body: method, table, ratios. */
  markdown: string;
}
