import { readFileSync } from 'node:fs';
import { FaqList } from '@parla/protocol';
import type { Services } from '../../app.ts';
import { newToken } from '../../lib/crypto.ts';
import { seedDemoHistory } from './history.ts';

export const DEMO_SITE = 'demo';
export const DEMO_AGENT = { email: 'agent@demo.parla.chat', password: 'parla-demo-2026', name: 'Giulia' };
export const DEMO_AGENT_2 = { email: 'marco@demo.parla.chat', password: 'parla-demo-2026', name: 'Marco' };
export const DEMO_DEPARTMENTS = [
  { id: 'demo-orders', name: 'Orders & shipping', urgency: 0 },
  { id: 'demo-technical', name: 'Technical help', urgency: 1 },
];

/**
 * On first start (no site, no agent) creates the demo site, two departments, the demo FAQ and two
 * agents: Giulia (admin, both departments) and Marco (technical help). With `historyDays`, a fresh
 * install also gets that many days of sample conversations (marked as demo data in the reports).
 */
export async function seedDemo(s: Services, shopOrigins: string[], opts: { historyDays?: number } = {}): Promise<boolean> {
  const at = Date.now();
  let seeded = false;
  if (!s.store.getSite(DEMO_SITE)) {
    await s.commit.run(() => {
      s.store.upsertSite({
        id: DEMO_SITE,
        name: 'Demo shop',
        allowedOrigins: shopOrigins,
        secret: newToken(),
        routingMode: 'auto',
        // The pre-chat form offers the departments; always open, so the demo works at any hour;
        // the FAQ bot answers when no agent is online.
        settings: JSON.stringify({ preChat: { name: 'optional', email: 'off', department: 'optional' }, botMode: 'fallback' }),
        createdAt: at,
      });
      for (const d of DEMO_DEPARTMENTS) s.store.insertDepartment({ ...d, siteId: DEMO_SITE, createdAt: at });
    });
    seeded = true;
  }
  if (s.bot.faqs(DEMO_SITE).length === 0) {
    // A realistic shop FAQ in English and Italian for the bot (apps/server/src/modules/demo/faq.json).
    await s.bot.replaceFaqs(DEMO_SITE, FaqList.parse(JSON.parse(readFileSync(new URL('./faq.json', import.meta.url), 'utf8'))));
    seeded = true;
  }
  if (s.store.countAgents() === 0) {
    const giulia = await s.agents.create({ ...DEMO_AGENT, role: 'admin', maxChats: 5 });
    const marco = await s.agents.create({ ...DEMO_AGENT_2, role: 'agent', maxChats: 3 });
    await s.commit.run(() => {
      s.store.setAgentDepartments(giulia.id, DEMO_DEPARTMENTS.map((d) => d.id));
      s.store.setAgentDepartments(marco.id, ['demo-technical']);
      if (opts.historyDays) {
        seedDemoHistory(s.store, DEMO_SITE, { orders: 'demo-orders', technical: 'demo-technical' }, { giulia, marco }, at, opts.historyDays);
      }
    });
    seeded = true;
  }
  return seeded;
}
