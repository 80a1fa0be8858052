/**
 * The loader a site embeds: <script async src="https://chat.example.com/widget.js" data-site="demo"></script>
 *
 * A classic script of about 1 KB: it draws the launcher in a shadow root and loads the chat UI
 * (widget/chat.js, next to this file) when the visitor opens it, or at once when a conversation
 * is already open. data-department="<id>" (optional) routes the visitor's first message to that
 * department, and the pre-chat form does not ask for one. window.Parla offers open(), close(), toggle(),
 * setAttributes(a), identify({ userId, email, name, hash }), shutdown() (forget the visitor on this
 * device), trackPage(), sendMessage(text), showMessage(text) and on(event, fn) (ready, open, close,
 * message, unread; returns an unsubscribe function); a page may queue calls before this script runs
 * with `(window.Parla = window.Parla || []).push('open')` or `.push(['on', 'open', fn])`.
 *
 * Proactive rules: the loader reads the site's enabled rules (a small cached JSON) and only when
 * there are any loads widget/proactive.js (their timers); the chat itself still loads only when
 * a message is shown or the visitor opens it.
 */
import type { MountConfig } from './chat/index.tsx';
import type { Hooks } from './proactive.ts';

export type ParlaEvent = 'ready' | 'open' | 'close' | 'message' | 'unread';
type Fn = (data?: unknown) => void;
export interface Api {
  open(): void;
  close(): void;
  toggle(): void;
  shutdown(): void;
  setAttributes(a: Record<string, unknown>): void;
  identify(i: Record<string, unknown>): void;
  trackPage(): void;
  sendMessage(text: string): void;
  showMessage(text: string, ruleId?: string | null): void;
  on(event: ParlaEvent, fn: Fn): () => void;
  /** The queue's own method, so `Parla.push(['open'])` works before and after the script loads. */
  push(...calls: (Command | Call)[]): void;
}
type Command = Exclude<keyof Api, 'push'>;
type Call = { [K in Command]: [K, ...Parameters<Api[K]>] }[Command];

declare global {
  interface Window {
    Parla?: Api | (Command | Call)[];
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
  /** Calls waiting for the chat to mount (sendMessage, showMessage). */
  let later: ((c: MountConfig) => void)[] = [];
  const listeners: Partial<Record<ParlaEvent, Fn[]>> = {};
  let ready = false;
  const emit = (e: ParlaEvent, data?: unknown) =>
    listeners[e]?.slice().forEach((f) => {
      try {
        f(data);
      } catch (err) {
        console.error(err); // the host page's listener: never breaks the widget
      }
    });
  const chat = (f: (c: MountConfig) => void) => {
    if (setOpen) f(config!);
    else later.push(f);
  };
  /** The proactive rules' navigation hook (set once widget/proactive.js runs). */
  let navigated: (() => void) | undefined;

  const load = () => {
    if (loading) return;
    loading = true;
    import(/* @vite-ignore */ `${base}widget/chat.js`).then(
      (m: { mount(root: ShadowRoot, config: MountConfig): (open: boolean) => void }) => {
        setOpen = m.mount(root, (config = {
          site,
          attributes: () => attrs,
          identity: () => identity,
          onErased: () => api.shutdown(),
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
            emit('unread', n);
          },
          onMessage: (m) => emit('message', m),
        }));
        later.forEach((f) => f(config!));
        later = [];
      },
      () => {
        loading = false; // try again on the next click
        set(false);
      },
    );
  };

  const set = (open: boolean) => {
    if (open != isOpen) emit(open ? 'open' : 'close');
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
      later = [];
      loading = false;
      try {
        for (const st of [localStorage, sessionStorage]) for (const k of Object.keys(st)) if (k.startsWith(`parla:${site}:`)) st.removeItem(k);
      } catch {
        /* storage blocked: nothing was kept */
      }
      badge.hidden = true;
      set(false);
    },
    // Single-page apps: a new page without a reload (pushState and replaceState are seen without it).
    trackPage() {
      config?.pageChanged?.();
      navigated?.();
    },
    sendMessage(text) {
      chat((c) => c.send?.(`${text}`));
      set(true);
    },
    showMessage(text, ruleId = null) {
      chat((c) => c.show?.(`${text}`, ruleId));
      set(true);
    },
    on(e, f) {
      (listeners[e] ||= []).push(f);
      if (e == 'ready' && ready) f();
      return () => void (listeners[e] = listeners[e]!.filter((x) => x != f));
    },
    push: (...calls) =>
      calls.forEach((c) => {
        const [name, ...args] = Array.isArray(c) ? c : [c];
        (api[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
      }),
  };
  for (const k of ['pushState', 'replaceState'] as const) {
    const orig = history[k];
    history[k] = function (this: History, ...a: Parameters<History['pushState']>) {
      const r = orig.apply(this, a);
      setTimeout(api.trackPage); // after the router's own work (it may set the title)
      return r;
    };
  }
  const queued = window.Parla;
  window.Parla = api;
  if (Array.isArray(queued)) api.push(...queued);
  ready = true;
  emit('ready');

  let resume = false;
  try {
    // An open conversation, or messages written offline that still have to be sent.
    resume = localStorage.getItem(`parla:${site}:open`) == '1' || !!localStorage.getItem(`parla:${site}:outbox`);
  } catch {
    /* storage blocked */
  }
  if (resume) load();

  // Proactive rules: timers only on sites that have some (an empty list costs one cached request).
  fetch(`${base}widget/proactive?site=${site}`)
    .then((r) => r.json())
    .then((rules: unknown[]) => {
      if (rules.length)
        import(/* @vite-ignore */ `${base}widget/proactive.js`).then((m: { start(h: Hooks): () => void }) => {
          navigated = m.start({ rules, site, lang, attrs: () => attrs, busy: () => isOpen, show: api.showMessage });
        });
    })
    .catch(() => {});

  const attach = () => d.body.append(host);
  if (d.body) attach();
  else d.addEventListener('DOMContentLoaded', attach);
}
