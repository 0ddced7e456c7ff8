import type { FastifyRequest } from 'fastify';

/**
 * Did our own pages send this change? SameSite=Strict keeps the session cookie off other sites' requests, but with
 * authentication off there is no cookie, so the browser's own word is checked: Sec-Fetch-Site, and Origin when it
 * names a host (under our Referrer-Policy: no-referrer it is often "null"). Clients that send neither (curl, tests)
 * pass: they are not browsers tricked by a page. Used by the auth hook for signed-in changes and by the web UI's
 * form posts.
 */
export function postedFromThisSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    // Through URL on both sides, so "host:80" and "host" compare equal.
    const scheme = new URL(origin).protocol;
    return new URL(origin).host === new URL(`${scheme}//${request.headers.host ?? ''}`).host;
  } catch {
    return false;
  }
}
