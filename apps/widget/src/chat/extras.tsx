/**
 * The chat's rarely needed parts, a chunk of their own (dist/widget/extras-<hash>.js) that the
 * chat loads the first time one of them is shown: the satisfaction survey, the offline-message
 * and call-back forms (and the choice between them, the offline note, the confirmation), and the
 * "your data" buttons and the download they ask for. Their CSS comes with them, their strings in en-extras.js or it-extras.js.
 */
import { Fragment, h } from 'preact';
import type { ChatState, OfflineRequest } from './model.ts';
import { MAX_CHARS } from './model.ts';
import { backAt } from './hours.ts';
import type { Dict, ExtraDict } from './i18n.ts';
import { Field, type Handlers, type Ui } from './index.tsx';

interface Props {
  t: Dict & ExtraDict;
  ui: Ui;
  on: Handlers;
}

export const css = `
.alt{flex-direction:column;align-items:stretch;flex-wrap:nowrap;max-height:62%;overflow-y:auto}
h3{margin:0;font-size:15px;font-weight:600}
.ch{display:flex;flex-wrap:wrap;justify-content:center;gap:8px;margin-top:8px}
.alt .ch{justify-content:flex-end;margin:0}
.ok{color:#065f46;border-color:#a7f3d0;background:#ecfdf5}
.sv{display:flex;flex-direction:column;gap:6px;align-items:center;align-self:stretch}.sv p{margin:0}
.fc{display:flex;gap:4px;width:100%;justify-content:space-between}
.fc button{flex:1 1 0;min-width:44px;min-height:44px;padding:4px 2px;border:2px solid transparent;border-radius:10px;background:none;display:flex;flex-direction:column;align-items:center;gap:2px;font-size:11px;line-height:1.2;font-weight:600}
.fc svg{width:32px;height:32px}.fc button:hover{border-color:currentColor}.fc [aria-pressed=true]{border-color:currentColor;background:#fff}
.r1{color:#b91c1c}.r2{color:#c2410c}.r3{color:#8a5a00}.r4{color:#3f6212}.r5{color:#047857}
.cf{width:100%;margin:4px 0;padding:10px;border:1px solid #fecaca;border-radius:10px;background:#fef2f2;font-size:13px;color:#7f1d1d}.cf p{margin:0}.cf .ch{justify-content:flex-end}.dg{background:#b91c1c;border-color:#b91c1c;color:#fff}.sv form{display:flex;flex-direction:column;gap:4px;width:100%}.sv textarea{font:inherit;font-size:13px;resize:vertical}.sv .hint{font-size:11px;color:#6b7280}
`;

/** The visitor's own data, as a JSON download (nothing is put in the page). */
export function download(data: unknown, site: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  a.download = `chat-data-${site}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Outside hours: closed, and when the chat is back. */
export function Off({ t, ui, site }: Props & { site: ChatState['site'] }) {
  return (
    <p class="note">
      <strong>{t.closed}</strong>
      {site?.nextOpenAt != null && (
        <>
          <br />
          {backAt(site.nextOpenAt, ui.lang, t)}
        </>
      )}
    </p>
  );
}

/** The offline message or call-back request was received. */
export function Done({ t, done }: Props & { done: OfflineRequest }) {
  return (
    <p class="note ok" tabIndex={-1}>
      {done.kind === 'offline' ? t.thanks(done.fields.email!) : t.willCall(done.fields.phone!)}
    </p>
  );
}

/** "Your data": download or delete (asked to confirm in the widget, never with the browser's confirm()). */
export function Privacy({ t, ui, on }: Props) {
  return (
    <>
      <button type="button" class="lk" onClick={on.download}>
        {t.download}
      </button>
      <button type="button" class="lk" aria-expanded={ui.confirming} onClick={() => on.erase()}>
        {t.erase}
      </button>
      {ui.confirming && (
        <div class="cf" role="alertdialog" aria-labelledby="parla-cf">
          <p id="parla-cf">{t.confirmErase}</p>
          <div class="ch">
            <button type="button" class="bt" onClick={() => on.erase(false)}>
              {t.cancel}
            </button>
            <button type="button" class="bt dg" onClick={() => on.erase(true)}>
              {t.eraseYes}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** Outside hours, or queued for long: leave a message or ask for a call back. */
export function Choices({ t, ui, on }: Props) {
  const choice = (kind: OfflineRequest['kind']) => (
    <button type="button" class="bt" onClick={() => on.choose(kind)}>
      {kind === 'offline' ? t.leave : t.call}
    </button>
  );
  return (
    <div class="note">
      {!ui.off && !ui.away && t.dontWait}
      <div class="ch">
        {choice('offline')}
        {choice('callback')}
      </div>
    </div>
  );
}

/** The open form: an offline message or a call-back request. */
export function Alt({ form, r, ...f }: Props & { form: OfflineRequest['kind']; r: ChatState['request'] }) {
  const { t, on } = f;
  return (
    <form
      class="alt"
      noValidate
      aria-labelledby="parla-alt"
      onSubmit={(e) => {
        e.preventDefault();
        on.request();
      }}
    >
      <h3 id="parla-alt">{form === 'offline' ? t.leave : t.call}</h3>
      {form === 'offline' ? (
        <>
          <Field {...f} id="name" auto="name" max={120} />
          <Field {...f} id="email" req type="email" auto="email" max={254} />
          <Field {...f} id="body" req area max={MAX_CHARS} />
        </>
      ) : (
        <>
          <Field {...f} id="phone" req type="tel" auto="tel" max={24} />
          <Field {...f} id="time" max={100} hint={t.timeHint} />
          <Field {...f} id="name" auto="name" max={120} />
          <Field {...f} id="note" area max={1000} />
        </>
      )}
      {r?.kind === form && r.state === 'failed' && (
        <p class="fe" role="alert">
          {r.retryAfterMs !== undefined ? t.tooFast(r.retryAfterMs) : r.error}
        </p>
      )}
      <div class="ch">
        <button type="button" class="bt" onClick={() => on.choose(null)}>
          {t.back}
        </button>
        <button type="submit" class="bt pr" disabled={r?.kind === form && r.state === 'sending'}>
          {t.send}
        </button>
      </div>
    </form>
  );
}

/**
 * A face for rating n (1-5): filled in its own colour, the mouth curving from a frown to a smile
 * and the brows from cross to raised (drawn, so it looks the same without emoji fonts).
 */
function Face({ n }: { n: number }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
      <circle cx="12" cy="12" r="10.5" fill="currentColor" fill-opacity=".14" />
      {n !== 3 && <path d={n < 3 ? 'M6.5 7l3 1.2M17.5 7l-3 1.2' : 'M6.5 7.6Q8.5 6 10.5 7.6M13.5 7.6Q15.5 6 17.5 7.6'} />}
      <circle cx="8.5" cy="10" r="1" fill="currentColor" />
      <circle cx="15.5" cy="10" r="1" fill="currentColor" />
      <path d={`M7.5 16Q12 ${16 + (n - 3) * 3} 16.5 16`} />
    </svg>
  );
}

/** After a resolution: five faces (1-5) and, once rated, an optional comment; changeable for 24 hours. */
export function Survey({ c, t, on }: { c: NonNullable<ChatState['conversation']>; t: Dict & ExtraDict; on: Handlers }) {
  const r = c.csat;
  const open = !r || Date.now() < r.changeableUntil;
  return (
    <div class="note sv" role="group" aria-labelledby="parla-sv">
      <p id="parla-sv">{r ? t.rateThanks : t.rateAsk}</p>
      {open && (
        <div class="fc">
          {t.rates.map((label, i) => (
            <button key={label} type="button" class={`r${i + 1}`} aria-pressed={r?.rating === i + 1} onClick={() => on.rate(i + 1, r?.comment ?? undefined)}>
              <Face n={i + 1} />
              <span>{label}</span>
            </button>
          ))}
        </div>
      )}
      {r && open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const v = (e.currentTarget.elements.namedItem('comment') as HTMLTextAreaElement).value;
            on.rate(r.rating, v);
          }}
        >
          <label class="sr" for="parla-comment">
            {t.comment}
          </label>
          <textarea id="parla-comment" name="comment" rows={2} maxLength={1000} placeholder={t.comment} defaultValue={r.comment ?? ''} />
          <button type="submit" class="bt">
            {t.sendComment}
          </button>
          <p class="hint">{t.rateChange}</p>
        </form>
      )}
    </div>
  );
}

