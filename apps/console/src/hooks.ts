import type { ConversationDetail, ConversationSummary } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api.ts';

/** The current time, re-read every `everyMs` (for ticking waiting times and relative times). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export type Loadable<T> = { state: 'idle' } | { state: 'loading'; stale?: T } | { state: 'ready'; data: T } | { state: 'error'; error: ApiError; stale?: T };

/**
 * GET /api/conversations/:id for the open conversation, fetched again whenever something the
 * detail depends on changes (state, assignee, first reply, resolution) or the socket reconnects.
 */
export function useConversationDetail(
  summary: ConversationSummary | undefined,
  connections: number,
  onUnauthorized: () => void,
): Loadable<ConversationDetail> {
  const [value, setValue] = useState<Loadable<ConversationDetail>>({ state: 'idle' });
  const id = summary?.id ?? null;
  const key = summary
    ? [summary.id, summary.state, summary.agentId, summary.firstAgentReplyAt, summary.resolvedAt, connections].join('|')
    : '';

  useEffect(() => {
    if (!id) {
      setValue({ state: 'idle' });
      return;
    }
    let cancelled = false;
    setValue((prev) => {
      const stale = prev.state === 'ready' ? prev.data : prev.state !== 'idle' ? prev.stale : undefined;
      return { state: 'loading', stale: stale && stale.conversation.id === id ? stale : undefined };
    });
    api.conversation(id).then(
      (data) => {
        if (!cancelled) setValue({ state: 'ready', data });
      },
      (e: unknown) => {
        if (cancelled) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e));
        if (error.status === 401) onUnauthorized();
        setValue((prev) => ({ state: 'error', error, stale: prev.state === 'loading' ? prev.stale : undefined }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  return value;
}

/** The loaded value, or the previous one while reloading. */
export function current<T>(v: Loadable<T>): T | undefined {
  return v.state === 'ready' ? v.data : v.state === 'loading' || v.state === 'error' ? v.stale : undefined;
}
