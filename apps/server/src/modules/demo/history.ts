/**
 * A few weeks of realistic demo history so the reports are not empty: conversations handled by
 * Giulia and Marco, some solved by the bot, some missed, some reopened, call-backs, ratings.
 * Every row is marked `demo = 1` (the reports say so). Deterministic (seeded PRNG), written with
 * the store's own statements in one transaction, ending a day before `now` so the seeded
 * conversations stay out of the agents' inbox.
 */
import type { ConversationRow, EventKindName, Store } from '@parla/db';
import { nanoid } from 'nanoid';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { prng } from '../../lib/prng.ts';


const NAMES = ['Sara', 'Luca', 'Giulia', 'Marco', 'Chiara', 'Matteo', 'Francesca', 'Alessandro', 'Elena', 'Davide', 'Martina', 'Simone', 'Anna', 'Paolo', 'Emma', 'James', 'Sophie', 'Lukas', 'Marie', 'Tom'];
const ASK = {
  orders: ['Where is my order?', 'Can I change my delivery address?', 'My parcel says delivered but it is not here', 'Dov’è il mio ordine?', 'Posso cambiare l’indirizzo di consegna?', 'Vorrei annullare l’ordine'],
  technical: ['My moka pot is leaking', 'The coffee does not come up', 'Which gasket fits my 3-cup moka?', 'La moka perde acqua', 'Il caffè non sale', 'Quale guarnizione per la moka da 6?'],
  none: ['Do you have the red one in stock?', 'Can I pay in instalments?', 'Avete la moka rossa?', 'Posso pagare a rate?'],
};
const FOLLOW = ['Thanks, and one more question', 'It is order A-10{n}', 'Ok, I see', 'Grazie, un’altra cosa', 'L’ordine è il B-20{n}', 'Perfetto'];
const REPLY = ['Hi! Let me check that for you.', 'Thanks, I can see it now.', 'Done: you will get an email shortly.', 'Ciao! Controllo subito.', 'Grazie, lo vedo.', 'Fatto: riceverai una email a breve.'];
const BOT_ASK = ['How much is shipping?', 'How do I return an item?', 'Quanto costa la spedizione?', 'Come faccio un reso?'];
const BOT_ANSWER = 'Standard shipping within Italy costs €4.90 and is free on orders over €49.';
const COMMENTS = ['Very quick, thank you!', 'Gentilissimi', 'Solved in two minutes', 'Took a while to get an answer', 'Risposta chiara'];

export interface DemoAgents {
  giulia: { id: string; name: string };
  marco: { id: string; name: string };
}

/** Seeds `days` days of history ending a day before `now`; returns the number of conversations written. */
export function seedDemoHistory(store: Store, siteId: string, departments: { orders: string; technical: string }, agents: DemoAgents, now: number, days = 28): number {
  const rnd = prng(20261202);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  /** Log-normal-ish duration around `median` ms. */
  const around = (median: number, spread = 0.8) => Math.round(median * Math.exp((rnd() + rnd() + rnd() - 1.5) * spread * 1.4));
  const DAY = 86_400_000;
  const end = now - DAY - (now % 60_000);
  const visitors: string[] = [];
  for (let i = 0; i < 220; i++) {
    const id = nanoid();
    store.insertVisitor(id, siteId, hashToken(newToken()), end - days * DAY);
    store.setVisitorContact(id, `${pick(NAMES)} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}.`, null);
    visitors.push(id);
  }
  let count = 0;
  for (let d = days; d >= 1; d--) {
    const dayStart = end - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const n = weekday === 0 || weekday === 6 ? 6 + Math.floor(rnd() * 7) : 16 + Math.floor(rnd() * 14);
    for (let k = 0; k < n; k++) {
      // Mostly 08:00-22:00 UTC, busiest around midday and the evening.
      const createdAt = dayStart + Math.round((8 + 14 * Math.pow(rnd(), 0.9)) * 3_600_000);
      if (createdAt >= end) continue;
      writeConversation(createdAt);
      count++;
    }
  }
  return count;

  function writeConversation(createdAt: number): void {
    const visitorId = pick(visitors);
    const r = rnd();
    const dept = r < 0.6 ? 'orders' : r < 0.9 ? 'technical' : 'none';
    const departmentId = dept === 'none' ? null : departments[dept];
    const kind = rnd();
    const channel = kind > 0.93 ? 'callback' : 'web';
    const id = nanoid();
    const botFirst = channel === 'web' && kind < 0.42;
    store.insertConversation({ id, siteId, visitorId, channel, state: botFirst ? 'bot' : 'queued', departmentId, priority: dept === 'technical' ? 1 : 0, createdAt, queuedAt: botFirst ? null : createdAt });
    store.markDemo(id);
    const conv = store.conversation(id)!;
    let t = createdAt;
    event(conv, 'created', 'visitor', visitorId, t);
    msg(conv, 'visitor', visitorId, botFirst ? pick(BOT_ASK) : pick(ASK[dept]), t);
    if (botFirst) {
      t += 1500;
      msg(conv, 'bot', null, BOT_ANSWER, t);
      if (kind < 0.26) {
        // Solved by the bot: "yes, thanks".
        t += around(40_000);
        store.resolve(id, t);
        event(conv, 'resolved', 'bot', null, t);
        rate(conv, t, null);
        return;
      }
      t += around(30_000);
      msg(conv, 'visitor', visitorId, 'I would like to talk to a person', t);
      store.escalate(id, t);
      event(conv, 'queued', 'bot', null, t);
    } else {
      event(conv, 'queued', 'visitor', visitorId, t);
    }
    const queuedAt = t;
    if (rnd() < 0.06) {
      // Missed: nobody answered; closed hours later.
      t += around(3 * 3_600_000, 0.4);
      store.resolve(id, t);
      event(conv, 'resolved', 'agent', agents.giulia.id, t, agents.giulia);
      return;
    }
    const agent = dept === 'orders' || dept === 'none' ? agents.giulia : rnd() < 0.6 ? agents.marco : agents.giulia;
    // Queue wait: usually under a minute, sometimes past the 5-minute target.
    t = queuedAt + (rnd() < 0.09 ? around(9 * 60_000, 0.4) : around(35_000));
    store.assign(id, agent.id, t);
    event(conv, 'assigned', 'system', null, t, agent);
    t += around(25_000);
    msg(conv, 'agent', agent.id, pick(REPLY), t, agent.name);
    store.markFirstAgentReply(id, t);
    const exchanges = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < exchanges; i++) {
      t += around(50_000);
      msg(conv, 'visitor', visitorId, pick(FOLLOW).replace('{n}', String(10 + Math.floor(rnd() * 90))), t);
      t += around(70_000);
      msg(conv, 'agent', agent.id, pick(REPLY), t, agent.name);
    }
    t += around(4 * 60_000);
    store.resolve(id, t);
    event(conv, 'resolved', 'agent', agent.id, t, agent);
    if (rnd() < 0.05) {
      // Reopened a few hours later, answered again.
      t += around(3 * 3_600_000, 0.5);
      store.queue(id, t);
      event(conv, 'reopened', 'visitor', visitorId, t);
      msg(conv, 'visitor', visitorId, 'Sorry, one more thing about my order', t);
      t += around(60_000);
      store.assign(id, agent.id, t);
      event(conv, 'assigned', 'system', null, t, agent);
      t += around(20_000);
      msg(conv, 'agent', agent.id, pick(REPLY), t, agent.name);
      t += around(3 * 60_000);
      store.resolve(id, t);
      event(conv, 'resolved', 'agent', agent.id, t, agent);
    }
    if (channel === 'web') rate(conv, t, agent.id);
  }

  function rate(conv: ConversationRow, at: number, agentId: string | null): void {
    if (rnd() > 0.45) return;
    const x = rnd();
    const rating = x < 0.45 ? 5 : x < 0.75 ? 4 : x < 0.87 ? 3 : x < 0.94 ? 2 : 1;
    store.upsertCsat({ conversationId: conv.id, rating, comment: rnd() < 0.3 ? pick(COMMENTS) : null, agentId, at: at + around(60_000) });
  }

  function msg(conv: ConversationRow, authorType: 'visitor' | 'agent' | 'bot', authorId: string | null, body: string, at: number, authorName: string | null = null): void {
    const meta = authorType === 'bot' ? JSON.stringify({ faqId: 'en-shipping-cost', quickReplies: [] }) : null;
    store.insertMessage({ id: nanoid(), conversationId: conv.id, seq: store.nextSeq(conv.id), authorType, authorId, authorName, clientId: null, body, meta, createdAt: at });
    store.setLastMessage(conv.id, authorType === 'visitor' ? body : null, at); // the preview is the shopper's words
  }

  function event(conv: ConversationRow, kind: EventKindName, actorType: 'visitor' | 'agent' | 'bot' | 'system', actorId: string | null, at: number, agent?: { id: string; name: string }): void {
    store.insertEvent({ conversationId: conv.id, seq: store.nextSeq(conv.id), kind, actorType, actorId, agentId: agent?.id ?? null, agentName: agent?.name ?? null, departmentId: null, note: null, createdAt: at });
  }
}
