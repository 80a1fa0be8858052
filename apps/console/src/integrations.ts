/** The console's calls for webhooks and API keys (admins; same origin, the session cookie rides along). */
import type { ApiKey, ApiKeyCreated, WebhookCreated, WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointPatch, WebhookEventType } from '@parla/protocol/api';
import { WEBHOOK_EVENTS } from '@parla/protocol/constants';
import { request } from './api.ts';

const enc = encodeURIComponent;

export const integrationsApi = {
  endpoints: (siteId: string) => request<WebhookEndpoint[]>('GET', `/api/sites/${enc(siteId)}/webhooks`),
  createEndpoint: (siteId: string, body: WebhookEndpointInput) => request<WebhookCreated>('POST', `/api/sites/${enc(siteId)}/webhooks`, body),
  updateEndpoint: (id: string, body: WebhookEndpointPatch) => request<WebhookEndpoint>('PATCH', `/api/webhooks/${enc(id)}`, body),
  deleteEndpoint: (id: string) => request<void>('DELETE', `/api/webhooks/${enc(id)}`),
  secret: (id: string) => request<{ endpointId: string; secret: string }>('GET', `/api/webhooks/${enc(id)}/secret`),
  rotateSecret: (id: string) => request<{ endpointId: string; secret: string }>('POST', `/api/webhooks/${enc(id)}/secret/rotate`),
  deliveries: (id: string) => request<WebhookDelivery[]>('GET', `/api/webhooks/${enc(id)}/deliveries?limit=50`),
  delivery: (id: string) => request<WebhookDeliveryDetail>('GET', `/api/webhook-deliveries/${enc(id)}`),
  redeliver: (id: string) => request<WebhookDelivery>('POST', `/api/webhook-deliveries/${enc(id)}/redeliver`),
  keys: (siteId: string) => request<ApiKey[]>('GET', `/api/sites/${enc(siteId)}/api-keys`),
  createKey: (siteId: string, name: string) => request<ApiKeyCreated>('POST', `/api/sites/${enc(siteId)}/api-keys`, { name }),
  revokeKey: (id: string) => request<ApiKey>('DELETE', `/api/api-keys/${enc(id)}`),
};

/** The webhook events, from the zod-free @parla/protocol/constants (one definition). */
export const ALL_EVENTS: readonly WebhookEventType[] = WEBHOOK_EVENTS;

/** Toggles one event in a subscription list, keeping the canonical order. */
export function toggleEvent(events: readonly WebhookEventType[], e: WebhookEventType, on: boolean): WebhookEventType[] {
  const set = new Set(events);
  if (on) set.add(e);
  else set.delete(e);
  return ALL_EVENTS.filter((x) => set.has(x));
}
