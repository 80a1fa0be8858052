/** Attachments and the SMTP settings over HTTP (same origin; the session cookie rides along, the CSRF token in a header). */
import type { AttachmentInfo, SmtpInput, SmtpView } from '@parla/protocol';
import { send } from './api.ts';

/** A call through api.ts's send (the CSRF token on anything but GET; JSON answers). */
function call<T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: BodyInit, json = false): Promise<T> {
  return send<T>(method, path, body, json ? 'application/json' : undefined);
}

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

/** Uploads a file for a conversation (the server checks its type by content and its size). */
export function uploadAttachment(conversationId: string, file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call('POST', `/api/attachments?conversationId=${encodeURIComponent(conversationId)}`, form);
}

const smtpPath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/smtp`;
export const getSmtp = (siteId: string) => call<{ smtp: SmtpView | null }>('GET', smtpPath(siteId));
export const saveSmtp = (siteId: string, v: SmtpInput) => call<{ smtp: SmtpView }>('PUT', smtpPath(siteId), JSON.stringify(v), true);
export const deleteSmtp = (siteId: string) => call<null>('DELETE', smtpPath(siteId));
