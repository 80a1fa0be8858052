/** Attachments in the console: a thumbnail or a PDF chip in a bubble, and the composer's attach button. */
import type { AttachmentInfo } from '@parla/protocol';
import { useState } from 'preact/hooks';
import { attachmentUrl, uploadAttachment } from '../files.ts';
import { tf } from '../i18n-files.ts';
import { apiErrorText } from '../labels.ts';
import './attachments.css';

export function AttachmentPreview({ a }: { a: AttachmentInfo }) {
  const url = attachmentUrl(a.id);
  const size = tf.kb(Math.max(1, Math.ceil(a.size / 1024)));
  if (a.mime.startsWith('image/')) {
    return (
      <a class="att-image" href={url} target="_blank" rel="noopener noreferrer" title={tf.open(a.name)} data-testid="attachment">
        <img src={url} alt={a.name} loading="lazy" />
      </a>
    );
  }
  return (
    <a class="att-file" href={url} download={a.name} data-testid="attachment">
      <span class="att-kind">PDF</span> {a.name} <span class="muted">· {size}</span>
    </a>
  );
}

/** Picks a file, uploads it and hands it to `onUploaded` (which sends the message). */
export function AttachButton({ conversationId, onUploaded }: { conversationId: string; onUploaded: (a: AttachmentInfo) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="att-pick">
      <label class={busy ? 'att-button busy' : 'att-button'} title={tf.attach}>
        <input
          type="file"
          class="sr-only"
          aria-label={tf.attach}
          data-testid="attach-input"
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            setBusy(true);
            setError(null);
            uploadAttachment(conversationId, file).then(
              (a) => {
                setBusy(false);
                onUploaded(a);
              },
              (err: unknown) => {
                setBusy(false);
                setError(tf.refused(apiErrorText(err)));
              },
            );
          }}
        />
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
          <path d="M16 7l-7 7a2 2 0 003 3l7-7a4 4 0 00-6-6l-7 7a6 6 0 009 9l6-6" />
        </svg>
        {busy && <span class="sr-only">{tf.uploading}</span>}
      </label>
      {error && (
        <span class="field-error" role="alert" data-testid="attach-error">
          {error}
        </span>
      )}
    </span>
  );
}
