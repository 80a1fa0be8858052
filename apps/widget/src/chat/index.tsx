/**
 * The chat UI, loaded by the loader (src/embed.ts) on demand and mounted in its shadow root.
 * Message text is rendered as text (Preact escapes it); only http, https and mailto URLs become links.
 *
 * Screens: the chat (with the pre-chat fields above the input before the first message); outside
 * hours, "we're offline" with a message form and a callback form; while queued for long, the same
 * two forms offered instead of waiting. Form drafts live here, so a refused send loses nothing.
 * With the FAQ bot: bot bubbles are tagged, the current answer offers feedback and quick replies,
 * "talk to a person" stays one click away, and matching questions are suggested while typing.
 */
import { createRef, Fragment, h, render, type ComponentChildren, type RefObject } from 'preact';
import type { AttachmentInfo, MessageItem } from '@parla/protocol';
import type { Brand } from '../brand.ts';
import { eventText, queueText, type Dict, type ExtraDict, type FieldId, type Lang, type Problem } from './i18n.ts';
import { linkify } from './linkify.ts';
import { check, createChat, MAX_CHARS, type IncomingMessage, type ChatState, type Entry, type Fields, type Pending, type PreChatField, type OfflineRequest } from './model.ts';
import { css } from './styles.ts';

type Extras = typeof import('./extras.tsx');

export interface MountConfig {
  site: string;
  base: string;
  lang: Lang;
  /** data-department of the script tag. */
  department?: string;
  /** The site's branding (team name, greeting, agents' initials, reply time), when it set some. */
  brand?: Brand;
  open: boolean;
  /** Called when the visitor closes the panel from inside it (Escape, close button). */
  onOpenChange(open: boolean): void;
  /** Agent messages received while the panel was closed (0 when it opens). */
  onUnread?(count: number): void;
  /** The host page's attributes (Parla.setAttributes), read when needed. */
  attributes?(): Record<string, unknown>;
  /** Set by mount: the loader calls it when the host page changes its attributes. */
  attributesChanged?(): void;
  /** The loader script's nonce (pages whose CSP allows styles by nonce). */
  nonce?: string;
  /** What the host page passed to Parla.identify, read at every hello. */
  identity?(): Record<string, unknown> | undefined;
  /** Set by mount: the loader calls it after Parla.identify. */
  identityChanged?(): void;
  /** The visitor's data was erased: the loader forgets them (as Parla.shutdown()). */
  onErased?(): void;
  /** Set by mount: Parla.shutdown() — closes the connection and removes the chat from the page. */
  shutdown?(): void;
  /** A new agent or bot message (the host page's `message` event). */
  onMessage?(m: IncomingMessage): void;
  /** Set by mount: Parla.sendMessage(text) — sends it as the visitor. */
  send?(text: string): void;
  /** Set by mount: a proactive message (a rule's, or Parla.showMessage). */
  show?(text: string, ruleId: string | null): boolean;
  /** Set by mount: the page changed (history.pushState, Parla.trackPage). */
  pageChanged?(): void;
}

/** Mounts the chat in `root` with the strings `t` (en.js or it.js); returns the function the loader calls to open or close the panel. */
export function mount(root: ShadowRoot, config: MountConfig, t: Dict): (open: boolean) => void {
  const sheet = (text: string) => {
    const style = document.createElement('style');
    if (config.nonce) style.nonce = config.nonce;
    style.textContent = text;
    return root.appendChild(style);
  };
  const style = sheet(css);
  const el = root.appendChild(document.createElement('div'));
  // The launcher's open state: a chevron (the loader draws only the chat bubble).
  const launcher = root.querySelector('.l')!;
  launcher.insertAdjacentHTML('beforeend', '<svg class="c" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>');
  const chevron = launcher.lastChild as Element;
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    /* blocked: no memory across pages */
  }
  const time = new Intl.DateTimeFormat(config.lang, { hour: '2-digit', minute: '2-digit' });
  const input = createRef<HTMLTextAreaElement>();
  const log = createRef<HTMLDivElement>();
  const focus = (sel: string) => root.querySelector<HTMLElement>(sel)?.focus();
  let draft = '';
  let wasOpen = false;
  let shown = '';
  let surveyShown = false;
  let queued = false;
  /** Form values by field (pre-chat and the two forms share name and email). */
  const v: Fields = {};
  let errs: Partial<Record<FieldId, Problem>> = {};
  /** The open form: an offline message or a callback request. */
  let form: OfflineRequest['kind'] | null = null;
  /** A selector to focus after the next render. */
  let after = '';
  let privacy = false;
  /** "Delete my data" was pressed: the widget asks to confirm. */
  let confirming = false;
  /** Attachments' blob: URLs ('' while loading); an upload's refusal. */
  const urls = new Map<string, string>();
  let upErr = '';
  const lazy = () => import('./attach.ts');
  let extras: Extras | undefined;
  /** The strings, with those of the extras once loaded. */
  let tx: (Dict & ExtraDict) | undefined;
  let extrasStyle: HTMLStyleElement | undefined;
  /** The extras chunk has just arrived: focus what it shows, as on opening. */
  let fresh = false;
  const loadExtras = () => {
    if (!extrasStyle) {
      extrasStyle = sheet('');
      // The chunk and the visitor's strings for it, in parallel.
      void Promise.all([import('./extras.tsx'), import(/* @vite-ignore */ `${config.base}widget/${config.lang}-extras.js`) as Promise<{ default: ExtraDict }>]).then(([m, x]) => {
        extras = m;
        tx = { ...t, ...x.default };
        extrasStyle!.textContent = m.css;
        fresh = true;
        onChange();
      });
    }
    return extras;
  };
  const file = (a: AttachmentInfo) => {
    if (!urls.has(a.id)) {
      urls.set(a.id, '');
      void lazy()
        .then((m) => m.fetchUrl(config.base, chat.token(), a.id))
        .then((u) => {
          urls.set(a.id, u);
          onChange();
        });
    }
    return urls.get(a.id)!;
  };

  // No hooks: the whole view re-renders from the model, then focus and scroll are fixed up here.
  const draw = () => {
    queued = false;
    const s = chat.state;
    const r = s.request;
    if (form && r?.kind === form && r.state === 'done') {
      form = null;
      v.body = v.phone = v.time = v.note = '';
      after = '.ok';
    }
    const off = chat.offline();
    const away = !chat.available();
    // Before the first message; hidden while it is on its way, back if it was refused.
    const pre = s.pending.some((p) => p.state !== 'failed') ? [] : chat.preChat();
    const ui: Ui = { off, away, isOpen: chat.isOpen(), pre, form, v, errs, lang: config.lang, time: (ms) => time.format(ms), answer: chat.botAnswer(), offer: chat.offer(), privacy, confirming, file, upErr, extras: loadExtras, tx, b: config.brand };
    const had = root.activeElement;
    render(<Panel s={s} t={t} ui={ui} draft={draft} input={input} log={log} on={on} />, el);
    const opened = s.open && !wasOpen;
    // Focus the first thing to fill in: on opening, or when the focused element went away (the
    // welcome switched to the offline screen). Fields that arrive after the opening (with the
    // first welcome) never take the focus from the message box: a shopper typing as the welcome
    // came had their words land in the name field. The next opening focuses the first of them (a
    // required field left empty is focused by the send instead).
    if (opened || (s.open && had && !had.isConnected) || (fresh && s.open && (!had || had === launcher)))
      (root.querySelector<HTMLElement>('.pc [name],.alt [name]') ?? (off ? root.querySelector<HTMLElement>('.ch button') : input.current))?.focus();
    fresh = false;
    if (after) focus(after);
    after = '';
    const now = `${s.entries.length}:${s.pending.length}:${s.offerAlternatives}:${r?.state}`;
    if (log.current && (opened || shown !== now)) log.current.scrollTop = log.current.scrollHeight;
    // Resolved: the survey comes into view (once, and again on opening).
    const sv = s.open && s.conversation?.state === 'resolved' ? root.querySelector('.sv') : null;
    if (sv && (opened || !surveyShown)) sv.scrollIntoView({ block: 'nearest' });
    surveyShown = !!sv;
    wasOpen = s.open;
    shown = now;
  };
  // Frames often come in bursts (a sync page): render once per microtask.
  const onChange = () => {
    if (!queued) queueMicrotask(draw);
    queued = true;
  };
  const chat = createChat({
    site: config.site,
    base: config.base,
    lang: config.lang,
    department: config.department,
    attributes: config.attributes,
    identity: config.identity,
    storage,
    onChange,
    onUnread: config.onUnread,
    // The visitor's own data, as a JSON download (asked for with a button of the extras).
    onExport: (data) => extras?.download(data, config.site),
    onErased: () => config.onErased?.(),
    onMessage: config.onMessage,
  });
  Object.assign(v, chat.state.profile);

  /** Shows the problems at once and moves focus to the first field that has one. */
  const invalid = (p: typeof errs) => {
    errs = p;
    if (!Object.keys(p).length) return false;
    draw();
    focus('[aria-invalid=true]');
    return true;
  };

  const grow = (el: HTMLTextAreaElement) => {
    el.style.height = '';
    if (el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight + 2}px`;
  };
  const on: Handlers = {
    close() {
      chat.setOpen(false);
      config.onOpenChange(false);
    },
    input(el) {
      const had = !!draft.trim();
      draft = el.value;
      grow(el);
      chat.typing();
      chat.suggest(draft);
      if (had !== !!draft.trim()) onChange(); // the send button's state
    },
    submit(text, keep) {
      const el = input.current;
      const pre = chat.preChat();
      const given: Fields = {};
      for (const f of pre) given[f.id] = v[f.id];
      if (!el || invalid(check(given, pre.filter((f) => f.required).map((f) => f.id)))) return;
      if (!chat.send(text ?? el.value, given) || keep) return;
      el.value = draft = '';
      grow(el);
    },
    field(id, value) {
      v[id] = value;
      if (errs[id]) {
        errs = { ...errs, [id]: undefined };
        onChange();
      }
    },
    choose(kind) {
      form = kind;
      errs = {};
      after = kind ? '.alt [name]' : '.ch button';
      draw();
    },
    request() {
      if (form) invalid(chat.request(form, v));
    },
    feedback: chat.feedback,
    pick: chat.pick,
    escalate: chat.escalate,
    privacy() {
      privacy = !privacy;
      draw();
    },
    download: chat.exportData,
    erase(sure) {
      // The widget's own confirmation (the extras' Privacy): a first press asks, a second erases.
      if (sure) chat.eraseData();
      confirming = sure === false ? false : !confirming;
      after = confirming ? '.cf .bt' : '.pv .lk';
      draw();
    },
    rate: chat.rate,
    attach(f) {
      upErr = '';
      void lazy()
        .then((m) => m.upload(config.base, config.site, chat.token(), f, config.lang))
        .then((r) => {
          if (typeof r === 'string') upErr = r;
          else if (chat.send(draft.trim() || r.name, {}, r.id) && draft.trim() && input.current) input.current.value = draft = '';
          draw();
        });
    },
    transcript() {
      const e = v.email || window.prompt(t.yourEmail)?.trim();
      if (e) chat.transcript(e);
    },
  };
  chat.setOpen(config.open);
  config.attributesChanged = chat.attributesChanged;
  config.identityChanged = chat.identityChanged;
  config.send = (text) => void chat.send(text);
  config.show = chat.show;
  config.pageChanged = chat.pageChanged;
  config.shutdown = () => {
    chat.destroy();
    render(null, el);
    el.remove();
    style.remove();
    extrasStyle?.remove();
    chevron.remove();
  };
  draw();
  return chat.setOpen;
}

export interface Handlers {
  close(): void;
  input(el: HTMLTextAreaElement): void;
  /** Sends the input, or `text` (a suggestion, which replaces the input; a quick reply, which `keep`s it). */
  submit(text?: string, keep?: boolean): void;
  feedback(helpful: boolean): void;
  /** Picks an entry the bot suggested ("Did you mean…"). */
  pick(faqId: string): void;
  escalate(): void;
  /** "Your data": show or hide the download and delete buttons. */
  privacy(): void;
  download(): void;
  /** "Delete my data": asks first (no argument), then erases (true) or cancels (false). */
  erase(sure?: boolean): void;
  /** The satisfaction survey: a rating 1-5 and an optional comment. */
  rate(rating: number, comment?: string): void;
  field(id: FieldId, value: string): void;
  /** Opens a form (null: back to the choices). */
  choose(kind: OfflineRequest['kind'] | null): void;
  /** Sends the open form. */
  request(): void;
  /** Uploads a picked file and sends it (the input's text as its caption). */
  attach(f: File): void;
  /** "Email me the transcript" (to the known address, or one asked for). */
  transcript(): void;
}

/** What the view needs besides the model's state. */
export interface Ui {
  /** Outside hours and no open conversation (no message box, unless the bot answers). */
  off: boolean;
  /** Nobody could answer now (outside hours, or no agent of the department online). */
  away: boolean;
  isOpen: boolean;
  pre: PreChatField[];
  form: OfflineRequest['kind'] | null;
  v: Fields;
  errs: Partial<Record<FieldId, Problem>>;
  lang: Lang;
  time: (ms: number) => string;
  /** The bot answer that offers feedback and quick replies. */
  answer: MessageItem | null;
  /** The bot's "Did you mean…" whose buttons still work. */
  offer: MessageItem | null;
  /** The "your data" buttons are shown. */
  privacy: boolean;
  /** "Delete my data" waits for its confirmation. */
  confirming: boolean;
  /** An attachment's blob: URL ('' until fetched). */
  file: (a: AttachmentInfo) => string;
  /** Why the last upload was refused. */
  upErr: string;
  /** The extras chunk: undefined until loaded (the call loads it, and the view is drawn again). */
  extras: () => Extras | undefined;
  /** The strings with the extras' (once loaded). */
  tx: (Dict & ExtraDict) | undefined;
  /** The site's branding. */
  b?: Brand;
}

interface PanelProps {
  s: ChatState;
  t: Dict;
  ui: Ui;
  draft: string;
  input: RefObject<HTMLTextAreaElement>;
  log: RefObject<HTMLDivElement>;
  on: Handlers;
}

function Panel({ s, t, ui, draft, input, log, on }: PanelProps) {
  const count = s.entries.length + s.pending.length;
  const c = s.conversation;
  const { off, away, form, b } = ui;
  const r = s.request;
  const done = r?.state === 'done' ? r : null;
  // While queued, the last 'queued' line shows the live position and wait (when someone could answer).
  const live = c?.state === 'queued' && c.channel !== 'callback' ? c : null;
  const lastQueued = live
    ? s.entries.reduce((n, e, i) => (e.conversationId === live.id && e.item.kind === 'event' && e.item.event === 'queued' ? i : n), -1)
    : -1;
  const hidden = hiddenLines(s.entries);
  // Nobody could answer: said at once, with the alternatives (the bot, if on, still answers what it can).
  const alone = away && (!c || c.state === 'queued' || c.state === 'bot') && c?.channel !== 'callback';
  const status = !s.connected
    ? t.connecting
    : c?.state === 'assigned'
      ? t.here(c.agentName ?? t.agent)
      : c?.state === 'bot'
        ? t.assistant
        : !ui.isOpen
        ? t.closed
        : c?.state === 'resolved'
          ? t.resolved
          : away
            ? t.away
            : c
              ? t.queued
              : b?.line ?? t.online;
  const f = { t, ui, on };
  const survey = c?.state === 'resolved' && c.channel !== 'callback' && !c.resolvedReason ? c : null; // no survey after an automatic resolution
  // The rarely needed parts (survey, offline and call-back forms, the data buttons): a chunk of their own, loaded when first needed.
  const X = survey || off || alone || s.offerAlternatives || form || done || ui.privacy ? ui.extras() : undefined;
  const fx = { t: ui.tx!, ui, on };

  return (
    <div
      class="p"
      role="dialog"
      aria-label={t.title}
      hidden={!s.open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          on.close();
        }
      }}
    >
      <div class="hd">
        {b?.agents && (
          <span class="av" aria-hidden="true">
            {b.agents.map((a) => (
              <i key={a}>{a}</i>
            ))}
          </span>
        )}
        <div>
          <h2>{b?.team ?? t.title}</h2>
          <p class="st">{status}</p>
        </div>
        <button type="button" class="x" aria-label={t.close} onClick={on.close}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      <div class="pv">
        <button type="button" class="lk" aria-expanded={ui.privacy} onClick={on.privacy}>
          {t.yourData}
        </button>
        {X && ui.privacy && <X.Privacy {...fx} />}
      </div>
      <div class="log" ref={log} role="log" aria-live="polite" aria-label={t.messages} tabIndex={0}>
        {count === 0 && !off && !done && !s.proactive && <p class="note">{c?.channel === 'callback' ? t.callPending : b?.hello ?? t.greeting}</p>}
        {s.entries.map((e, i) =>
          hidden.has(i) ? null : i === lastQueued && live ? (
            <p key={`${e.conversationId}:${e.item.seq}`} class="ev">
              {away ? ui.tx?.held : queueText(live, t)}
            </p>
          ) : (
            <Item key={`${e.conversationId}:${e.item.seq}`} e={e} t={t} time={ui.time} file={ui.file}>
              {e.item === ui.answer && <Answer a={ui.answer} ask={s.rated !== ui.answer.id} t={t} on={on} />}
              {e.item.kind === 'message' && e.item.suggestions && <Offer a={e.item} live={e.item === ui.offer} t={t} on={on} />}
            </Item>
          ),
        )}
        {s.proactive && <Bubble name={t.team} body={s.proactive.text} meta="" t={t} />}
        {s.pending.map((p) => (
          <Bubble key={p.clientId} mine body={p.body} meta={pendingMeta(p, t)} t={t} failed={p.state === 'failed'} />
        ))}
        {live && lastQueued < 0 && ui.isOpen && <p class="ev">{away ? ui.tx?.held : queueText(live, t)}</p>}
        {X && survey && <X.Survey c={survey} t={fx.t} on={on} />}
        {c?.state === 'resolved' && s.site?.email && (
          <p class="note">
            {s.mailedTo ? (
              t.mailed(s.mailedTo, s.mailConfirm)
            ) : (
              <button type="button" class="lk" onClick={on.transcript}>
                {t.transcript}
              </button>
            )}
          </p>
        )}
        {X && alone && !off && <p class="note">{fx.t.noAgents}</p>}
        {X && off && <X.Off {...fx} site={s.site} />}
        {X && (done ? <X.Done {...fx} done={done} /> : (off || alone || s.offerAlternatives) && !form && <X.Choices {...fx} />)}
      </div>
      {s.agentTyping && <p class="ty">{t.typing(c?.agentName ?? t.agent)}</p>}
      {form ? (
        X && <X.Alt {...fx} form={form} r={r} />
      ) : (
        !off && (
          <form
            class="c"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              on.submit();
            }}
          >
            {ui.pre.length > 0 && (
              <div class="pc">
                {ui.pre.map((p) => (
                  <Field
                    {...f}
                    key={p.id}
                    id={p.id}
                    req={p.required}
                    type={p.id === 'email' ? 'email' : undefined}
                    auto={p.id === 'department' ? undefined : p.id}
                    max={p.id === 'email' ? 254 : 120}
                    hint={p.id === 'email' && away ? ui.tx?.emailWhy : undefined}
                    options={p.id === 'department' ? s.site?.departments : undefined}
                  />
                ))}
              </div>
            )}
            {c?.state === 'bot' && (
              <button type="button" class="bt human" onClick={on.escalate}>
                {t.human}
              </button>
            )}
            {s.suggestions.length > 0 && (
              <ul
                class="sg"
                aria-label={t.suggested}
                onKeyDown={(e) => {
                  // Up and down move through the questions; down from the last one goes back to the input.
                  const li = (e.target as HTMLElement).parentElement!;
                  const to = e.key === 'ArrowUp' ? li.previousElementSibling : e.key === 'ArrowDown' ? li.nextElementSibling : li;
                  if (to === li) return;
                  e.preventDefault();
                  ((to?.firstChild ?? input.current) as HTMLElement | null)?.focus();
                }}
              >
                {s.suggestions.map((x) => (
                  <li key={x.id}>
                    <button type="button" onClick={() => on.submit(x.question)}>
                      {x.question}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {ui.upErr && (
              <p class="fe" role="alert">
                {ui.upErr}
              </p>
            )}
            <label class="s at" title={t.attach}>
              <input
                type="file"
                class="sr"
                aria-label={t.attach}
                accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
                onChange={(e) => {
                  const el = e.currentTarget;
                  if (el.files?.[0]) on.attach(el.files[0]);
                  el.value = '';
                }}
              />
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M16 7l-7 7a2 2 0 003 3l7-7a4 4 0 00-6-6l-7 7a6 6 0 009 9l6-6" />
              </svg>
            </label>
            <label class="sr" for="parla-input">
              {t.label}
            </label>
            <textarea
              id="parla-input"
              ref={input}
              rows={1}
              maxLength={MAX_CHARS}
              placeholder={t.placeholder}
              onInput={(e) => on.input(e.currentTarget)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  on.submit();
                } else if (e.key === 'ArrowUp' && s.suggestions.length && !draft.includes('\n')) {
                  e.preventDefault();
                  e.currentTarget.form?.querySelector<HTMLElement>('.sg li:last-child button')?.focus();
                }
              }}
            />
            <button type="submit" class="s" aria-label={t.send} disabled={!draft.trim()}>
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M5 12h14M13 6l6 6-6 6" />
              </svg>
            </button>
          </form>
        )
      )}
    </div>
  );
}

export interface FieldProps {
  t: Dict;
  ui: Ui;
  on: Handlers;
  id: FieldId;
  req?: boolean;
  type?: string;
  auto?: string;
  max?: number;
  hint?: string;
  area?: boolean;
  options?: { id: string; name: string; open: boolean }[];
}

/** A labelled field; its problem is shown under it and tied to it with aria-describedby. */
export function Field({ t, ui, on, id, req, type, auto, max, hint, area, options }: FieldProps) {
  const err = ui.errs[id];
  const a = {
    id: `parla-${id}`,
    name: id,
    value: ui.v[id] ?? '',
    required: req,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': err ? `parla-${id}-e` : undefined,
    onInput: (e: { currentTarget: { value: string } }) => on.field(id, e.currentTarget.value),
  };
  return (
    <div class="fl">
      <label for={a.id}>
        {t.f[id]}
        {!req && <span class="op"> {t.optional}</span>}
      </label>
      {options ? (
        <select {...a}>
          <option value="">{t.choose}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name + (d.open ? '' : t.closedDept)}
            </option>
          ))}
        </select>
      ) : area ? (
        <textarea {...a} rows={3} maxLength={max} />
      ) : (
        <input {...a} type={type ?? 'text'} autoComplete={auto} maxLength={max} placeholder={hint} />
      )}
      {err && (
        <p class="fe" id={`parla-${id}-e`}>
          {t.bad[err]}
        </p>
      )}
    </div>
  );
}

const pendingMeta = (p: Pending, t: Dict) =>
  p.state === 'failed'
    ? p.retryAfterMs !== undefined
      ? t.tooFast(p.retryAfterMs)
      : t.failed(p.error ?? '')
    : p.state === 'sent'
      ? t.sent
      : t.sending;

interface ItemProps {
  e: Entry;
  t: Dict;
  time: (ms: number) => string;
  file: (a: AttachmentInfo) => string;
  /** Shown under a message (the bot's feedback prompt and quick replies). */
  children?: ComponentChildren;
}

function Item({ e, t, time, file, children }: ItemProps) {
  const it = e.item;
  if (it.kind === 'message') {
    const mine = it.authorType === 'visitor';
    return (
      <>
        <Bubble mine={mine} bot={it.authorType === 'bot' && !it.proactive} name={mine ? null : it.proactive ? t.team : it.authorName ?? t.agent} body={it.body} meta={time(it.createdAt)} t={t} att={it.attachment} file={file} />
        {children}
      </>
    );
  }
  return <p class="ev">{eventText(it, t)}</p>;
}

/**
 * The system lines not to show (by index): of a run of consecutive ones, all but the latest (an
 * agent signing in and out leaves one line, not sixteen); and a "queued" line once an agent has
 * joined after it (the "joined" line replaces it).
 */
export function hiddenLines(entries: readonly Entry[]): Set<number> {
  const out = new Set<number>();
  const joined = new Set<string>();
  for (let i = entries.length; i--; ) {
    const e = entries[i]!;
    if (e.item.kind !== 'event') continue;
    const next = entries[i + 1];
    if (next?.item.kind === 'event' && next.conversationId === e.conversationId) out.add(i);
    if (e.item.event === 'assigned') joined.add(e.conversationId);
    else if (e.item.event === 'queued' && joined.has(e.conversationId)) out.add(i);
  }
  return out;
}

/** Under the bot's current answer: its quick replies and, until answered, "Did this solve it?". */
function Answer({ a, ask, t, on }: { a: MessageItem; ask: boolean; t: Dict; on: Handlers }) {
  return (
    <div class="qa">
      {a.quickReplies?.map((q) => (
        <button key={q} type="button" class="bt qr" onClick={() => on.submit(q, true)}>
          {q}
        </button>
      ))}
      {ask && (
        <div class="fb" role="group" aria-labelledby="parla-fb">
          <p id="parla-fb">{t.helpful}</p>
          <button type="button" class="bt pr fb-yes" onClick={() => on.feedback(true)}>
            {t.yes}
          </button>
          <button type="button" class="bt fb-no" onClick={on.escalate}>
            {t.no}
          </button>
          <button type="button" class="bt fb-not-quite" onClick={() => on.feedback(false)}>
            {t.notQuite}
          </button>
        </div>
      )}
    </div>
  );
}

/** Under a bot's "Did you mean…": one button per entry it offers and "talk to a person"; off once picked or once the bot is done. */
function Offer({ a, live, t, on }: { a: MessageItem; live: boolean; t: Dict; on: Handlers }) {
  return (
    <div class="qa" role="group" aria-label={t.suggested}>
      {a.suggestions!.map((x) => (
        <button key={x.faqId} type="button" class="bt qr" disabled={!live} onClick={() => on.pick(x.faqId)}>
          {x.question}
        </button>
      ))}
      <button type="button" class="bt" disabled={!live} onClick={on.escalate}>
        {t.human}
      </button>
    </div>
  );
}

interface BubbleProps {
  mine?: boolean;
  bot?: boolean;
  name?: string | null;
  body: string;
  meta: string;
  t: Dict;
  failed?: boolean;
  att?: AttachmentInfo;
  file?: (a: AttachmentInfo) => string;
}

function Bubble({ mine, bot, name, body, meta, t, failed, att, file }: BubbleProps) {
  const url = att && file ? file(att) : '';
  return (
    <div class={mine ? 'm me' : bot ? 'm bot' : 'm'}>
      {name ? (
        <span class="who">
          {name}
          {bot && <span class="tag">{t.bot}</span>}
        </span>
      ) : (
        <span class="sr">{t.you}</span>
      )}
      {/* A file sent without a caption: its chip or picture says it all. */}
      {body !== att?.name && (
        <p class="b">
          {linkify(body).map((part) =>
            typeof part === 'string' ? (
              part
            ) : (
              <a href={part.href} target="_blank" rel="noopener noreferrer">
                {part.text}
              </a>
            ),
          )}
        </p>
      )}
      {att &&
        (url && att.mime !== 'application/pdf' ? (
          <a href={url} target="_blank" rel="noopener">
            <img class="im" src={url} alt={att.name} />
          </a>
        ) : (
          <a class="fi" href={url || undefined} download={att.name}>
            {`${t.file}: ${att.name} · ${Math.ceil(att.size / 1024)} KB`}
          </a>
        ))}
      <span class={failed ? 'meta err' : 'meta'}>{meta}</span>
    </div>
  );
}
