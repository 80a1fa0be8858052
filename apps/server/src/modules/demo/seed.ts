import type { Services } from '../../app.ts';
import { newToken } from '../../lib/crypto.ts';

export const DEMO_SITE = 'demo';
export const DEMO_AGENT = { email: 'agent@demo.parla.chat', password: 'parla-demo-2026', name: 'Giulia' };

/** On first start (no site, no agent) creates the demo site and the demo agent. */
export async function seedDemo(s: Services, shopOrigins: string[]): Promise<boolean> {
  const at = Date.now();
  let seeded = false;
  if (!s.store.getSite(DEMO_SITE)) {
    await s.commit.run(() =>
      s.store.upsertSite({ id: DEMO_SITE, name: 'Demo shop', allowedOrigins: shopOrigins, secret: newToken(), createdAt: at }),
    );
    seeded = true;
  }
  if (s.store.countAgents() === 0) {
    await s.agents.create({ ...DEMO_AGENT, role: 'admin', maxChats: 5 });
    seeded = true;
  }
  return seeded;
}
