import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** True when the request's Origin is the server's own (its Host) or PUBLIC_URL's origin. */
export function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    const u = new URL(origin);
    return u.host === req.headers.host || u.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
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
