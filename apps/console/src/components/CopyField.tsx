/** A read-only text (a link, a snippet) in a code box, with a Copy button that selects the text when the clipboard refuses. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ta } from '../i18n-admin.ts';

export function CopyField({ value, label, testId, multiline = false }: { value: string; label: string; testId: string; multiline?: boolean }) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const select = () => {
    ref.current?.focus();
    ref.current?.select();
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      select();
      setState('failed');
    }
  };

  const common = {
    ref,
    class: 'copy-text mono',
    readOnly: true,
    value,
    'aria-label': label,
    'data-testid': testId,
    spellcheck: false,
    onFocus: select,
  };
  return (
    <div class="copy-field">
      <div class="copy-row">
        {multiline ? <textarea {...common} rows={Math.min(6, Math.max(2, Math.ceil(value.length / 70)))} /> : <input {...common} />}
        <button type="button" class="copy-btn" data-testid={`${testId}-copy`} aria-label={ta.copy.copyLabel(label)} onClick={() => void copy()}>
          {state === 'copied' ? ta.copy.copied : ta.copy.copy}
        </button>
      </div>
      <span aria-live="polite" class="copy-status">
        {state === 'copied' && <span class="sr-only">{ta.copy.copied}</span>}
        {state === 'failed' && <span class="field-error">{ta.copy.failed}</span>}
      </span>
    </div>
  );
}
