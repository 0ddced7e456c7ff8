/** The label for senders beyond the cap. */
export const OTHER_SOURCES = 'other';

/**
 * Bounds the `source` label of per-sender metrics: the first `max` distinct
 * addresses get their own series, later ones share "other". A fleet has a
 * known size; a scan or a spoofed flood must not grow /metrics without end.
 */
export function createSourceLabels(max = 1000): (address: string) => string {
  const tracked = new Set<string>();
  return (address) => {
    if (tracked.has(address)) return address;
    if (tracked.size >= max) return OTHER_SOURCES;
    tracked.add(address);
    return address;
  };
}
