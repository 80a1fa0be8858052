/** The signed-in agent's own password (from the header's name button). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { passwordProblem } from '../admin.ts';
import { api, ApiError } from '../api.ts';
import { adminErrorText, ta } from '../i18n-admin.ts';
import { PasswordFields, type PasswordProblem } from './PasswordFields.tsx';
import { TwoFactorSection } from './TwoFactor.tsx';
import './admin.css';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([hidden]), [tabindex]:not([tabindex="-1"])';

export function PasswordDialog({ email, onClose, onUnauthorized }: { email: string; onClose: () => void; onUnauthorized: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PasswordProblem>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'editing' | 'saving' | 'done'>('editing');
  const ref = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog and back to where it was on close.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input:not([hidden])')?.focus();
    return () => before?.focus?.();
  }, []);
  useEffect(() => {
    if (state === 'done') ref.current?.querySelector<HTMLElement>('[data-testid=password-close]')?.focus();
  }, [state]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (state !== 'editing') return;
    setError(null);
    if (!current) {
      setError(ta.account.currentNeeded);
      return;
    }
    const pw = passwordProblem(password, confirmation);
    setProblem(pw);
    if (pw) return;
    setState('saving');
    try {
      await api.changePassword(current, password);
      setState('done');
    } catch (err) {
      setState('editing');
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
      setError(adminErrorText(err));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const els = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = els[0];
    const last = els[els.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      class="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div class="dialog" ref={ref} role="dialog" aria-modal="true" aria-labelledby="password-title" data-testid="password-dialog" onKeyDown={onKeyDown}>
        <h2 id="password-title">{ta.account.dialog}</h2>
        <h3>{ta.account.title}</h3>
        {state === 'done' ? (
          <>
            <p class="field-ok" role="status" data-testid="password-done">
              {ta.account.done}
            </p>
            <div class="dialog-actions">
              <button type="button" class="primary" data-testid="password-close" onClick={onClose}>
                {ta.account.close}
              </button>
            </div>
          </>
        ) : (
          <form class="stack" onSubmit={submit} noValidate>
            <input type="email" autocomplete="username" value={email} readOnly hidden />
            <label for="password-current">{ta.account.current}</label>
            <input
              id="password-current"
              data-testid="password-current"
              type="password"
              class="text-input"
              autocomplete="current-password"
              value={current}
              onInput={(e) => setCurrent(e.currentTarget.value)}
            />
            <PasswordFields
              idBase="password-new"
              password={password}
              confirmation={confirmation}
              labels={{ password: ta.account.next, confirm: ta.account.confirm }}
              problem={problem}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
            />
            {error && (
              <p class="form-error" role="alert" data-testid="password-error">
                {error}
              </p>
            )}
            <div class="dialog-actions">
              <button type="button" data-testid="password-cancel" onClick={onClose}>
                {ta.account.cancel}
              </button>
              <button type="submit" class="primary" data-testid="password-submit" disabled={state === 'saving'}>
                {state === 'saving' ? ta.account.submitting : ta.account.submit}
              </button>
            </div>
          </form>
        )}
        <TwoFactorSection onUnauthorized={onUnauthorized} />
      </div>
    </div>
  );
}
