import type { ConversationDetail, ConversationSummary, EventItem, StreamItem } from '@parla/protocol';
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDuration, mailtoHref, telHref } from '../format.ts';
import { useNow } from '../hooks.ts';
import { transferSenders, transferWordingKind } from '../transfer.ts';
import { routingRuns } from '../routing-lines.ts';
import { CallbackBadge, SlaTimer } from './SlaTimer.tsx';
import { CsatFace } from './CsatFace.tsx';
import { formatFull, formatTime } from '../dates.ts';
import { lang, t } from '../i18n.ts';
import { stateLabel, units, visitorLabel } from '../labels.ts';
import { MAX_MESSAGE_CHARS, type PendingMessage } from '../store.ts';
import { RichText } from './RichText.tsx';
import { filterCanned, fillCanned, insertCanned, slashQuery, useCanned, type CannedVars } from '../canned.ts';
import { te } from '../i18n-engage.ts';
import { CANNED_LIST_ID, CannedPicker, cannedOptionId } from './CannedPicker.tsx';
import './engage.css';
import { AttachButton, AttachmentPreview } from './Attachment.tsx';
import { ta } from '../i18n-abandoned.ts';
import { SnoozeControl } from './Snooze.tsx';
import { ConversationTags } from './ConversationTags.tsx';
import { ti } from '../i18n-inbox.ts';
import { inboxApi } from '../tags.ts';

interface Props {
  meId: string;
  meName: string;
  /** 'conversationId:seq' of transfers this console made. */
  ownTransfers: Record<string, true>;
  conversation: ConversationSummary;
  items: StreamItem[] | undefined;
  pending: PendingMessage[];
  typingUntil: number | undefined;
  detail: ConversationDetail | undefined;
  departmentNames: Record<string, string>;
  onSend: (body: string, attachmentId?: string) => void;
  /** Opens the transfer dialog. */
  onTransfer: () => void;
  onTyping: (isTyping: boolean) => void;
  onResolve: () => void;
  onDismiss: (clientId: string) => void;
  /** Set when the agent is at their limit: a waiting conversation offers no reply box (replying would take it). */
  takeBlocked?: string | null;
  onSnooze?: (until: number | null) => void;
  onUnsnooze?: () => void;
}

export function ConversationView(p: Props) {
  const c = p.conversation;
  const resolved = c.state === 'resolved';
  const kpi = p.detail && p.detail.conversation.id === c.id ? p.detail : undefined;
  const visitorTyping = useVisitorTyping(p.typingUntil);
  const isCallback = c.channel === 'callback';
  const department = c.departmentId ? p.departmentNames[c.departmentId] : undefined;
  const email = c.visitorEmail?.trim() || null;
  const emailHref = email ? mailtoHref(email) : null;

  // Our sends not yet in the stream; an item with the same clientId replaces its pending copy.
  const pending = useMemo(() => {
    if (p.pending.length === 0) return p.pending;
    const confirmed = new Set<string>();
    for (const it of p.items ?? []) if (it.kind === 'message' && it.clientId) confirmed.add(it.clientId);
    return p.pending.filter((m) => !confirmed.has(m.clientId));
  }, [p.items, p.pending]);

  return (
    <section class="conversation" aria-labelledby="conv-title" data-testid="conversation" data-conversation-id={c.id} data-state={c.state}>
      <header class="conv-head">
        <div class="conv-title">
          <h1 id="conv-title">{visitorLabel(c)}</h1>
          <p class="conv-meta">
            <span class={`state-pill state-${c.state}`} data-testid="conversation-state">
              {stateLabel(c.state)}
            </span>
            {isCallback && <CallbackBadge />}
            {c.state === 'assigned' && (c.agentId === p.meId ? <span>{t.conversation.assignedToMe}</span> : c.agentName && <span>{t.conversation.assignedTo(c.agentName)}</span>)}
            {department && (
              <span data-testid="conversation-department">
                {t.conversation.department}: {department}
              </span>
            )}
            {c.priority > 0 && <span data-testid="conversation-priority">{t.inbox.priority(c.priority)}</span>}
            {c.proactive && (
              <span class="proactive-pill" data-testid="proactive-badge">
                {te.proactive.conversation}
              </span>
            )}
            {!resolved && <HeaderSla c={c} />}
          </p>
          {email && (
            <p class="conv-email" data-testid="conversation-email">
              {t.conversation.email}: {emailHref ? <a href={emailHref}>{email}</a> : email}
            </p>
          )}
          <p class="kpi">
            <span data-testid="kpi-first-response">
              {t.conversation.firstResponse}: <strong>{kpi ? formatDuration(kpi.firstResponseMs, units, t.conversation.notYet) : '…'}</strong>
            </span>
            <span aria-hidden="true"> · </span>
            <span data-testid="kpi-resolution">
              {t.conversation.resolution}: <strong>{kpi ? formatDuration(kpi.resolutionMs, units, t.conversation.notYet) : '…'}</strong>
            </span>
            {c.csat && (
              <>
                <span aria-hidden="true"> · </span>
                <span data-testid="kpi-csat">
                  {t.csat.rating}: <CsatFace csat={c.csat} showNumber />
                </span>
              </>
            )}
          </p>
          {c.csat?.comment && (
            <p class="csat-comment" data-testid="csat-comment">
              <span class="sr-only">{t.csat.comment}: </span>“{c.csat.comment}”
            </p>
          )}
        </div>
        <div class="conv-actions">
          {c.state === 'assigned' && c.agentId === p.meId && p.onSnooze && p.onUnsnooze && <SnoozeControl c={c} onSnooze={p.onSnooze} onUnsnooze={p.onUnsnooze} />}
          {!resolved && (
            <button type="button" data-testid="transfer-button" aria-haspopup="dialog" onClick={p.onTransfer}>
              {t.transfer.button}
            </button>
          )}
          <button type="button" class="resolve" data-testid="resolve-button" disabled={resolved} onClick={p.onResolve}>
            {isCallback ? (resolved ? t.conversation.done : t.conversation.markDone) : resolved ? t.conversation.resolved : t.conversation.resolve}
          </button>
        </div>
      </header>
      {isCallback && c.callback && <CallbackCard cb={c.callback} />}
      <ConversationTags c={c} />

      <MessageList
        conversationId={c.id}
        meId={p.meId}
        meName={p.meName}
        ownTransfers={p.ownTransfers}
        items={p.items}
        pending={pending}
        departmentNames={p.departmentNames}
        onDismiss={p.onDismiss}
      />

      <div class="typing-slot" aria-live="polite">
        {visitorTyping && (
          <p class="typing" data-testid="typing-indicator">
            <span class="typing-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t.conversation.typing}
          </p>
        )}
      </div>

      {resolved && (
        <p class="resolved-note" data-testid="resolved-note">
          {c.autoResolved ? ta.auto[c.autoResolved] : t.conversation.resolvedNote}
        </p>
      )}
      {!resolved && p.takeBlocked && (c.state === 'queued' || c.state === 'bot') ? (
        <p class="capacity-note" role="note" data-testid="reply-blocked">
          {p.takeBlocked}. {ta.capacity.noReply} {ta.capacity.hint}
        </p>
      ) : (
        // Resolved: internal notes only.
        <Composer
          notesOnly={resolved}
          key={c.id}
          conversationId={c.id}
          siteId={c.siteId}
          departmentId={c.departmentId}
          vars={{ 'visitor.name': c.visitorName, 'visitor.email': c.visitorEmail, 'agent.name': p.meName }}
          onSend={p.onSend}
          onTyping={p.onTyping}
        />
      )}
    </section>
  );
}

/** The SLA countdown in the header (ticks on its own so the view does not re-render every second). */
function HeaderSla({ c }: { c: ConversationSummary }) {
  const now = useNow(1000);
  return <SlaTimer c={c} now={now} />;
}

function CallbackCard({ cb }: { cb: NonNullable<ConversationSummary['callback']> }) {
  const href = telHref(cb.phone);
  return (
    <section class="callback-card" data-testid="callback-card" aria-label={t.conversation.callback}>
      <dl class="facts">
        <dt>{t.conversation.phone}</dt>
        <dd>
          {href ? (
            <a href={href} data-testid="callback-phone">
              {cb.phone}
            </a>
          ) : (
            <span data-testid="callback-phone">{cb.phone}</span>
          )}
        </dd>
        <dt>{t.conversation.preferredTime}</dt>
        <dd data-testid="callback-time">{cb.preferredTime.trim() || t.conversation.anyTime}</dd>
        {cb.note?.trim() && (
          <>
            <dt>{t.conversation.callbackNote}</dt>
            <dd data-testid="callback-note">{cb.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** True while the visitor's typing flag is on and not expired. */
function useVisitorTyping(until: number | undefined): boolean {
  const [, force] = useState(0);
  const active = until !== undefined && until > Date.now();
  useEffect(() => {
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => force((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [until]);
  return active;
}

// -------------------------------------------------------------------------------------------

function MessageList({
  conversationId,
  meId,
  meName,
  ownTransfers,
  items,
  pending,
  departmentNames,
  onDismiss,
}: {
  conversationId: string;
  meId: string;
  meName: string;
  ownTransfers: Record<string, true>;
  items: StreamItem[] | undefined;
  pending: PendingMessage[];
  departmentNames: Record<string, string>;
  onDismiss: (clientId: string) => void;
}) {
  const senders = useMemo(() => transferSenders(items ?? []), [items]);
  // Runs of queue changes: the latest line shown, the earlier ones behind "Show N earlier".
  const runs = useMemo(() => routingRuns(items ?? []), [items]);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setUnfolded(new Set()), [conversationId]);
  const folded = useMemo(() => {
    const out = new Set<number>();
    for (const [last, earlier] of runs) if (!unfolded.has(last)) for (const seq of earlier) out.add(seq);
    return out;
  }, [runs, unfolded]);
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const count = (items?.length ?? 0) + pending.length;

  useLayoutEffect(() => {
    stick.current = true;
  }, [conversationId]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [conversationId, count, pending.map((m) => m.status).join()]);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  const now = Date.now();
  return (
    <div class="messages" ref={ref} onScroll={onScroll} role="log" aria-label={t.conversation.messages} tabIndex={0} data-testid="message-list">
      {items === undefined && <p class="muted center">{t.conversation.loading}</p>}
      {items?.map((it) =>
        it.kind === 'event' ? (
          folded.has(it.seq) ? null : (
            <Fragment key={`e${it.seq}`}>
              {runs.has(it.seq) && !unfolded.has(it.seq) && (
                <button type="button" class="link fold" data-testid="routing-unfold" onClick={() => setUnfolded(new Set([...unfolded, it.seq]))}>
                  {t.conversation.earlierRouting(runs.get(it.seq)!.length)}
                </button>
              )}
              <EventLine
                e={it}
                actor={ownTransfers[`${conversationId}:${it.seq}`] ? meName : ((it as EventItem & { actorName?: string | null }).actorName ?? null)}
                from={senders.get(it.seq) ?? null}
                departmentNames={departmentNames}
              />
            </Fragment>
          )
        ) : it.authorType === 'system' ? (
          <div key={`m${it.seq}`} class="system-note" data-testid="event" data-event="system" data-seq={it.seq}>
            <span class="sr-only">{t.conversation.systemNote}: </span>
            <RichText text={it.body} />
            <time dateTime={new Date(it.createdAt).toISOString()} title={formatFull(it.createdAt)}>
              {formatTime(it.createdAt, now)}
            </time>
          </div>
        ) : (
          <div
            key={`m${it.seq}`}
            class={`msg msg-${it.authorType === 'visitor' ? 'in' : 'out'} author-${it.authorType}`}
            data-testid="message"
            data-author-type={it.authorType}
            data-seq={it.seq}
            data-client-id={it.clientId ?? undefined}
            data-status="confirmed"
          >
            <div class="bubble">
              {it.body !== it.attachment?.name && <RichText text={it.body} />}
              {it.attachment && <AttachmentPreview a={it.attachment} />}
            </div>
            {it.suggestions && it.suggestions.length > 0 && (
              <p class="msg-suggested" data-testid="bot-suggested">
                {t.conversation.suggested}: {it.suggestions.map((x) => x.question).join(' · ')}
              </p>
            )}
            <div class="msg-meta">
              {it.authorType === 'agent' && <span>{it.authorId === meId ? t.conversation.you : (it.authorName ?? '')}</span>}
              {it.authorType === 'bot' && <span>{it.proactive ? te.proactive.message : (it.authorName ?? t.conversation.bot)}</span>}
              <time dateTime={new Date(it.createdAt).toISOString()} title={formatFull(it.createdAt)}>
                {formatTime(it.createdAt, now)}
              </time>
            </div>
          </div>
        ),
      )}
      {pending.map((m) => (
        <div
          key={`p${m.clientId}`}
          class={`msg msg-out author-agent pending-${m.status}`}
          data-testid="message"
          data-author-type="agent"
          data-client-id={m.clientId}
          data-status={m.status}
          aria-busy={m.status !== 'failed' ? 'true' : undefined}
        >
          <div class="bubble">
            <RichText text={m.body} />
          </div>
          <div class="msg-meta">
            {m.status === 'failed' ? (
              <>
                <span class="msg-error" role="alert">
                  {t.conversation.failed(m.error ?? '')}
                </span>
                <button type="button" class="link" onClick={() => onDismiss(m.clientId)}>
                  {t.conversation.dismiss}
                </button>
              </>
            ) : (
              <span class="msg-sending">{m.status === 'sending' ? t.conversation.sending : t.conversation.sent}</span>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

function eventText(e: EventItem, actor: string | null, from: string | null, departmentNames: Record<string, string>): string | null {
  switch (e.event) {
    case 'created':
      return null; // the first message already marks the start
    case 'queued':
      return t.events.queued;
    case 'assigned':
      return e.agentName ? t.events.assigned(e.agentName) : t.events.assignedUnknown;
    case 'resolved':
      return e.reason ? ta.auto[e.reason] : t.events.resolved(e.agentName);
    case 'reopened':
      return t.events.reopened;
    case 'transferred': {
      const to = e.agentName ?? (e.departmentId ? departmentNames[e.departmentId] : undefined) ?? (e.departmentId ? t.events.someDepartment : t.events.someone);
      const kind = transferWordingKind({ actor, from });
      const text = kind === 'actor' ? t.events.transferred(actor!, to) : kind === 'from' ? t.events.transferredFrom(from!, to) : t.events.transferredTo(to);
      return e.note?.trim() ? `${text} — ${t.events.note(e.note.trim())}` : text;
    }
    case 'sla_breached':
      return t.events.slaBreached;
    case 'bot_unhelpful':
      return t.events.botUnhelpful;
    default:
      return null; // a kind newer than this console
  }
}

function EventLine({ e, actor, from, departmentNames }: { e: EventItem; actor: string | null; from: string | null; departmentNames: Record<string, string> }) {
  if (e.event === 'note') {
    // An internal note: agents only, set apart from what the shopper sees.
    return (
      <p class="event event-note" data-testid="event" data-event="note">
        <span>
          <span class="note-by">{ti.noteBy(e.agentName ?? t.events.someone)}:</span>
          {e.note ?? ''}
        </span>
        <time dateTime={new Date(e.createdAt).toISOString()} title={formatFull(e.createdAt)}>
          {formatTime(e.createdAt)}
        </time>
      </p>
    );
  }
  const text = eventText(e, actor, from, departmentNames);
  if (!text) return null;
  return (
    <p class={`event event-${e.event}`} data-testid="event" data-event={e.event}>
      <span>{text}</span>
      <time dateTime={new Date(e.createdAt).toISOString()} title={formatFull(e.createdAt)}>
        {formatTime(e.createdAt)}
      </time>
    </p>
  );
}

// -------------------------------------------------------------------------------------------

/** Drafts survive switching conversations (not reloads). */
const drafts = new Map<string, string>();

const TYPING_THROTTLE_MS = 2000;
const TYPING_IDLE_MS = 3000;

interface ComposerProps {
  /** Only internal notes (a resolved conversation). */
  notesOnly?: boolean;
  conversationId: string;
  siteId: string;
  departmentId: string | null;
  /** For the canned responses' {{variables}}. */
  vars: CannedVars;
  onSend: (body: string, attachmentId?: string) => void;
  onTyping: (on: boolean) => void;
}

function Composer({ notesOnly = false, conversationId, siteId, departmentId, vars, onSend, onTyping }: ComposerProps) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  // Note mode: what is written goes to the agents only (POST /api/conversations/:id/notes).
  const [noteOn, setNoteOn] = useState(notesOnly);
  const note = notesOnly || noteOn;
  const [noteError, setNoteError] = useState(false);
  // The "/" picker: the query at the caret and the highlighted option.
  const canned = useCanned(siteId);
  const [slash, setSlash] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const matches = useMemo(() => (slash ? filterCanned(canned, slash.query, { lang, departmentId }) : []), [canned, slash?.query, departmentId]);
  const picking = slash !== null && canned.length > 0;
  const typing = useRef({ on: false, lastSent: 0, idle: null as ReturnType<typeof setTimeout> | null });
  const onTypingRef = useRef(onTyping);
  onTypingRef.current = onTyping;

  const stopTyping = () => {
    const s = typing.current;
    if (s.idle) clearTimeout(s.idle);
    s.idle = null;
    if (s.on) {
      s.on = false;
      s.lastSent = 0;
      onTypingRef.current(false);
    }
  };

  // Leaving the conversation (or the page) ends our typing.
  useEffect(() => stopTyping, []);

  const noteTyping = (value: string) => {
    if (!value.trim()) {
      stopTyping();
      return;
    }
    const s = typing.current;
    const now = Date.now();
    if (!s.on || now - s.lastSent >= TYPING_THROTTLE_MS) {
      s.on = true;
      s.lastSent = now;
      onTypingRef.current(true);
    }
    if (s.idle) clearTimeout(s.idle);
    s.idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const watchSlash = (value: string, caret: number) => {
    const q = slashQuery(value, caret);
    setSlash(q ? { ...q, caret } : null);
    if (q?.query !== slash?.query) setActive(0);
  };

  const pick = (r: { body: string }) => {
    if (!slash) return;
    const next = insertCanned(text, slash.start, slash.caret, fillCanned(r.body, vars));
    update(next.text);
    setSlash(null);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  };

  const update = (value: string) => {
    setText(value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
    if (!note) noteTyping(value); // the shopper is not told about a note being written
  };

  const send = () => {
    const body = text.trim();
    if (!body) return;
    stopTyping();
    if (note) {
      setNoteError(false);
      inboxApi.addNote(conversationId, body).then(
        () => {
          setText('');
          drafts.delete(conversationId);
        },
        () => setNoteError(true),
      );
      return;
    }
    onSend(body);
    setText('');
    drafts.delete(conversationId);
  };

  return (
    <form
      class={`composer${note ? ' note-mode' : ''}`}
      data-note={note ? 'true' : 'false'}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="reply-input" class="sr-only">
        {note ? ti.noteToggle : t.conversation.replyLabel}
      </label>
      {!notesOnly && (
        <label class="note-toggle">
          <input
            type="checkbox"
            data-testid="note-toggle"
            checked={noteOn}
            onChange={(e) => {
              setNoteOn(e.currentTarget.checked);
              if (e.currentTarget.checked) stopTyping();
            }}
          />
          {ti.note}
        </label>
      )}
      {noteError && (
        <span class="msg-error" role="alert">
          {ti.noteError}
        </span>
      )}
      {picking && <CannedPicker query={slash.query} matches={matches} active={active} onPick={pick} onHover={setActive} />}
      <textarea
        id="reply-input"
        ref={box}
        data-testid="reply-input"
        rows={3}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder={note ? ti.notePlaceholder : t.conversation.replyPlaceholder}
        value={text}
        // A textarea keeps its textbox role (combobox is not allowed on it): the "/" picker is announced
        // through aria-autocomplete, aria-controls and the active option.
        aria-autocomplete="list"
        aria-controls={picking && matches.length > 0 ? CANNED_LIST_ID : undefined}
        aria-activedescendant={picking && matches.length > 0 ? cannedOptionId(active) : undefined}
        onInput={(e) => {
          update(e.currentTarget.value);
          watchSlash(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onClick={(e) => watchSlash(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setSlash(null)}
        onKeyDown={(e) => {
          if (picking && e.key === 'Escape') {
            e.preventDefault();
            setSlash(null);
            return;
          }
          if (picking && matches.length) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (a + step + matches.length) % matches.length);
              return;
            }
            if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              pick(matches[Math.min(active, matches.length - 1)]!);
              return;
            }
          }
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            send();
          }
        }}
      />
      {!note && (
      <AttachButton
        conversationId={conversationId}
        onUploaded={(a) => {
          // The text in the box, if any, goes with the file as its caption.
          onSend(text.trim() || a.name, a.id);
          setText('');
          drafts.delete(conversationId);
        }}
      />
      )}
      <button type="submit" class="primary" data-testid="reply-send" disabled={!text.trim()}>
        {note ? ti.noteSave : t.conversation.send}
      </button>
    </form>
  );
}
