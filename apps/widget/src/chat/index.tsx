/**
 * The chat UI, loaded by the loader (src/embed.ts) on demand and mounted in its shadow root.
 * Message text is rendered as text (Preact escapes it); only http, https and mailto URLs become links.
 */
import { createRef, render, type RefObject } from 'preact';
import { dict, type Dict, type Lang } from './i18n.ts';
import { linkify } from './linkify.ts';
import { createChat, MAX_CHARS, type ChatState, type Entry, type Pending } from './model.ts';
import { css } from './styles.ts';

export interface MountConfig {
  site: string;
  base: string;
  lang: Lang;
  open: boolean;
  /** Called when the visitor closes the panel from inside it (Escape, close button). */
  onOpenChange(open: boolean): void;
  /** Agent messages received while the panel was closed (0 when it opens). */
  onUnread?(count: number): void;
}

/** Mounts the chat in `root`; returns the function the loader calls to open or close the panel. */
export function mount(root: ShadowRoot, config: MountConfig): (open: boolean) => void {
  const style = document.createElement('style');
  style.textContent = css;
  const el = document.createElement('div');
  root.append(style, el);
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    /* blocked: no memory across pages */
  }
  const t = dict(config.lang);
  const time = new Intl.DateTimeFormat(config.lang, { hour: '2-digit', minute: '2-digit' });
  const input = createRef<HTMLTextAreaElement>();
  const log = createRef<HTMLDivElement>();
  let draft = '';
  let wasOpen = false;
  let shown = -1;
  let queued = false;

  // No hooks: the whole view re-renders from the model, then focus and scroll are fixed up here.
  const draw = () => {
    queued = false;
    render(<Panel s={chat.state} t={t} time={(ms) => time.format(ms)} draft={draft} input={input} log={log} on={on} />, el);
    const { open, entries, pending } = chat.state;
    const opened = open && !wasOpen;
    if (opened) input.current?.focus();
    if (log.current && (opened || shown !== entries.length + pending.length)) log.current.scrollTop = log.current.scrollHeight;
    wasOpen = open;
    shown = entries.length + pending.length;
  };
  // Frames often come in bursts (a sync page): render once per microtask.
  const onChange = () => {
    if (!queued) queueMicrotask(draw);
    queued = true;
  };
  const chat = createChat({ site: config.site, base: config.base, lang: config.lang, storage, onChange, onUnread: config.onUnread });

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
      if (had !== !!draft.trim()) onChange(); // the send button's state
    },
    submit() {
      const el = input.current;
      if (!el || !chat.send(el.value)) return;
      el.value = draft = '';
      grow(el);
    },
  };
  chat.setOpen(config.open);
  draw();
  return chat.setOpen;
}

interface Handlers {
  close(): void;
  input(el: HTMLTextAreaElement): void;
  submit(): void;
}

interface PanelProps {
  s: ChatState;
  t: Dict;
  time: (ms: number) => string;
  draft: string;
  input: RefObject<HTMLTextAreaElement>;
  log: RefObject<HTMLDivElement>;
  on: Handlers;
}

function Panel({ s, t, time, draft, input, log, on }: PanelProps) {
  const count = s.entries.length + s.pending.length;
  const c = s.conversation;
  const waiting = !c || c.state === 'queued' || c.state === 'bot';
  const status = !s.connected
    ? t.connecting
    : !c
      ? s.agentsOnline > 0
        ? t.online
        : t.offline
      : c.state === 'assigned'
        ? t.here(c.agentName ?? t.agent)
        : c.state === 'resolved'
          ? t.resolved
          : t.queued;

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
      <header>
        <div>
          <h2>{t.title}</h2>
          <p class="st">{status}</p>
        </div>
        <button type="button" class="x" aria-label={t.close} onClick={on.close}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </header>
      <div class="log" ref={log} role="log" aria-live="polite">
        {count === 0 && <p class="note">{t.greeting}</p>}
        {s.entries.map((e) => (
          <Item key={`${e.conversationId}:${e.item.seq}`} e={e} s={s} t={t} time={time} />
        ))}
        {s.pending.map((p) => (
          <Bubble key={p.clientId} mine body={p.body} meta={pendingMeta(p, t)} t={t} failed={p.state === 'failed'} />
        ))}
        {s.agentsOnline === 0 && waiting && <p class="note">{t.noAgents}</p>}
      </div>
      {s.agentTyping && <p class="ty">{t.typing}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          on.submit();
        }}
      >
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
            }
          }}
        />
        <button type="submit" class="s" aria-label={t.send} disabled={!draft.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 12h14M13 6l6 6-6 6" />
          </svg>
        </button>
      </form>
    </div>
  );
}

const pendingMeta = (p: Pending, t: Dict) => (p.state === 'failed' ? t.failed(p.error ?? '') : p.state === 'sent' ? t.sent : t.sending);

function Item({ e, s, t, time }: { e: Entry; s: ChatState; t: Dict; time: (ms: number) => string }) {
  const it = e.item;
  if (it.kind === 'message') {
    const mine = it.authorType === 'visitor';
    return <Bubble mine={mine} name={mine ? null : it.authorName ?? t.agent} body={it.body} meta={time(it.createdAt)} t={t} />;
  }
  const c = s.conversation;
  const text =
    it.event === 'assigned'
      ? t.joined(it.agentName ?? t.agent)
      : it.event === 'resolved'
        ? t.convResolved
        : c?.id === e.conversationId && c.state === 'queued' && c.queuePosition
          ? t.queuePos(c.queuePosition)
          : t.inQueue;
  return <p class="ev">{text}</p>;
}

interface BubbleProps {
  mine?: boolean;
  name?: string | null;
  body: string;
  meta: string;
  t: Dict;
  failed?: boolean;
}

function Bubble({ mine, name, body, meta, t, failed }: BubbleProps) {
  return (
    <div class={mine ? 'm me' : 'm'}>
      {name ? <span class="who">{name}</span> : <span class="sr">{t.you}</span>}
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
      <span class={failed ? 'meta err' : 'meta'}>{meta}</span>
    </div>
  );
}
