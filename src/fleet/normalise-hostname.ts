/** Host names compare case-insensitively, and a fully qualified name may end with a dot. */
export function normaliseHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}
