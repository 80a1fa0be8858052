import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * True when the request's Origin is exactly the server's own: PUBLIC_URL's origin, or this
 * request's scheme and Host. An exact string comparison of the serialized origin (what browsers
 * send): parsing it first would let `https://` for `http://`, `http://x@host`, a path, a trailing
 * dot or an IP written as a number pass for the same origin.
 */
export function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  const own = new URL(publicUrl).origin;
  return origin === own || (!!req.headers.host && origin === `${req.protocol}://${req.headers.host}`);
}

/** Parses with zod; on failure sends 400 with the first issue and returns null. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.infer<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  void reply.code(400).send({ error: 'bad_request', message: `${where}${issue?.message ?? 'invalid input'}` });
  return null;
}

/**
 * A refusal of an HTTP request with its status and a code of its own (the error handler sends
 * `{ error, message }`, and a Retry-After header in seconds when `retryAfterMs` is set).
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
