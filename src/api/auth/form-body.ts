import type { FastifyInstance } from 'fastify';

const FORM_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * HTML forms post application/x-www-form-urlencoded; fastify has no parser for it. Repeated fields keep the last
 * value: our forms have none, and a flat object is what route schemas validate.
 */
export function addFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
