import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  message?: string;
}

/**
 * Retries fn until it returns without throwing, then returns its value.
 * Tests wait with this instead of fixed sleeps: fast when things are fast,
 * and the last assertion error explains a timeout.
 */
export async function eventually<T>(fn: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  // Generous: a busy CI machine can be several times slower than a quiet one; a wait that succeeds returns at once.
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`${options.message ?? 'condition not met'} within ${timeoutMs} ms: ${detail}`, { cause: lastError });
    }
    await delay(intervalMs);
  }
}
