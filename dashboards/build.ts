import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS } from './all.js';

/** Where the checked-in JSON lives; `ipo-observer dashboards build` without --out rewrites it. */
export const GENERATED_DIR = fileURLToPath(new URL('./generated/', import.meta.url));

export interface RenderedDashboard {
  uid: string;
  title: string;
  file: string;
  dashboard: Dashboard;
  /** Pretty-printed JSON with a final newline, exactly as written to disk. */
  json: string;
}

/** Builds every dashboard. Pure: the same sources give the same bytes (the generated-JSON test relies on it). */
export function renderDashboards(): RenderedDashboard[] {
  return DASHBOARDS.map((make) => {
    const dashboard = make().build();
    const uid = dashboard.uid ?? '';
    return { uid, title: dashboard.title ?? uid, file: `${uid}.json`, dashboard, json: `${JSON.stringify(dashboard, null, 2)}\n` };
  });
}

/** Writes <uid>.json for every dashboard into dir (created if missing); returns the paths. */
export function writeDashboards(dir: string = GENERATED_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return renderDashboards().map(({ file, json }) => {
    const path = join(dir, file);
    writeFileSync(path, json);
    return path;
  });
}
