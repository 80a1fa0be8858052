/**
 * The site's branding: src/brand.ts -> dist/widget/brand.js, loaded by api.js only when the
 * site's config (GET /widget/config) carries a brand, so a site that set nothing loads nothing.
 *
 * It adds one <style> to the widget's shadow root, after the loader's: the brand colour and the
 * text colour on it (white or black, chosen by the server for contrast), the launcher, the panel
 * and the teaser on the left, and the header's agents' initials. It returns the brand with the
 * expected reply time as a phrase in the visitor's language, for the chat's header.
 */
import type { WidgetBrand } from '@parla/protocol';

/** What the chat reads: the site's brand and the reply-time phrase. */
export interface Brand extends WidgetBrand {
  /** The expected reply time, as a phrase. */
  line?: string;
  /** The greeting in the visitor's language, if the site wrote one. */
  hello?: string;
}

const REPLY = {
  en: { m: 'Usually replies in a few minutes', h: 'Usually replies within an hour', d: 'Usually replies within a day' },
  it: { m: 'Di solito risponde in pochi minuti', h: "Di solito risponde entro un'ora", d: 'Di solito risponde entro un giorno' },
};

/** The CSS of a brand (:host raises the specificity above the chat's own rules). */
export function css(b: WidgetBrand): string {
  const ink = b.ink ?? '#fff';
  let s = `:host .av{display:flex;flex:none}:host .av i{width:32px;height:32px;margin-right:-6px;border:2px solid ${b.color ?? '#2563eb'};border-radius:50%;background:#fff;color:#111827;font:600 12px/28px system-ui,sans-serif;text-align:center;box-sizing:border-box}`;
  if (b.color) {
    s += `:host{--parla-brand:${b.color}}:host .l,:host .hd,:host .me .b,:host .pr,:host .s:not(.at){color:${ink}}`;
    // A light colour (dark text on it) is too pale for text on white: the buttons' text stays dark.
    if (ink == '#000000') s += ':host .bt:not(.pr){color:#111827}';
  }
  if (b.position == 'left') s += ':host{left:20px;right:auto}.t{left:0;right:auto}@media (min-width:600px){:host .p{left:20px;right:auto}}';
  return s;
}

export function apply(root: ShadowRoot, b: WidgetBrand, lang: 'en' | 'it', nonce?: string): Brand {
  const st = document.createElement('style');
  if (nonce) st.nonce = nonce;
  st.textContent = css(b);
  root.firstChild!.after(st); // after the loader's own :host rule
  return { ...b, line: b.reply && REPLY[lang][b.reply], hello: b.greeting?.[lang] };
}
