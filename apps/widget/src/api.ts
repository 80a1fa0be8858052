/**
 * The host-page API: src/api.ts -> dist/widget/api.js, loaded by the loader (src/embed.ts) when
 * the page is idle after its load, on the first touch of the launcher, or on the first call of a
 * window.Parla method. It takes over window.Parla (the calls queued until then run in order), the
 * launcher, the page tracking (pushState and replaceState are wrapped once) and the proactive
 * rules; it loads the chat UI (widget/chat.js, with the visitor's language only) when the visitor
 * opens it, or at once when a conversation is open (or messages written offline wait).
 *
 * The site's config (GET /widget/config, a small cached JSON, `{}` for a site that set nothing):
 * only when it holds rules that may fire does it load widget/proactive.js (their timers), and only
 * when it holds a brand widget/brand.js (the colours, the side, the header's extras). A proactive
 * message (a rule's, or Parla.showMessage) is a teaser beside the launcher: the chat loads and
 * opens, with the message in it, when the shopper opens the teaser (or the launcher).
 */
import type { WidgetConfig } from '@parla/protocol';
import type { Brand } from './brand.ts';
import type { MountConfig } from './chat/index.tsx';
import type { Dict, Lang } from './chat/i18n.ts';
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
  /** Removes a listener: what the loader's own on() returns before this module has loaded. */
  off(event: ParlaEvent, fn: Fn): void;
  /** The queue's own method, so `Parla.push(['open'])` works before and after the script loads. */
  push(...calls: (Command | Call)[]): void;
}
export type Command = Exclude<keyof Api, 'push'>;
export type Call = { [K in Command]: [K, ...Parameters<Api[K]>] }[Command];

declare global {
  interface Window {
    Parla?: Api | (Command | Call)[];
  }
}

/**
 * Called by the loader with its script tag (data-site, data-department, its nonce and URL), the
 * launcher's shadow root, and the calls queued until now (the page's array, with the loader's
 * stand-in methods on it).
 */
export function start(script: HTMLScriptElement, root: ShadowRoot, queue: (Command | Call)[]): void {
  const site = script.dataset.site!;
  const base = new URL('.', script.src).href;
  const lang: Lang = /^it/i.test(navigator.language) ? 'it' : 'en';
  const nonce = script.nonce;
  const button = root.querySelector('button')!;
  /** The unread count, the button's description (made on the first count). */
  let badge: HTMLElement | undefined;
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
  const mod = (name: string) => import(/* @vite-ignore */ `${base}widget/${name}.js`);
  const site$ = (): Promise<WidgetConfig> =>
    fetch(`${base}widget/config?site=${site}`)
      .then((r) => r.json())
      .catch(() => ({}));
  const config$ = site$();
  // The brand is applied once known; the chat waits for it (a site without one waits for nothing more).
  const brand$ = config$.then((c) => c.brand && mod('brand').then((m: typeof import('./brand.ts')) => m.apply(root, c.brand!, lang, nonce)));

  const load = () => {
    if (loading) return;
    loading = true;
    // The UI and the visitor's strings, in parallel.
    Promise.all([mod('chat'), mod(lang), brand$]).then(
      ([m, t, brand]: [{ mount(root: ShadowRoot, config: MountConfig, t: Dict): (open: boolean) => void }, { default: Dict }, Brand | undefined]) => {
        setOpen = m.mount(
          root,
          (config = {
            site,
            attributes: () => attrs,
            identity: () => identity,
            onErased: () => api.shutdown(),
            department: script.dataset.department,
            base,
            nonce,
            lang,
            brand,
            open: isOpen,
            onOpenChange(open) {
              set(open);
              if (!open) button.focus();
            },
            onUnread(n) {
              if (!badge) {
                badge = button.appendChild(document.createElement('span'));
                badge.className = badge.id = 'n';
                button.setAttribute('aria-describedby', 'n');
              }
              badge.textContent = n ? `${n}` : ''; // it is the button's description
              badge.hidden = !n;
              emit('unread', n);
            },
            onMessage: (m) => emit('message', m),
          }),
          t.default,
        );
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
      if (badge) badge.hidden = true;
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
    // A teaser beside the launcher; the chat opens (and takes the focus) when the shopper opens it.
    showMessage(text, ruleId = null) {
      const show = () => chat((c) => c.show?.(`${text}`, ruleId));
      if (isOpen) show();
      else void mod('teaser').then((m: typeof import('./teaser.ts')) => m.teaser(root, `${text}`, lang, nonce, show, () => set(true)));
    },
    on(e, f) {
      (listeners[e] ||= []).push(f);
      if (e == 'ready' && ready) f();
      return () => api.off(e, f);
    },
    off(e, f) {
      listeners[e] = listeners[e]?.filter((x) => x != f);
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
  window.Parla = api;
  api.push(...queue);
  // A page that kept the array (or the loader's stand-ins) reaches the API through it from now on.
  Object.assign(queue, api);
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

  // Proactive rules: timers only on sites that have some that may fire now; asked again when one is due.
  void config$.then((c) => {
    if (c.proactive)
      mod('proactive').then((m: { start(h: Hooks): () => void }) => {
        navigated = m.start({
          rules: c.proactive!,
          site,
          lang,
          attrs: () => attrs,
          busy: () => isOpen,
          show: api.showMessage,
          config: site$,
        });
      });
  });
}
