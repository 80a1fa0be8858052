/**
 * Attachments: images and PDFs sent in a conversation. The type is read from the bytes (magic
 * numbers, the file-type library), never from the name or the declared content type; SVG and
 * everything else is refused. Files live in DATA_DIR/attachments/<random id> (never the
 * uploaded name), metadata in the attachments table.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentQueries, AttachmentRow, ConversationRow, GroupCommit } from '@parla/db';
import { AttachmentMime, type AttachmentInfo, type StreamItem } from '@parla/protocol';
import { fileTypeFromBuffer } from 'file-type';
import { nanoid } from 'nanoid';
import { ServiceError } from '../conversations/errors.ts';

/** Uploads never sent with a message are removed after this. */
export const STALE_UPLOAD_MS = 24 * 3600_000;
/** At most this many uploads per uploader per hour. */
export const UPLOADS_PER_HOUR = 30;

export class UploadError extends Error {
  constructor(
    readonly status: 413 | 415 | 429 | 400,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file name fit to show and to offer when downloading: no path, no control or quoting characters, at most 120 characters. */
export function sanitizeName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|;]/g, '_').replace(/^[.\s]+/, '').trim();
  return [...clean].slice(0, 120).join('') || 'file';
}

/** What the bytes are, if an accepted type. */
export async function detectType(buf: Buffer): Promise<AttachmentMime | null> {
  const t = await fileTypeFromBuffer(buf);
  const r = AttachmentMime.safeParse(t?.mime);
  return r.success ? r.data : null;
}

export const info = (r: AttachmentRow): AttachmentInfo => ({ id: r.id, name: r.name, mime: r.mime as AttachmentMime, size: r.size });

export class Attachments {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly q: AttachmentQueries,
    private readonly commit: GroupCommit,
    readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(dataDir, 'attachments');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  path(id: string): string {
    return join(this.dir, id);
  }

  get(id: string): AttachmentRow | undefined {
    return this.q.byId(id);
  }

  /** Checks the bytes and stores them; throws UploadError (415: not an image or PDF, 413: too large, 429: too many). */
  async store(
    uploader: { type: 'visitor' | 'agent'; id: string },
    siteId: string,
    conversationId: string | null,
    bytes: Buffer,
    name: string | undefined,
  ): Promise<AttachmentInfo> {
    if (bytes.length > this.maxBytes) throw new UploadError(413, 'too_large', `the file is larger than ${this.maxBytes} bytes`);
    if (bytes.length === 0) throw new UploadError(400, 'bad_request', 'the file is empty');
    const mime = await detectType(bytes);
    if (!mime) {
      throw new UploadError(415, 'unsupported_type', 'only images (PNG, JPEG, GIF, WebP) and PDF files can be sent; the type is read from the content of the file, not its name');
    }
    const at = this.now();
    if (this.q.uploadedSince(uploader.id, at - 3600_000).n >= UPLOADS_PER_HOUR) throw new UploadError(429, 'rate_limited', 'too many files this hour');
    const row = {
      id: nanoid(),
      siteId,
      conversationId,
      uploaderType: uploader.type,
      uploaderId: uploader.id,
      mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      name: sanitizeName(name),
      createdAt: at,
    };
    // The file first (a new random name, never overwritten), then the row: a row always has its file.
    writeFileSync(this.path(row.id), bytes, { flag: 'wx', mode: 0o600 });
    try {
      await this.commit.run(() => this.q.insert(row));
    } catch (e) {
      rmSync(this.path(row.id), { force: true });
      throw e;
    }
    return info({ ...row, messageId: null });
  }

  /** Conversations.attachmentOf: an upload of this uploader, not yet sent, of the conversation's site (in the transaction). */
  readonly check = (attachmentId: string, uploaderId: string, conv: ConversationRow): AttachmentInfo => {
    const r = this.q.byId(attachmentId);
    if (!r || r.uploaderId !== uploaderId || r.siteId !== conv.siteId || (r.conversationId !== null && r.conversationId !== conv.id)) {
      throw new ServiceError('not_found', 'no such attachment');
    }
    if (r.messageId !== null) throw new ServiceError('conflict', 'this attachment was already sent');
    return info(r);
  };

  /** Conversations.txListeners: the message carrying an upload claims it (in the transaction). */
  readonly onItem = (conv: ConversationRow, item: StreamItem): void => {
    if (item.kind !== 'message' || !item.attachment) return;
    if (!this.q.claim(item.attachment.id, conv.id, item.id)) throw new ServiceError('conflict', 'this attachment was already sent');
  };

  removeFiles(ids: string[]): void {
    for (const id of ids) rmSync(this.path(id), { force: true });
  }

  /** Removes uploads that were never sent (rows and files). */
  async sweepStale(): Promise<number> {
    const ids = await this.commit.run(() => {
      const stale = this.q.staleUploads(this.now() - STALE_UPLOAD_MS);
      for (const id of stale) this.q.remove(id);
      return stale;
    });
    this.removeFiles(ids);
    return ids.length;
  }
}
