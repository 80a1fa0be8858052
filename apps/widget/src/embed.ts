/**
 * The loader a site embeds: <script async src="https://chat.example.com/widget.js" data-site="demo"></script>
 *
 * A classic script of about 1 KB: it draws the launcher in a shadow root and loads the chat UI
 * (widget/chat.js, next to this file) when the visitor opens it, or at once when a conversation
 * is already open. data-department="<id>" (optional) routes the visitor's first message to that
 * department, and the pre-chat form does not ask for one. window.Parla offers open(), close(), toggle(),
 * setAttributes(a), identify({ userId, email, name, hash }) and shutdown() (forget the visitor on this device); a page may queue calls
 * before this script runs with `(window.Parla = window.Parla || []).push('open')`.
 */
import type { MountConfig } from './chat/index.tsx';

type Command = 'open' | 'close' | 'toggle' | 'shutdown';
type Api = Record<Command, () => void> & Record<'setAttributes' | 'identify', (a: Record<string, unknown>) => void>;

declare global {
  interface Window {
    Parla?: Api | (Command | ['setAttributes' | 'identify', Record<string, unknown>])[];
  }
}

const d = document;
const script = (d.currentScript ||
  [...d.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => /\/widget\.js([?#]|$)/.test(s.src)).pop()) as HTMLScriptElement | undefined;
const site = script?.dataset.site;

if (!site) console.warn('Parla: the widget script needs data-site');
else if (!d.getElementById('parla-widget')) {
  const base = new URL('.', script!.src).href;
  const lang = /^it/i.test(navigator.language) ? 'it' : 'en';
  const host = d.createElement('div');
  host.id = 'parla-widget';
  const root = host.attachShadow({ mode: 'open' });
  // A page whose CSP allows styles by nonce gives the script tag a nonce: the widget's <style> elements carry it.
  const nonce = script!.nonce ?? '';
  root.innerHTML =
    `<style nonce="${nonce}">:host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;--parla-brand:#2563eb}` +
    '.l{position:relative;display:grid;place-items:center;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--parla-brand);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(15,23,42,.28);transition:transform .15s}' +
    '.l:hover{transform:scale(1.06)}.l:focus-visible{outline:3px solid var(--parla-brand);outline-offset:3px}' +
    '.l svg{width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
    '.l[aria-expanded=true] .m,.l[aria-expanded=false] .c,[hidden]{display:none}' +
    '.n{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;background:#dc2626;font:600 12px/20px system-ui,sans-serif}</style>' +
    `<button class="l" aria-expanded="false" aria-describedby="n" aria-label="${lang == 'it' ? 'Apri la chat' : 'Open chat'}">` +
    '<svg class="m" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 4h12a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4V6a2 2 0 0 1 2-2z"/></svg>' +
    '<svg class="c" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg><span class="n" id="n" hidden></span></button>';
  const button = root.querySelector('button')!;
  const badge = root.querySelector('span')!;
  let isOpen = false;
  let loading = false;
  let setOpen: ((open: boolean) => void) | undefined;
  let attrs: Record<string, unknown> = {};
  let identity: Record<string, unknown> | undefined;
  let config: MountConfig | undefined;

  const load = () => {
    if (loading) return;
    loading = true;
    import(/* @vite-ignore */ `${base}widget/chat.js`).then(
      (m: { mount(root: ShadowRoot, config: MountConfig): (open: boolean) => void }) => {
        setOpen = m.mount(root, (config = {
          site,
          attributes: () => attrs,
          identity: () => identity,
          department: script!.dataset.department,
          base,
          nonce,
          lang,
          open: isOpen,
          onOpenChange(open) {
            set(open);
            if (!open) button.focus();
          },
          onUnread(n) {
            badge.textContent = n ? `${n}` : ''; // it is the button's description
            badge.hidden = !n;
          },
        }));
      },
      () => {
        loading = false; // try again on the next click
        set(false);
      },
    );
  };

  const set = (open: boolean) => {
    isOpen = open;
    button.setAttribute('aria-expanded', `${open}`);
    if (setOpen) setOpen(open);
    else if (open) load();
  };

  button.onclick = () => set(!isOpen);
  const api: Api = {
    open: () => set(true),
    close: () => set(false),
    toggle: () => set(!isOpen),
    setAttributes(a) {
      Object.assign(attrs, a);
      config?.attributesChanged?.();
    },
    // { userId, email, name, hash }: hash = hex HMAC-SHA256(userId, site secret), made by the shop's server.
    identify(i) {
      identity = i;
      config?.identityChanged?.();
    },
    // The shopper logged out: forget them on this device (token, outbox, profile); the next open is a new visitor.
    shutdown() {
      config?.shutdown?.();
      config = setOpen = identity = undefined;
      attrs = {};
      loading = false;
      try {
        for (const k of Object.keys(localStorage)) if (k.startsWith(`parla:${site}:`)) localStorage.removeItem(k);
      } catch {
        /* storage blocked: nothing was kept */
      }
      badge.hidden = true;
      set(false);
    },
  };
  const queued = window.Parla;
  window.Parla = api;
  if (Array.isArray(queued)) queued.forEach((c) => (Array.isArray(c) ? api[c[0]]?.(c[1]) : api[c]?.()));

  let resume = false;
  try {
    // An open conversation, or messages written offline that still have to be sent.
    resume = localStorage.getItem(`parla:${site}:open`) == '1' || !!localStorage.getItem(`parla:${site}:outbox`);
  } catch {
    /* storage blocked */
  }
  if (resume) load();

  const attach = () => d.body.append(host);
  if (d.body) attach();
  else d.addEventListener('DOMContentLoaded', attach);
}
