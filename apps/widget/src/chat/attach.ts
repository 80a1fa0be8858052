/**
 * Attachments, loaded only when the visitor picks a file or a message carries one (it stays out
 * of the first-message budget). The visitor token goes in the Authorization header, never in a
 * URL; files are fetched into blob: URLs (a host page with a CSP needs `img-src blob:` for the
 * previews).
 */
import type { AttachmentInfo } from '@parla/protocol';

const auth = (token: string) => ({ authorization: `Visitor ${token}` });
const api = (base: string) => `${base.replace(/\/+$/, '')}/api/attachments`;

/** Why an upload was refused: not an image or PDF (415), too large (413), anything else. */
const REFUSED = {
  en: ['Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.', 'This file is too large.', 'The file could not be sent.'],
  it: ['Si possono inviare solo immagini (PNG, JPEG, GIF, WebP) e file PDF.', 'Il file è troppo grande.', 'Non è stato possibile inviare il file.'],
};

/** Uploads a file; why it was refused, in the visitor's language. */
export async function upload(base: string, site: string, token: string, file: File, lang: 'en' | 'it'): Promise<AttachmentInfo | string> {
  const why = REFUSED[lang];
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    const r = await fetch(`${api(base)}?site=${encodeURIComponent(site)}`, { method: 'POST', headers: auth(token), body });
    return r.ok ? ((await r.json()) as AttachmentInfo) : why[r.status === 415 ? 0 : r.status === 413 ? 1 : 2]!;
  } catch {
    return why[2]!;
  }
}

/** A blob: URL of an attachment, or '' when it cannot be had. */
export async function fetchUrl(base: string, token: string, id: string): Promise<string> {
  try {
    const r = await fetch(`${api(base)}/${encodeURIComponent(id)}`, { headers: auth(token) });
    return r.ok ? URL.createObjectURL(await r.blob()) : '';
  } catch {
    return '';
  }
}
