import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../../api/auth/principal.js';
import type { ApiDeps } from '../../api/deps.js';
import { escapeHtml } from '../html.js';
import { renderPage, type PageInput } from '../layout.js';

/** Pages reload themselves this often without JavaScript; with it, live.js updates them as alarms change. */
export const NO_SCRIPT_REFRESH_SECONDS = 30;

/** ?wall=1 (any value but 0) switches to large type for a wall display. */
export function wallOf(request: FastifyRequest): boolean {
  const wall = (request.query as Record<string, unknown> | undefined)?.['wall'];
  return typeof wall === 'string' && wall !== '' && wall !== '0';
}

/** Sends a page in the common shell, with the signed-in principal, the version and wall mode filled in. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<ApiDeps, 'version'>,
  page: Omit<PageInput, 'principal' | 'version' | 'wall'>,
  status = 200,
): FastifyReply {
  const html = renderPage({ ...page, principal: principalOf(request), version: deps.version, wall: wallOf(request) });
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

export function sendNotFoundPage(request: FastifyRequest, reply: FastifyReply, deps: Pick<ApiDeps, 'version'>, section: PageInput['section'], what: string): FastifyReply {
  return sendPage(request, reply, deps, { title: 'Not found', section, body: `<p class="error">${escapeHtml(what)}</p>` }, 404);
}
