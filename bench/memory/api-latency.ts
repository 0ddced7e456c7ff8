import { nowMs } from '../shared/latency-summary.js';

export interface ApiTiming {
  /** The first request: nothing cached yet for it. */
  first: number;
  /** The following requests, ms each. */
  rest: number[];
  /** Items in the answer's list (the first page). */
  items: number;
  bytes: number;
}

/** GETs `url` 1 + `repeats` times, one after the other, timing each from the call to the last byte of the body. */
export async function timeGets(url: string, repeats: number, listKey: string): Promise<ApiTiming> {
  const times: number[] = [];
  let items = 0;
  let bytes = 0;
  for (let i = 0; i <= repeats; i++) {
    const started = nowMs();
    const response = await fetch(url);
    const body = await response.text();
    times.push(nowMs() - started);
    if (response.status !== 200) throw new Error(`GET ${url} -> ${response.status}: ${body.slice(0, 300)}`);
    const list = (JSON.parse(body) as Record<string, unknown>)[listKey];
    items = Array.isArray(list) ? list.length : 0;
    bytes = Buffer.byteLength(body);
  }
  return { first: times[0]!, rest: times.slice(1), items, bytes };
}

/** Waits until the outbox has no pending row (the notifier has taken every change), at most timeoutMs; false if it had not. */
export async function outboxDrained(httpUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { notifications } = JSON.parse(await getTextRetrying(`${httpUrl}/api/v1/notifications?status=pending&limit=1`)) as { notifications: unknown[] };
    if (notifications.length === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * GET, once more after a network error: a kept-alive connection the server
 * closes just as a busy client reuses it resets (ECONNRESET), which says
 * nothing about the program.
 */
export async function getTextRetrying(url: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${url} -> ${response.status}: ${body.slice(0, 300)}`);
      return body;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
    }
  }
}
