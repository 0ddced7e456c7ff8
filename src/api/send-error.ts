import type { FastifyReply } from 'fastify';
import { CodedError, type ErrorCode } from '../errors.js';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  IPO_ERR_NOT_FOUND: 404,
  IPO_ERR_BAD_REQUEST: 400,
  IPO_ERR_CONFLICT: 409,
  IPO_ERR_UNAUTHORIZED: 401,
  IPO_ERR_FORBIDDEN: 403,
  IPO_ERR_RATE_LIMITED: 429,
  IPO_ERR_PAYLOAD_TOO_LARGE: 413,
  IPO_ERR_SSA_SNAPSHOT_INVALID: 422,
  IPO_ERR_OVERLOADED: 503,
};

/** Every API error has the same shape: { error: { code, message } }, with a stable code. */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof CodedError) {
    return reply.code(STATUS_BY_CODE[error.code] ?? 500).send({ error: { code: error.code, message: error.message } });
  }
  const fastifyError = error as { validation?: unknown; statusCode?: number; message?: string };
  // Fastify's own 413 (a body over bodyLimit, on any route): the coded error, so clients see one shape.
  if (fastifyError.statusCode === 413) {
    return reply.code(413).send({ error: { code: 'IPO_ERR_PAYLOAD_TOO_LARGE', message: `the request body is larger than this endpoint accepts (${fastifyError.message ?? 'too large'})` } });
  }
  if (fastifyError.validation || fastifyError.statusCode === 400) {
    return reply.code(400).send({ error: { code: 'IPO_ERR_BAD_REQUEST', message: fastifyError.message ?? 'bad request' } });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.code(fastifyError.statusCode).send({ error: { code: 'IPO_ERR_BAD_REQUEST', message: fastifyError.message ?? 'bad request' } });
  }
  reply.log.error({ err: error }, 'unhandled error in an HTTP handler');
  return reply.code(500).send({ error: { code: 'IPO_ERR_INTERNAL', message: 'internal error; see the server log' } });
}
