/**
 * The signed-in agent's two-factor sign-in (in the account dialog): its state, turning it on
 * (password, then a QR code and key to scan, then a code from the app; the recovery codes are
 * shown once) and off (password and a code).
 */
import type { TotpSetup, TotpStatus } from '@parla/protocol/admin';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { t2 } from '../i18n-2fa.ts';
import { adminErrorText } from '../i18n-admin.ts';
import { CopyField } from './CopyField.tsx';

type Step = { step: 'idle' } | { step: 'password' } | { step: 'scan'; setup: TotpSetup } | { step: 'codes'; codes: string[] } | { step: 'off' };

/** The text of a failed two-factor call. */
function failure(e: unknown): string {
  if (e instanceof ApiError && t2.errors[e.code]) return t2.errors[e.code]!;
  return adminErrorText(e);
}

export function TwoFactorSection({ onUnauthorized }: { onUnauthorized: () => void }) {
  const [status, setStatus] = useState<TotpStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [s, setS] = useState<Step>({ step: 'idle' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () =>
    api.totp().then(
      (r) => {
        setStatus(r);
        setLoadError(null);
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        setLoadError(failure(e));
      },
    );
  useEffect(() => {
    void load();
  }, []);

  const go = (next: Step) => {
    setS(next);
    setPassword('');
    setCode('');
    setError(null);
  };

  /** Runs a call; an error shows under the form. */
  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized();
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const errorLine = error && (
    <p class="form-error" role="alert" data-testid="totp-error">
      {error}
    </p>
  );
  const cancel = (
    <button type="button" onClick={() => go({ step: 'idle' })}>
      {t2.account.cancel}
    </button>
  );
  const codeInput = (id: string, label: string) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        data-testid="totp-code"
        class="text-input mono"
        inputMode={s.step === 'scan' ? 'numeric' : 'text'}
        autocomplete="one-time-code"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
    </>
  );

  return (
    <section class="stack totp" aria-labelledby="totp-title" data-testid="totp-section" data-enabled={status ? String(status.enabled) : undefined}>
      <h3 id="totp-title">{t2.account.title}</h3>
      {loadError && (
        <p class="form-error" role="alert">
          {t2.account.loadFailed} {loadError}
        </p>
      )}
      {status && s.step === 'idle' && (
        <>
          <p data-testid="totp-state">{status.enabled ? t2.account.on(status.recoveryCodesLeft) : t2.account.off}</p>
          {!status.enabled && <p class="muted small">{t2.account.intro}</p>}
          <div class="dialog-actions">
            <button type="button" data-testid={status.enabled ? 'totp-turn-off' : 'totp-turn-on'} onClick={() => go(status.enabled ? { step: 'off' } : { step: 'password' })}>
              {status.enabled ? t2.account.turnOff : t2.account.turnOn}
            </button>
          </div>
        </>
      )}
      {s.step === 'password' && (
        <form
          class="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => go({ step: 'scan', setup: await api.totpSetup(password) }));
          }}
        >
          <label for="totp-password">{t2.account.password}</label>
          <input id="totp-password" data-testid="totp-password" type="password" class="text-input" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          {errorLine}
          <div class="dialog-actions">
            {cancel}
            <button type="submit" class="primary" data-testid="totp-next" disabled={busy || !password}>
              {busy ? t2.account.working : t2.account.next}
            </button>
          </div>
        </form>
      )}
      {s.step === 'scan' && (
        <form
          class="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const r = await api.totpEnable(code.trim());
              go({ step: 'codes', codes: r.recoveryCodes });
              void load();
            });
          }}
        >
          <p>{t2.account.scan}</p>
          {/* An SVG the server drew from the otpauth URI; a data: URL (the console's CSP allows img data:). */}
          <img class="totp-qr" width={180} height={180} alt={t2.account.qrAlt} data-testid="totp-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.setup.qrSvg)}`} />
          <CopyField value={s.setup.secret} label={t2.account.key} testId="totp-secret" />
          {codeInput('totp-enable-code', t2.account.code)}
          {errorLine}
          <div class="dialog-actions">
            {cancel}
            <button type="submit" class="primary" data-testid="totp-enable" disabled={busy || code.trim().length < 6}>
              {busy ? t2.account.working : t2.account.confirm}
            </button>
          </div>
        </form>
      )}
      {s.step === 'codes' && (
        <div class="stack" role="status">
          <h4>{t2.account.codesTitle}</h4>
          <p>{t2.account.codesIntro}</p>
          <CopyField value={s.codes.join('\n')} label={t2.account.codesTitle} testId="totp-recovery-codes" multiline />
          <div class="dialog-actions">
            <button type="button" class="primary" data-testid="totp-codes-saved" onClick={() => go({ step: 'idle' })}>
              {t2.account.saved}
            </button>
          </div>
        </div>
      )}
      {s.step === 'off' && (
        <form
          class="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api.totpDisable(password, code.trim());
              go({ step: 'idle' });
              void load();
            });
          }}
        >
          <label for="totp-off-password">{t2.account.password}</label>
          <input id="totp-off-password" data-testid="totp-password" type="password" class="text-input" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          {codeInput('totp-off-code', t2.account.offCode)}
          {errorLine}
          <div class="dialog-actions">
            {cancel}
            <button type="submit" class="primary" data-testid="totp-disable" disabled={busy || !password || code.trim().length < 6}>
              {busy ? t2.account.working : t2.account.turnOff}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
