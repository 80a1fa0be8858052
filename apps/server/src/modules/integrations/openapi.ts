/**
 * The OpenAPI 3.1 document of the REST API, generated from the route table (rest.ts) and its zod
 * schemas with zod's own JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12). The
 * webhooks are described too (OpenAPI 3.1 `webhooks`): the signed body each event POSTs.
 */
import { WEBHOOK_EVENTS, WebhookPayload } from '@parla/protocol/api';
import { HttpError } from '@parla/protocol';
import { z } from 'zod';
import type { ApiRoute } from './rest.ts';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

/** Query or path parameters from an object schema: one parameter per property. */
function parameters(schema: z.ZodType, where: 'path' | 'query'): Json[] {
  const js = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s as { description?: string };
    return { name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const ERRORS: Record<number, string> = {
  400: 'The input was refused; `message` says why',
  401: 'No API key, or an unknown or revoked one',
  404: "No such resource in the key's site",
  409: 'Not possible in the current state (a resolved conversation, a clientId used elsewhere)',
  429: 'Too many requests with this key; retry after the Retry-After header',
};

export function openApiDocument(routes: ApiRoute[], publicUrl: string): Json {
  const schemas: Record<string, Json> = { Error: schemaOf(HttpError, 'output'), WebhookPayload: schemaOf(WebhookPayload, 'output') };
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, Json> = {};
    if (r.response) {
      schemas[r.response.name] = schemaOf(r.response.schema, 'output');
      responses[String(r.status)] = { description: r.summary, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.response.name}` } } } };
    } else {
      responses[String(r.status)] = { description: r.summary };
    }
    const codes = [...(r.params || r.query || r.body ? [400] : []), 401, ...(r.errors ?? []), 429];
    for (const c of codes) responses[String(c)] = { $ref: `#/components/responses/E${c}` };
    const op: Json = {
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      parameters: [...(r.params ? parameters(r.params, 'path') : []), ...(r.query ? parameters(r.query, 'query') : [])],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } } } : {}),
      responses,
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }

  const webhookHeaders = [
    { name: 'X-Parla-Event', in: 'header', required: true, schema: { type: 'string', enum: [...WEBHOOK_EVENTS] }, description: 'The event type (also `type` in the body)' },
    { name: 'X-Parla-Delivery', in: 'header', required: true, schema: { type: 'string' }, description: 'The delivery id: the same on every retry; dedupe by it' },
    { name: 'X-Parla-Attempt', in: 'header', required: true, schema: { type: 'integer', minimum: 1 }, description: '1 for the first attempt' },
    {
      name: 'X-Parla-Signature',
      in: 'header',
      required: true,
      schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' },
      description: '`t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint secret>`; refuse a t far from now (replay)',
    },
  ];
  const webhooks = Object.fromEntries(
    WEBHOOK_EVENTS.map((e) => [
      e,
      {
        post: {
          operationId: `webhook_${e.replace('.', '_')}`,
          summary: `The ${e} event`,
          parameters: webhookHeaders,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookPayload' } } } },
          responses: { '200': { description: 'Any 2xx acknowledges; anything else (or no answer within the timeout) is retried with backoff' } },
        },
      },
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Parla REST API',
      version: '1',
      description:
        'Per-site API keys (created and revoked by admins in the console, Settings → Webhooks & API) are sent as `Authorization: Bearer pk_...`. ' +
        "Every resource is the key's site's; another site's answers 404. Times are epoch milliseconds.",
    },
    servers: [{ url: publicUrl }],
    security: [{ apiKey: [] }],
    tags: [{ name: 'Conversations' }, { name: 'Visitors' }, { name: 'FAQ' }, { name: 'Metrics' }],
    paths,
    webhooks,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A site API key, pk_...' } },
      schemas,
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([c, d]) => [`E${c}`, { description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
  };
}
