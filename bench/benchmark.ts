/**
 * The contract of a benchmark that bench/run.ts runs: a folder bench/<name>/
 * with a benchmark.ts exporting `benchmark`. It measures its own figures and
 * the references it compares them with in the same run, and returns the
 * Markdown section for BENCHMARKS.md.
 */
export interface Benchmark {
  /** The folder name. */
  name: string;
  run(progress: (line: string) => void, options: RunOptions): Promise<BenchmarkReport>;
}

export interface RunOptions {
  /** `--quick`: a smoke run with small sizes, to see that the benchmark still works; its figures are not kept. */
  quick: boolean;
}

export interface BenchmarkReport {
  /** Section heading in BENCHMARKS.md. */
  title: string;
  /** The section body: method, table, ratios. */
  markdown: string;
}
