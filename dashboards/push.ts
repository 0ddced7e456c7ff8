import { CodedError } from '../src/errors.js';
import { renderDashboards } from './build.js';

export interface PushOptions {
  grafanaUrl: string;
  /** A Grafana service-account token (Editor on the folder). */
  token: string;
  /** Folder to put the dashboards in; none: the General folder. */
  folderUid?: string;
  message?: string;
}

export interface PushResult {
  uid: string;
  title: string;
  url: string;
  version: number;
}

/**
 * Creates or replaces every dashboard through Grafana's HTTP API (POST /api/dashboards/db with overwrite), one
 * request per dashboard. Stops at the first refusal with IPO_ERR_GRAFANA_PUSH_FAILED naming the dashboard and
 * Grafana's answer; the ones before it are already in place (a push is idempotent, so run it again).
 */
export async function pushDashboards(options: PushOptions): Promise<PushResult[]> {
  const base = options.grafanaUrl.replace(/\/+$/, '');
  const results: PushResult[] = [];
  for (const { uid, title, dashboard } of renderDashboards()) {
    const body = { dashboard: { ...dashboard, id: null }, overwrite: true, message: options.message ?? 'ipo-observer dashboards push', ...(options.folderUid && { folderUid: options.folderUid }) };
    let response: Response;
    try {
      response = await fetch(`${base}/api/dashboards/db`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new CodedError('IPO_ERR_GRAFANA_PUSH_FAILED', `cannot reach Grafana at ${base} to push dashboard ${uid}: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new CodedError('IPO_ERR_GRAFANA_PUSH_FAILED', `Grafana refused dashboard ${uid} (HTTP ${response.status}): ${text.slice(0, 300)}${hint(response.status)}`);
    }
    const answer = safeJson(text);
    results.push({ uid, title, url: typeof answer['url'] === 'string' ? answer['url'] : '', version: typeof answer['version'] === 'number' ? answer['version'] : 0 });
  }
  return results;
}

function hint(status: number): string {
  if (status === 401) return ' (check --token: a Grafana service-account token)';
  if (status === 403) return ' (the token needs the Editor role on the folder)';
  if (status === 404) return ' (check --grafana-url, and --folder-uid if given)';
  return '';
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
