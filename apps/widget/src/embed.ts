/**
 * The loader a site embeds: <script async src="https://chat.example.com/widget.js" data-site="demo"></script>
 *
 * A classic script of under 1 KB gzipped that only draws the launcher in a shadow root and puts
 * stand-ins for the window.Parla methods on the page's queue. Everything else is in
 * widget/api.js (next to this file; see src/api.ts), loaded when the page is idle after its load,
 * when the visitor touches the launcher, or when the page calls a window.Parla method: the
 * host-page API, the page tracking, the proactive rules, resuming an open conversation, and the
 * chat UI (widget/chat.js) when the visitor opens it.
 *
 * data-department="<id>" (optional) routes the visitor's first message to that department, and
 * the pre-chat form does not ask for one. window.Parla offers open(), close(), toggle(),
 * setAttributes(a), identify({ userId, email, name, hash }), shutdown() (forget the visitor on this
 * device), trackPage(), sendMessage(text), showMessage(text) and on(event, fn) (ready, open, close,
 * message, unread; returns an unsubscribe function); a page may queue calls before this script runs
 * with `(window.Parla = window.Parla || []).push('open')` or `.push(['on', 'open', fn])`.
 */
import type { Call, Command } from './api.ts';

const d = document;
const w = window;
const script = d.currentScript as HTMLScriptElement | null;

if (!script?.dataset.site) console.warn('Parla: no data-site');
else if (!d.getElementById('parla-widget')) {
  const host = d.createElement('div');
  host.id = 'parla-widget';
  const root = host.attachShadow({ mode: 'open' });
  // A page whose CSP allows styles by nonce gives the script tag a nonce: the widget's <style> elements carry it.
  // The launcher only: its open state (a chevron) and its unread badge come with api.js and chat.js.
  root.innerHTML =
    `<style nonce="${script.nonce}">:host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;--parla-brand:#2563eb}` +
    '.l{width:56px;height:56px;padding:15px;border:0;border-radius:50%;background:var(--parla-brand);color:#fff;cursor:pointer;box-shadow:0 4px 14px #0003}' +
    '.l:focus-visible{outline:3px solid var(--parla-brand);outline-offset:3px}' +
    '.l svg{display:block;width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}</style>' +
    `<button class="l" aria-expanded="false" aria-label="${/^it/i.test(navigator.language) ? 'Apri la chat' : 'Open chat'}">` +
    '<svg class="m" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 4h12a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4V6a2 2 0 0 1 2-2z"/></svg></button>';
  const q = (Array.isArray(w.Parla) ? w.Parla : []) as (Command | Call)[] & Record<string, unknown>;
  let loading = 0;
  const load = () =>
    loading++ ||
    import(/* @vite-ignore */ new URL('widget/api.js', script.src).href).then(
      (m: { start(script: HTMLScriptElement, root: ShadowRoot, queue: (Command | Call)[]): void }) => m.start(script, root, q),
      () => (loading = 0), // try again on the next touch
    );
  // Until api.js has run, every call is queued and loads it.
  const push = [].push.bind(q) as (...c: unknown[]) => number;
  q.push = (...c: unknown[]) => (load(), push(...c));
  for (const k of 'open close toggle shutdown setAttributes identify trackPage sendMessage showMessage on'.split(' '))
    q[k] = (...a: unknown[]) => (q.push([k, ...a] as Call), () => (w.Parla as Command[]).push(['off', ...a] as never));
  w.Parla = q;
  const button = root.lastChild as HTMLElement;
  button.onclick = () => (w.Parla as { toggle(): void }).toggle();
  button.onpointerdown = button.onfocus = load;
  // Otherwise when the page is idle after its load (api.js then resumes an open conversation).
  const idle = () => (w.requestIdleCallback || setTimeout)(load);
  if (d.readyState == 'complete') idle();
  else w.addEventListener('load', idle);
  const attach = () => d.body.append(host);
  if (d.body) attach();
  else d.addEventListener('DOMContentLoaded', attach);
}
