/** A new password and its confirmation (setup, invitation and reset links, password change). */
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../admin.ts';
import { ta } from '../i18n-admin.ts';

export type PasswordProblem = ReturnType<typeof passwordProblem>;

export function problemText(p: NonNullable<PasswordProblem>): string {
  return p === 'short' ? ta.password.short(PASSWORD_MIN) : p === 'long' ? ta.password.long : ta.password.mismatch;
}

export function PasswordFields(p: {
  idBase: string;
  password: string;
  confirmation: string;
  labels: { password: string; confirm: string };
  /** The problem to show (after a submit attempt). */
  problem: PasswordProblem;
  onPassword: (v: string) => void;
  onConfirmation: (v: string) => void;
}) {
  const pwError = p.problem === 'short' || p.problem === 'long';
  const confirmError = p.problem === 'mismatch';
  return (
    <>
      <label for={`${p.idBase}-password`}>{p.labels.password}</label>
      <input
        id={`${p.idBase}-password`}
        data-testid={`${p.idBase}-password`}
        type="password"
        autocomplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        aria-invalid={pwError || undefined}
        aria-describedby={`${p.idBase}-password-hint`}
        value={p.password}
        onInput={(e) => p.onPassword(e.currentTarget.value)}
      />
      <p class="hint" id={`${p.idBase}-password-hint`}>
        {ta.password.hint(PASSWORD_MIN)}
      </p>
      <label for={`${p.idBase}-confirm`}>{p.labels.confirm}</label>
      <input
        id={`${p.idBase}-confirm`}
        data-testid={`${p.idBase}-confirm`}
        type="password"
        autocomplete="new-password"
        required
        aria-invalid={confirmError || undefined}
        value={p.confirmation}
        onInput={(e) => p.onConfirmation(e.currentTarget.value)}
      />
      {p.problem && (
        <p class="field-error" role="alert" data-testid={`${p.idBase}-problem`}>
          {problemText(p.problem)}
        </p>
      )}
    </>
  );
}
