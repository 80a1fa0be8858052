/** Attachments and the SMTP settings over HTTP (same origin; the session cookie rides along). */
import type { AttachmentInfo, SmtpInput, SmtpView } from '@parla/protocol';
import { ApiError } from './api.ts';

async function call<T>(method: string, path: string, body?: BodyInit, json = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers: json ? { 'content-type': 'application/json' } : {}, body });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  }
  const data = res.status === 204 ? null : ((await res.json().catch(() => null)) as Record<string, unknown> | null);
  if (!res.ok) throw new ApiError(res.status, String(data?.error ?? `http_${res.status}`), String(data?.message ?? res.statusText));
  return data as T;
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
