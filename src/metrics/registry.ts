/**
 * A small Prometheus text-format registry: counters and gauges with labels.
 * Our own because we need a dozen series, not a client library's process
 * metrics and global default registry.
 */
export type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, { labels: Labels; value: number }>;
  collect?: () => Array<{ labels: Labels; value: number }>;
}

export class Counter {
  constructor(private readonly family: Family) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const entry = this.family.values.get(key);
    if (entry) entry.value += by;
    else this.family.values.set(key, { labels: { ...labels }, value: by });
  }

  get(labels: Labels = {}): number {
    return this.family.values.get(labelKey(labels))?.value ?? 0;
  }

  /** Makes a series visible at 0 before the first increment, so rates start from a known point. */
  touch(labels: Labels = {}): void {
    this.inc(labels, 0);
  }
}

export class MetricsRegistry {
  private readonly families = new Map<string, Family>();

  counter(name: string, help: string): Counter {
    return new Counter(this.register({ name, help, type: 'counter', values: new Map() }));
  }

  /** A gauge read when scraped, so it is never stale. */
  gauge(name: string, help: string, collect: () => Array<{ labels: Labels; value: number }>): void {
    this.register({ name, help, type: 'gauge', values: new Map(), collect });
  }

  /** Every current sample, for exporters other than /metrics (the InfluxDB sink samples them periodically). */
  samples(): Array<{ name: string; type: 'counter' | 'gauge'; labels: Labels; value: number }> {
    return [...this.families.values()].flatMap((family) =>
      (family.collect ? family.collect() : [...family.values.values()]).map((sample) => ({ name: family.name, type: family.type, labels: sample.labels, value: sample.value })),
    );
  }

  render(): string {
    const lines: string[] = [];
    for (const family of this.families.values()) {
      lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      lines.push(`# TYPE ${family.name} ${family.type}`);
      const samples = family.collect ? family.collect() : [...family.values.values()];
      for (const sample of samples) lines.push(`${family.name}${renderLabels(sample.labels)} ${formatValue(sample.value)}`);
    }
    return lines.join('\n') + '\n';
  }

  private register(family: Family): Family {
    const existing = this.families.get(family.name);
    if (existing) {
      if (existing.type !== family.type) throw new Error(`metric ${family.name} registered twice with different types`);
      return existing;
    }
    this.families.set(family.name, family);
    return family;
  }
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0000');
}

function renderLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  const body = keys.map((k) => `${k}="${escapeLabelValue(labels[k] ?? '')}"`).join(',');
  return `{${body}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
