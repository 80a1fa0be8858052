/**
 * Proactive messages in the widget: the rules' timers on the host page (src/proactive.ts) and the
 * chat model's side (the message shown before a conversation, carried by the visitor's first
 * message, replaced by the stored one; the host page's `message` event).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySocket } from '@parla/client/testing';
import type { ServerToVisitor, StreamItem, WidgetProactive } from '@parla/protocol';
import { createChat } from '../src/chat/model.ts';
import { countVisit, eligible, matches, start } from '../src/proactive.ts';

class Mem {
  m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const rule = (over: Partial<WidgetProactive[number]> = {}): WidgetProactive[number] => ({
  id: 'checkout',
  urlPattern: '/checkout',
  minSeconds: 30,
  minVisits: 1,
  minCartValue: null,
  message: { en: 'Need help completing your order?', it: "Serve aiuto per completare l'ordine?" },
  requireAvailable: true,
  departmentId: null,
  ...over,
});

/** A host page: its URL, storages and history events. */
function page(url: string, local = new Mem(), session = new Mem()) {
  const events = new EventTarget();
  const win = {
    location: { href: url },
    localStorage: local,
    sessionStorage: session,
    addEventListener: events.addEventListener.bind(events),
  } as unknown as Window;
  return { win, local, session, go: (u: string) => (win.location.href = u), events };
}

const yes = async () => ({ proactive: [rule()] });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('proactive rules', () => {
  it('match a substring of the URL, or a glob over the whole URL', () => {
    expect(matches('/checkout', 'https://shop.it/checkout?step=2')).toBe(true);
    expect(matches('/checkout', 'https://shop.it/cart')).toBe(false);
    expect(matches('', 'https://shop.it/')).toBe(true);
    expect(matches('*/checkout', 'https://shop.it/checkout')).toBe(true);
    expect(matches('*/checkout', 'https://shop.it/checkout?step=2')).toBe(false); // anchored
    expect(matches('https://shop.it/p/*.html', 'https://shop.it/p/boots.html')).toBe(true);
    expect(matches('*.html', 'https://shop.it/p/boots-html')).toBe(false); // the dot is literal
  });

  it('need the visit count and the cart value (the cartValue attribute)', () => {
    const r = rule({ minVisits: 2, minCartValue: 100 });
    expect(eligible(r, 'https://shop.it/checkout', 2, { cartValue: 100 })).toBe(true);
    expect(eligible(r, 'https://shop.it/checkout', 1, { cartValue: 500 })).toBe(false);
    expect(eligible(r, 'https://shop.it/checkout', 3, { cartValue: 99.9 })).toBe(false);
    expect(eligible(r, 'https://shop.it/checkout', 3, {})).toBe(false);
    expect(eligible(rule(), 'https://shop.it/checkout', 1, {})).toBe(true);
  });

  it('count a visit per browser session', () => {
    const local = new Mem();
    expect(countVisit(local, new Mem(), 'demo')).toBe(1);
    const session = new Mem();
    expect(countVisit(local, session, 'demo')).toBe(2);
    expect(countVisit(local, session, 'demo')).toBe(2); // the same visit, another page
    expect(countVisit(local, new Mem(), 'demo')).toBe(3);
  });

  it('count the first page from its navigation start (the module loads once the page is idle)', async () => {
    const p = page('https://shop.it/checkout');
    Object.assign(p.win, { performance: { now: () => 4_000 } });
    const show = vi.fn();
    start({ rules: [rule({ minSeconds: 5 })], site: 'demo', lang: 'en', attrs: () => ({}), busy: () => false, show, config: yes }, p.win);
    await vi.advanceTimersByTimeAsync(999);
    expect(show).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(show).toHaveBeenCalledWith('Need help completing your order?', 'checkout');
  });

  it('fire after the time on the matching page, once per visit, and start again after an SPA navigation', async () => {
    const p = page('https://shop.it/product');
    const show = vi.fn();
    const nav = start({ rules: [rule()], site: 'demo', lang: 'it', attrs: () => ({}), busy: () => false, show, config: yes }, p.win);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(show).not.toHaveBeenCalled(); // not the checkout page
    p.go('https://shop.it/checkout');
    nav();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(show).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(show).toHaveBeenCalledWith("Serve aiuto per completare l'ordine?", 'checkout');
    expect(JSON.parse(p.session.getItem('parla:demo:shown')!)).toEqual(['checkout']);
    // Another page of the same visit: not again.
    const again = page('https://shop.it/checkout', p.local, p.session);
    start({ rules: [rule()], site: 'demo', lang: 'it', attrs: () => ({}), busy: () => false, show, config: yes }, again.win);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(show).toHaveBeenCalledTimes(1);
    // A new visit (a new browser session): again.
    const next = page('https://shop.it/checkout', p.local);
    start({ rules: [rule()], site: 'demo', lang: 'en', attrs: () => ({}), busy: () => false, show, config: yes }, next.win);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(show).toHaveBeenLastCalledWith('Need help completing your order?', 'checkout');
  });

  it('wait for the cart to reach the value; never interrupt an open panel or a conversation', async () => {
    const attrs: Record<string, unknown> = { cartValue: 20 };
    const p = page('https://shop.it/checkout');
    const show = vi.fn();
    let busy = true;
    start({ rules: [rule({ minSeconds: 5, minCartValue: 50 })], site: 'demo', lang: 'en', attrs: () => attrs, busy: () => busy, show, config: yes }, p.win);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(show).not.toHaveBeenCalled();
    attrs.cartValue = 80;
    await vi.advanceTimersByTimeAsync(1000);
    expect(show).not.toHaveBeenCalled(); // the panel is open: skipped for this page
    busy = false;
    const q = page('https://shop.it/checkout', new Mem(), new Mem());
    q.local.setItem('parla:demo:open', '1');
    start({ rules: [rule({ minSeconds: 1 })], site: 'demo', lang: 'en', attrs: () => attrs, busy: () => false, show, config: yes }, q.win);
    await vi.advanceTimersByTimeAsync(5000);
    expect(show).not.toHaveBeenCalled(); // a conversation is going on
  });

  it('never fire while the shopper types in a field of the page: wait until the field is left', async () => {
    const p = page('https://shop.it/checkout');
    const doc = Object.assign(new EventTarget(), { activeElement: { tagName: 'INPUT' } as unknown });
    Object.assign(p.win, { document: doc });
    const show = vi.fn();
    start({ rules: [rule({ minSeconds: 2 })], site: 'demo', lang: 'en', attrs: () => ({}), busy: () => false, show, config: yes }, p.win);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(show).not.toHaveBeenCalled();
    expect(p.session.getItem('parla:demo:shown')).toBeNull();
    // Tab to the next field (a select): still typing.
    doc.activeElement = { tagName: 'SELECT' };
    doc.dispatchEvent(new Event('focusout'));
    await vi.advanceTimersByTimeAsync(10);
    expect(show).not.toHaveBeenCalled();
    // A rich editor inside a web component's shadow root: still typing.
    doc.activeElement = { tagName: 'X-EDITOR', shadowRoot: { activeElement: { tagName: 'DIV', isContentEditable: true } } };
    doc.dispatchEvent(new Event('focusout'));
    await vi.advanceTimersByTimeAsync(10);
    expect(show).not.toHaveBeenCalled();
    // The field is left (focus on the page's body): it fires then.
    doc.activeElement = { tagName: 'BODY' };
    doc.dispatchEvent(new Event('focusout'));
    await vi.advanceTimersByTimeAsync(10);
    expect(show).toHaveBeenCalledExactlyOnceWith('Need help completing your order?', 'checkout');
  });

  it('show one message per page when several rules waited for the same field to be left', async () => {
    const p = page('https://shop.it/checkout');
    const doc = Object.assign(new EventTarget(), { activeElement: { tagName: 'TEXTAREA' } as unknown });
    Object.assign(p.win, { document: doc });
    const show = vi.fn();
    const rules = [rule({ minSeconds: 1 }), rule({ id: 'later', minSeconds: 3 })];
    start({ rules, site: 'demo', lang: 'en', attrs: () => ({}), busy: () => false, show, config: async () => ({ proactive: rules }) }, p.win);
    await vi.advanceTimersByTimeAsync(10_000);
    doc.activeElement = { tagName: 'BODY' };
    doc.dispatchEvent(new Event('focusout'));
    await vi.advanceTimersByTimeAsync(10);
    expect(show).toHaveBeenCalledExactlyOnceWith('Need help completing your order?', 'checkout');
    expect(JSON.parse(p.session.getItem('parla:demo:shown')!)).toEqual(['checkout']);
  });

  it('fire only if the site still lists the rule when it is due (someone can answer)', async () => {
    const p = page('https://shop.it/checkout');
    const show = vi.fn();
    const config = vi.fn(async () => ({ proactive: [rule({ id: 'other' })] })); // nobody can answer it any more
    start({ rules: [rule({ minSeconds: 1 })], site: 'demo', lang: 'en', attrs: () => ({}), busy: () => false, show, config }, p.win);
    await vi.advanceTimersByTimeAsync(5000);
    expect(config).toHaveBeenCalledOnce();
    expect(show).not.toHaveBeenCalled();
    expect(p.session.getItem('parla:demo:shown')).toBeNull(); // not spent: the next page may show it
  });
});

describe('the chat model and proactive messages', () => {
  function setup() {
    const pipes: MemorySocket[] = [];
    const onMessage = vi.fn();
    const chat = createChat({
      site: 'demo',
      base: 'http://localhost:3000/',
      lang: 'en',
      onChange: () => {},
      onMessage,
      storage: new Mem(),
      events: new EventTarget(),
      page: () => ({ url: 'https://shop.it/checkout', title: 'Checkout' }),
      createSocket: (u) => {
        const s = new MemorySocket(u);
        pipes.push(s);
        return s;
      },
    });
    const pipe = pipes[0]!;
    pipe.open();
    const push = (f: ServerToVisitor) => pipe.push(f);
    push({ type: 'welcome', protocol: 4, visitorId: 'v1', returning: false, visitCount: 1, conversation: null, agentsOnline: 1 });
    return { chat, pipe, push, onMessage };
  }
  const msg = (seq: number, over: Partial<Extract<StreamItem, { kind: 'message' }>>): StreamItem => ({
    kind: 'message', seq, id: `m${seq}`, clientId: null, authorType: 'agent', authorId: 'a1', authorName: 'Giulia', body: `hello ${seq}`, createdAt: seq, ...over,
  });

  it('shows the message before a conversation, sends it with the first message, and lets the stored one replace it', () => {
    const { chat, pipe, push } = setup();
    expect(chat.show('  Need help?  ', 'checkout')).toBe(true);
    expect(chat.state.proactive).toEqual({ text: 'Need help?', ruleId: 'checkout' });
    chat.send('yes, the coupon fails');
    const sent = pipe.sent.at(-1) as { type: string; proactive?: unknown; clientId: string };
    expect(sent).toMatchObject({ type: 'message.send', body: 'yes, the coupon fails', proactive: { text: 'Need help?', ruleId: 'checkout' } });
    expect(chat.state.proactive).not.toBeNull(); // still shown until the server has it
    push({ type: 'item', conversationId: 'c1', item: { kind: 'event', seq: 1, event: 'created', agentId: null, agentName: null, createdAt: 1 } });
    push({ type: 'item', conversationId: 'c1', item: msg(2, { authorType: 'bot', authorName: null, authorId: null, body: 'Need help?', proactive: true }) });
    expect(chat.state.proactive).toBeNull();
    push({ type: 'item', conversationId: 'c1', item: msg(3, { authorType: 'visitor', clientId: sent.clientId, body: 'yes, the coupon fails' }) });
    push({ type: 'conversation', conversation: { id: 'c1', state: 'queued', agentName: null, lastSeq: 3, createdAt: 1, queuePosition: 1 } });
    // A conversation is going on: nothing more is shown, and the next message carries nothing.
    expect(chat.show('Anything else?', null)).toBe(false);
    chat.send('hello?');
    expect(pipe.sent.at(-1)).not.toHaveProperty('proactive');
  });

  it('tells the host page of new agent and bot messages, not of history or its own', () => {
    const { push, onMessage } = setup();
    push({ type: 'welcome', protocol: 4, visitorId: 'v1', returning: true, visitCount: 2, agentsOnline: 1, conversation: { id: 'c9', state: 'assigned', agentName: 'Giulia', lastSeq: 2, createdAt: 1, queuePosition: null } });
    push({ type: 'sync.result', conversationId: 'c9', items: [msg(1, { authorType: 'visitor' }), msg(2, {})], lastSeq: 2, hasMore: false });
    expect(onMessage).not.toHaveBeenCalled();
    push({ type: 'item', conversationId: 'c9', item: msg(3, { body: 'Your parcel left today' }) });
    push({ type: 'item', conversationId: 'c9', item: msg(4, { authorType: 'visitor', body: 'thanks' }) });
    expect(onMessage.mock.calls).toEqual([[{ body: 'Your parcel left today', authorType: 'agent', authorName: 'Giulia', createdAt: 3 }]]);
  });
});
