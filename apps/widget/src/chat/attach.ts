/**
 * Attachments, loaded only when the visitor picks a file or a message carries one (it stays out
 * of the first-message budget). The visitor token goes in the Authorization header, never in a
 * URL; files are fetched into blob: URLs (a host page with a CSP needs `img-src blob:` for the
 * previews).
 */
import type { AttachmentInfo } from '@parla/protocol';

const auth = (token: string) => ({ authorization: `Visitor ${token}` });
const api = (base: string) => `${base.replace(/\/+$/, '')}/api/attachments`;

/** Uploads a file; the server's reason when it is refused (wrong type, too large). */
export async function upload(base: string, site: string, token: string, file: File): Promise<AttachmentInfo | string> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    const r = await fetch(`${api(base)}?site=${encodeURIComponent(site)}`, { method: 'POST', headers: auth(token), body });
    const j = (await r.json()) as AttachmentInfo & { message?: string };
    return r.ok ? j : (j.message ?? String(r.status));
  } catch (e) {
    return String(e);
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
