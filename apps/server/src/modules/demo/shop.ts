/**
 * The demo shop: two pages (a product and a checkout) on their own origin, each embedding the
 * widget with the one script tag a site owner would paste. They also show the host-page API:
 * a call queued before the script loads (an unread listener), a button that opens the chat,
 * and the unread count in the header (`Parla.on('unread', ...)`). The checkout page has the demo
 * site's proactive message ("Need help completing your order?" after 30 s).
 */
import Fastify, { type FastifyInstance } from 'fastify';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(chatUrl: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Bottega Demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2937; background: #fafaf9; }
  header { background: #7c2d12; color: #fff; padding: 14px 24px; display: flex; gap: 24px; align-items: center; }
  header a { color: #fed7aa; text-decoration: none; }
  main { max-width: 880px; margin: 32px auto; padding: 0 24px; }
  .product { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; }
  .img { background: linear-gradient(135deg, #fdba74, #9a3412); border-radius: 12px; min-height: 280px; }
  .price { font-size: 28px; font-weight: 700; }
  button.buy, a.buy { background: #7c2d12; color: #fff; border: 0; border-radius: 8px; padding: 12px 20px; font-size: 16px; cursor: pointer; text-decoration: none; display: inline-block; }
  label { display: block; margin: 12px 0 4px; } input { padding: 8px; width: 100%; max-width: 360px; }
  /* A hostile host stylesheet: the widget must not be affected by it. */
  button { font-family: "Comic Sans MS", cursive !important; } * { letter-spacing: .02em; }
  @media (max-width: 600px) { .product { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header><strong>Bottega Demo</strong><a href="/">Product</a><a href="/checkout">Checkout</a><span id="unread" hidden></span></header>
<main>${body}</main>
<script>
  // The host-page API: calls made before the widget loads are queued.
  window.Parla = window.Parla || [];
  Parla.push(['on', 'unread', function (n) {
    var el = document.getElementById('unread');
    el.textContent = n ? n + ' new' : '';
    el.hidden = !n;
  }]);
</script>
<script async src="${esc(chatUrl)}/widget.js" data-site="demo"></script>
</body>
</html>`;
}

export function productPage(chatUrl: string): string {
  return page(
    chatUrl,
    'Moka pot, 6 cups',
    `<div class="product"><div class="img" role="img" aria-label="Moka pot"></div><div>
<h1>Moka pot, 6 cups</h1><p class="price">€ 39.90</p>
<p>Cast aluminium, made in Italy. Ships in 24 hours; free returns within 30 days.</p>
<a class="buy" href="/checkout">Buy now</a> <button class="buy" type="button" id="ask" onclick="Parla.push('open')">Questions? Chat with us</button></div></div>`,
  );
}

export function checkoutPage(chatUrl: string): string {
  return page(
    chatUrl,
    'Checkout',
    `<h1>Checkout</h1><p>1 × Moka pot, 6 cups — € 39.90</p>
<form onsubmit="event.preventDefault()"><label for="name">Full name</label><input id="name" autocomplete="name">
<label for="addr">Address</label><input id="addr" autocomplete="street-address">
<p><button class="buy" type="submit">Pay € 39.90</button></p></form>`,
  );
}

export async function buildDemoShop(chatUrl: string): Promise<FastifyInstance> {
  const shop = Fastify({ logger: false });
  const base = chatUrl.replace(/\/+$/, '');
  shop.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(productPage(base)));
  shop.get('/checkout', (_req, reply) => reply.type('text/html; charset=utf-8').send(checkoutPage(base)));
  return shop;
}
