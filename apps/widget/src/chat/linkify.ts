/** A run of message text: plain text, or a link whose href is an http, https or mailto URL. */
export type Part = string | { href: string; text: string };

// A URL runs until whitespace or a character that cannot end one in prose; trailing
// punctuation ("see https://x.it.") is left out of the link.
const URL_RE = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING_RE = /[.,;:!?)\]}]+$/;

/**
 * Splits text into plain runs and links. Only http:, https: and mailto: ever become links
 * (checked again with the URL parser); everything else, markup included, stays text for the
 * renderer to escape.
 */
export function linkify(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(TRAILING_RE, '');
    const start = m.index;
    let href: string | null = null;
    try {
      const u = new URL(raw);
      if (/^(https?|mailto):$/.test(u.protocol) && (u.protocol === 'mailto:' || u.host)) href = u.href;
    } catch {
      /* not a URL: stays text */
    }
    if (!href) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push({ href, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
