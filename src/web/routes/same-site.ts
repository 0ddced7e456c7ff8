import type { FastifyRequest } from 'fastify';

/**
 * A form post must come from our own pages. With authentication off there is no SameSite cookie to keep another
 * site's form out, so the browser's own word is checked: Sec-Fetch-Site, and Origin when it names a host (under
 * our Referrer-Policy it is often "null"). Clients that send neither (curl, tests) pass: they are not browsers
 * tricked by a page. (The same rule guards signed-in changes in src/api/auth/auth-hook.ts.)
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
