/**
 * Canned responses in the reply box: which "/word" the agent is typing, which responses match
 * it, and the chosen body with its variables filled in. Pure, so the picker's rules are tested
 * without a browser; `useCanned` loads a site's list once and shares it.
 */
import type { CannedResponse } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';

/** The "/query" being typed at the caret: at the start of the text or after whitespace, letters/digits/_/- only. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)\/([a-z0-9_-]*)$/i.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}

/**
 * The responses for a query: of the conversation's department or of every department; shortcuts
 * starting with the query first, then shortcuts or titles containing it; the agent's language
 * before the other at equal rank; at most `limit`.
 */
export function filterCanned(list: readonly CannedResponse[], query: string, opts: { lang: 'en' | 'it'; departmentId: string | null; limit?: number }): CannedResponse[] {
  const q = query.toLowerCase();
  const rank = (r: CannedResponse) => (r.shortcut.startsWith(q) ? 0 : r.shortcut.includes(q) ? 1 : r.title.toLowerCase().includes(q) ? 2 : -1);
  return list
    .filter((r) => (r.departmentId === null || r.departmentId === opts.departmentId) && rank(r) >= 0)
    .sort((a, b) => rank(a) - rank(b) || Number(a.lang !== opts.lang) - Number(b.lang !== opts.lang) || a.shortcut.localeCompare(b.shortcut))
    .slice(0, opts.limit ?? 8);
}

export interface CannedVars {
  'visitor.name'?: string | null;
  'visitor.email'?: string | null;
  'agent.name'?: string | null;
}

/** Replaces {{visitor.name}}, {{visitor.email}}, {{agent.name}} (spaces inside the braces allowed); an unknown or empty variable stays visible. */
export function fillCanned(body: string, vars: CannedVars): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (whole, name: string) => {
    const v = vars[name.toLowerCase() as keyof CannedVars];
    return v ? v : whole;
  });
}

/** Puts `body` in place of the "/query" at [start, caret); returns the new text and caret. */
export function insertCanned(text: string, start: number, caret: number, body: string): { text: string; caret: number } {
  const next = text.slice(0, start) + body + text.slice(caret);
  return { text: next, caret: start + body.length };
}

const cache = new Map<string, Promise<CannedResponse[]>>();

/** Forgets the cached list of a site (after the settings page changed it). */
export function cannedChanged(siteId: string): void {
  cache.delete(siteId);
}

/** The site's canned responses (fetched once per site and page load; [] while loading or on failure). */
export function useCanned(siteId: string): CannedResponse[] {
  const [list, setList] = useState<CannedResponse[]>([]);
  useEffect(() => {
    let p = cache.get(siteId);
    if (!p) {
      p = api.canned(siteId).catch(() => {
        cache.delete(siteId);
        return [];
      });
      cache.set(siteId, p);
    }
    let live = true;
    void p.then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [siteId]);
  return list;
}
