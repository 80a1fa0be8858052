import { readFileSync } from 'node:fs';
import { CannedQueries } from '@parla/db';
import { FaqList, type ProactiveRule } from '@parla/protocol';
import { nanoid } from 'nanoid';
import type { Services } from '../../core/services.ts';
import { newToken } from '../../lib/crypto.ts';
import { seedDemoHistory } from './history.ts';

export const DEMO_SITE = 'demo';
export const DEMO_AGENT = { email: 'agent@demo.parla.chat', password: 'parla-demo-2026', name: 'Giulia' };
export const DEMO_AGENT_2 = { email: 'marco@demo.parla.chat', password: 'parla-demo-2026', name: 'Marco' };
export const DEMO_DEPARTMENTS = [
  { id: 'demo-orders', name: 'Orders & shipping', nameIt: 'Ordini e spedizioni', urgency: 0 },
  { id: 'demo-technical', name: 'Technical help', nameIt: 'Assistenza tecnica', urgency: 1 },
];

/** The demo checkout page's proactive message. */
export const DEMO_PROACTIVE: ProactiveRule[] = [
  {
    id: 'checkout-help',
    enabled: true,
    urlPattern: '/checkout',
    minSeconds: 30,
    minVisits: 1,
    minCartValue: null,
    message: { en: 'Need help completing your order?', it: "Serve aiuto per completare l'ordine?" },
    requireAvailable: true,
    departmentId: null,
  },
];

/** The demo's canned responses (shortcut, language, title, body). */
const DEMO_CANNED: [string, 'en' | 'it', string, string][] = [
  ['shipping', 'en', 'Shipping times', 'Hi {{visitor.name}}, orders placed before 1 pm leave the same day and arrive in 1-3 working days. — {{agent.name}}'],
  ['shipping', 'it', 'Tempi di spedizione', 'Ciao {{visitor.name}}, gli ordini fatti entro le 13 partono in giornata e arrivano in 1-3 giorni lavorativi. — {{agent.name}}'],
  ['returns', 'en', 'Returns', 'You can return any item within 30 days for free: write to us from {{visitor.email}} with your order number.'],
  ['returns', 'it', 'Resi', 'Puoi restituire qualsiasi articolo entro 30 giorni gratis: scrivici da {{visitor.email}} con il numero d’ordine.'],
  ['thanks', 'en', 'Thanks and goodbye', 'Thank you for writing to us, {{visitor.name}}! Have a nice day.'],
  ['thanks', 'it', 'Grazie e saluti', 'Grazie per averci scritto, {{visitor.name}}! Buona giornata.'],
];

/**
 * On first start (no site, no agent) creates the demo site, two departments, the demo FAQ and two
 * agents: Giulia (admin, both departments) and Marco (technical help). With `historyDays`, a fresh
 * install also gets that many days of sample conversations (marked as demo data in the reports).
 */
export async function seedDemo(s: Services, shopOrigins: string[], opts: { historyDays?: number } = {}): Promise<boolean> {
  const at = Date.now();
  let seeded = false;
  // Each piece is made when it is missing, so a demo site that SITE_ORIGINS created first (a bare
  // site: no settings, no departments), or a start cut short, is completed instead of crashing.
  const site = s.store.getSite(DEMO_SITE);
  const bare = !site || site.settings === '{}';
  const missing = DEMO_DEPARTMENTS.filter((d) => !s.store.department(d.id));
  if (bare || missing.length > 0) {
    await s.commit.run(() => {
      s.store.upsertSite({
        id: DEMO_SITE,
        name: site && !bare ? site.name : 'Demo shop',
        allowedOrigins: site ? [...new Set([...site.allowedOrigins, ...shopOrigins])] : shopOrigins,
        secret: site?.secret ?? newToken(),
        routingMode: site?.routingMode ?? 'auto',
        // The pre-chat form offers the departments; always open, so the demo works at any hour;
        // the FAQ bot answers when no agent is online.
        settings: bare ? JSON.stringify({ preChat: { name: 'optional', email: 'off', department: 'optional' }, botMode: 'fallback' }) : site.settings,
        createdAt: site?.createdAt ?? at,
      });
      for (const d of missing) s.store.insertDepartment({ ...d, siteId: DEMO_SITE, createdAt: at });
    });
    s.sites.forget(DEMO_SITE);
    seeded = true;
  }
  // Proactive messages and canned responses arrived later: a demo database without them gets them once.
  const settings = s.sites.settings(DEMO_SITE);
  if (settings && settings.proactive === undefined) {
    await s.sites.saveSettings(DEMO_SITE, { ...settings, proactive: DEMO_PROACTIVE });
    const canned = new CannedQueries(s.db.sqlite);
    await s.commit.run(() => {
      for (const [shortcut, lang, title, body] of DEMO_CANNED) {
        if (!canned.bySlot(DEMO_SITE, shortcut, lang)) canned.insert({ id: nanoid(), siteId: DEMO_SITE, shortcut, lang, title, body, departmentId: null, createdAt: at, updatedAt: at });
      }
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
