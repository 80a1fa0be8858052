/**
 * Agent notifications. `Notifier.step` is pure bookkeeping (tested without a browser): given the
 * inbox, the followed conversations' items and the time, it says what deserves a notification:
 *  - a new waiting conversation the agent may take (queued, of no department or one of theirs);
 *  - a new visitor message in a conversation assigned to the agent, when the tab is hidden or that
 *    conversation is not the open one;
 *  - a first-response SLA about to breach (from a minute before slaDueAt), once per conversation.
 * The first step after a (re)connect only takes note of what exists. `useAlerts` turns notices
 * into browser notifications and a short Web Audio tone (created and resumed in user gestures,
 * per autoplay rules; muted when the agent chose so, remembered in localStorage).
 */
import type { ConversationSummary, Department, StreamItem } from '@parla/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { te } from './i18n-engage.ts';

export const SLA_WARNING_MS = 60_000;

export interface Notice {
  kind: 'waiting' | 'message' | 'sla';
  conversationId: string;
  title: string;
  body: string;
}

export interface NotifyInput {
  meId: string;
  conversations: Record<string, ConversationSummary>;
  items: Record<string, StreamItem[]>;
  openId: string | null;
  /** The tab is hidden (or not focused). */
  hidden: boolean;
  /** The agent's departments; null while unknown (every queued conversation counts). */
  myDepartments: Set<string> | null;
  now: number;
  /** Changes at every (re)connect: the first step after one only takes note. */
  connection: number;
}

const name = (c: ConversationSummary) => c.visitorName?.trim() || c.visitorEmail?.trim() || te.notifyFallback;

export class Notifier {
  private connection = -1;
  private queued = new Set<string>();
  private seen = new Map<string, number>();
  private warned = new Set<string>();
  /** When the last baseline was taken (minus a minute for clock differences with the server). */
  private since = 0;

  step(s: NotifyInput): Notice[] {
    const baseline = s.connection !== this.connection;
    this.connection = s.connection;
    if (baseline) this.since = s.now - 60_000;
    const out: Notice[] = [];
    const queued = new Set<string>();
    for (const c of Object.values(s.conversations)) {
      const mayTake = !c.departmentId || !s.myDepartments || s.myDepartments.has(c.departmentId);
      if (c.state === 'queued' && mayTake) {
        queued.add(c.id);
        if (!baseline && !this.queued.has(c.id)) out.push({ kind: 'waiting', conversationId: c.id, title: te.notify.waiting(name(c)), body: c.lastMessage ?? '' });
      }
      // Visitor messages in my conversations, after what was already there.
      const items = s.items[c.id];
      const last = items?.length ? items[items.length - 1]!.seq : 0;
      const before = this.seen.get(c.id);
      // First seen: a conversation that began since is new (all its messages count); an older one
      // (opened from the reports, say) only from what it holds now.
      if (before === undefined) this.seen.set(c.id, !baseline && c.createdAt >= this.since ? 0 : Math.max(last, c.lastSeq));
      const from = this.seen.get(c.id)!;
      if (c.agentId === s.meId && c.state !== 'resolved' && items && (s.hidden || s.openId !== c.id)) {
        const fresh = items.filter((i) => i.seq > from && i.kind === 'message' && i.authorType === 'visitor');
        const newest = fresh[fresh.length - 1];
        if (newest?.kind === 'message') out.push({ kind: 'message', conversationId: c.id, title: te.notify.message(name(c)), body: newest.body });
      }
      if (items) this.seen.set(c.id, Math.max(from, last));
      // The first-response SLA, a minute before it breaches (mine, or waiting for someone like me).
      const due = c.slaDueAt;
      const key = `${c.id}:${due}`;
      if (due != null && !c.slaBreached && (c.agentId === s.meId || (c.state === 'queued' && mayTake)) && s.now >= due - SLA_WARNING_MS && s.now < due && !this.warned.has(key)) {
        this.warned.add(key);
        out.push({ kind: 'sla', conversationId: c.id, title: te.notify.sla(name(c)), body: c.lastMessage ?? '' });
      }
    }
    this.queued = queued;
    return out;
  }
}

/** The tab title: "(3) Parla console" while something needs the agent. */
export function titleText(count: number, appName: string): string {
  return count > 0 ? `(${count}) ${appName}` : appName;
}

/** The agent's departments from the directory (null while it is not loaded). */
export function departmentsOf(meId: string, departments: Department[] | null): Set<string> | null {
  return departments ? new Set(departments.filter((d) => d.agentIds.includes(meId)).map((d) => d.id)) : null;
}

// ---- the browser side ------------------------------------------------------------------------

const MUTE_KEY = 'parla:console:muted';
let audio: AudioContext | null = null;

/**
 * Call from a user gesture (logging in, going online, the sound toggle): asks for notification
 * permission the first time, and creates or resumes the audio context (browsers keep audio
 * suspended until the page was interacted with).
 */
export function unlockAlerts(askPermission = true): void {
  try {
    if (askPermission && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
  } catch {
    /* not supported */
  }
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    /* no Web Audio */
  }
}

/** A short two-note chime (nothing when muted or before any gesture unlocked audio). */
function chime(): void {
  if (!audio || audio.state !== 'running') return;
  const t0 = audio.currentTime;
  for (const [i, f] of [880, 1320].entries()) {
    const o = audio.createOscillator();
    const g = audio.createGain();
    o.frequency.value = f;
    g.gain.setValueAtTime(0.0001, t0 + i * 0.12);
    g.gain.exponentialRampToValueAtTime(0.15, t0 + i * 0.12 + 0.02);
    g.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.12 + 0.18);
    o.connect(g).connect(audio.destination);
    o.start(t0 + i * 0.12);
    o.stop(t0 + i * 0.12 + 0.2);
  }
}

const readMuted = () => {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
};

/** The sound toggle's state, remembered in localStorage. */
export function useMuted(): [boolean, (m: boolean) => void] {
  const [muted, setMuted] = useState(readMuted);
  return [
    muted,
    (m) => {
      setMuted(m);
      try {
        if (m) localStorage.setItem(MUTE_KEY, '1');
        else localStorage.removeItem(MUTE_KEY);
      } catch {
        /* storage blocked: this page only */
      }
    },
  ];
}

/** Runs the notifier on every change and every 5 s (SLA warnings), and alerts. */
export function useAlerts(input: Omit<NotifyInput, 'now' | 'hidden'>, muted: boolean, onOpen: (conversationId: string) => void): void {
  const notifier = useRef(new Notifier());
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 5000);
    const first = () => unlockAlerts(false); // audio only: the permission is asked at a meaningful moment
    document.addEventListener('pointerdown', first, { once: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', first);
    };
  }, []);
  useEffect(() => {
    if (input.connection === 0) return;
    const notices = notifier.current.step({ ...input, now: Date.now(), hidden: document.hidden || !document.hasFocus() });
    if (!notices.length) return;
    if (!muted) chime();
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const n of notices) {
      try {
        const note = new Notification(n.title, { body: n.body.slice(0, 200), tag: `${n.kind}:${n.conversationId}` });
        note.onclick = () => {
          window.focus();
          onOpen(n.conversationId);
          note.close();
        };
      } catch {
        /* some platforms only allow service-worker notifications */
      }
    }
  }, [input.conversations, input.items, input.openId, input.connection, tick]);
}
