import type { LicenceEngine } from './engine.js';

/** Checks the countdowns every interval (grace expiry, the daily reminders). Returns a function that stops it. */
export function startLicenceTimer(engine: Pick<LicenceEngine, 'tick'>, intervalSeconds: number): () => void {
  const timer = setInterval(() => engine.tick(), intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
