const FALLBACK = '/';

/**
 * Where to go after signing in: only a path on this site ("/alarms?x=1"), never "//evil.example" or
 * "https://…" (an open redirect would make our login page a phishing tool).
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return FALLBACK;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return FALLBACK;
  if (/[\u0000-\u001f\\]/.test(next)) return FALLBACK;
  if (next.startsWith('/login') || next.startsWith('/logout')) return FALLBACK;
  return next;
}
