/**
 * Proactive rules on the host page: src/proactive.ts -> dist/widget/proactive.js, loaded by the
 * loader only when the site has rules that may fire (or by Parla.showMessage, for the teaser).
 * No Preact, no socket: timers and storage only (the teaser is src/teaser.ts).
 *
 * A rule fires once its page has been open `minSeconds` (from the navigation's start on the first
 * page, from the navigation itself after each SPA navigation)
 * on a URL matching `urlPattern` (a substring of the URL; with `*`, a glob over the whole URL), from
 * the `minVisits`-th visit on this device, when the `cartValue` attribute reaches `minCartValue`.
 * At most one rule per page, each at most once per visit (sessionStorage `parla:<site>:shown`),
 * never while the panel is open or a conversation is going on. Never while the focus is in a field
 * of the host page (input, textarea, select, contenteditable): the shopper is typing, and the rule
 * waits until the field is left. A rule that needs someone to answer is asked about again when due
 * (`config`: the site's config still lists it). Firing shows a teaser beside the launcher; the chat
 * opens (and takes the focus) only when the shopper opens the teaser.
 */
import type { WidgetConfig, WidgetProactive } from '@parla/protocol';

export interface Hooks {
  rules: unknown[];
  site: string;
  lang: 'en' | 'it';
  attrs(): Record<string, unknown>;
  /** The panel is open. */
  busy(): boolean;
  show(text: string, ruleId: string): void;
  /** The site's config afresh (GET /widget/config): asked when a rule is due, which may fire only if still listed (someone can answer). */
  config(): Promise<WidgetConfig>;
}

type Rule = WidgetProactive[number];

/** Substring, or a glob (`*` any run of characters) over the whole URL. */
export function matches(pattern: string, url: string): boolean {
  if (!pattern.includes('*')) return url.includes(pattern);
  const re = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${re.join('.*')}$`).test(url);
}

/** Whether a rule applies now, its time on page aside. */
export function eligible(r: Rule, url: string, visits: number, attrs: Record<string, unknown>): boolean {
  const cart = Number(attrs.cartValue);
  return matches(r.urlPattern, url) && visits >= r.minVisits && (r.minCartValue === null || cart >= r.minCartValue);
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** Counts this visit (a new sessionStorage means a new visit) and returns the visits on this device. */
export function countVisit(local: KeyValue | null, session: KeyValue | null, site: string): number {
  const k = `parla:${site}:`;
  let n = Number(local?.getItem(`${k}visits`)) || 0;
  if (!session?.getItem(`${k}visit`)) {
    session?.setItem(`${k}visit`, '1');
    local?.setItem(`${k}visits`, `${++n}`);
  }
  return Math.max(n, 1);
}

/** The element that has the focus, inside shadow roots too. */
function focused(d: Document | undefined): Element | null {
  let a = d?.activeElement ?? null;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The shopper is typing in a field of the page (not the widget's own, which is busy() anyway). */
export function typing(d: Document | undefined): boolean {
  const a = focused(d) as HTMLElement | null;
  return !!a && (/^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName) || a.isContentEditable);
}

export function start(h: Hooks, win: Window = window): () => void {
  const rules = h.rules as Rule[];
  const k = `parla:${h.site}:`;
  let local: Storage | null = null;
  let session: Storage | null = null;
  try {
    local = win.localStorage;
    session = win.sessionStorage;
  } catch {
    /* storage blocked: once per page instead of per visit */
  }
  const safe = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  const visits = safe(() => countVisit(local, session, h.site), 1);
  const shown = new Set<string>(safe(() => JSON.parse(session?.getItem(`${k}shown`) ?? '[]') as string[], []));
  let timers: ReturnType<typeof setTimeout>[] = [];
  let url = '';
  let done = '';
  let chain: Promise<unknown> = Promise.resolve();

  const fire = (r: Rule) => {
    const now = win.location.href;
    // The conditions again at the due time (the cart may have changed); busy: try again shortly.
    if (shown.has(r.id)) return;
    if (!eligible(r, now, visits, h.attrs())) {
      timers.push(setTimeout(() => fire(r), 1000));
      return;
    }
    if (h.busy() || safe(() => local?.getItem(`${k}open`) == '1', false)) return;
    // The shopper is typing in the page (an address at checkout): wait until the field is left.
    if (typing(win.document)) {
      win.document.addEventListener('focusout', () => setTimeout(() => fire(r)), { once: true });
      return;
    }
    // One at a time, in the order they came due: at most one message per page (`done`).
    chain = chain.then(h.config).then((c) => {
      if (!c.proactive?.some((x) => x.id == r.id) || shown.has(r.id) || h.busy() || done == url) return;
      done = url;
      shown.add(r.id);
      safe(() => session?.setItem(`${k}shown`, JSON.stringify([...shown])), undefined);
      timers.forEach(clearTimeout); // one message per page
      timers = [];
      h.show(r.message[h.lang], r.id);
    });
  };

  // The loader brings this module in once the page is idle: the first page has been open since its navigation started.
  let open = win.performance?.now() ?? 0;
  const plan = () => {
    const now = win.location.href;
    if (now === url) return;
    url = now;
    timers.forEach(clearTimeout);
    timers = rules
      .filter((r) => !shown.has(r.id) && matches(r.urlPattern, now) && visits >= r.minVisits)
      .map((r) => setTimeout(() => fire(r), Math.max(0, r.minSeconds * 1000 - open)));
    open = 0;
  };
  win.addEventListener('popstate', plan);
  win.addEventListener('hashchange', plan);
  plan();
  return plan;
}
