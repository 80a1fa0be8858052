import type { Store } from '@parla/db';
import { newToken } from '../../lib/crypto.ts';

/** Applies SITE_ORIGINS: creates missing sites, replaces the allowlist of existing ones. */
export function applySiteOrigins(store: Store, sites: Record<string, string[]>, now: number): void {
  for (const [id, origins] of Object.entries(sites)) {
    if (!store.setSiteOrigins(id, origins)) {
      store.upsertSite({ id, name: id, allowedOrigins: origins, secret: newToken(), routingMode: 'auto', createdAt: now });
    }
  }
}
