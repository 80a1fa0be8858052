/**
 * Settings → Webhooks & API (admins): webhook endpoints (add, edit, delete, the signing secret on
 * demand, a delivery log with redelivery) and the site's REST API keys (the whole key is shown once,
 * at creation; revoke). Every value is rendered as text.
 */
import type { ApiKey, WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEventType } from '@parla/protocol/api';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { formatFull } from '../dates.ts';
import { tint } from '../i18n-integrations.ts';
import { ALL_EVENTS, integrationsApi as api, toggleEvent } from '../integrations.ts';
import { apiErrorText } from '../labels.ts';
import './integrations.css';

interface Props {
  siteId: string;
  onUnauthorized: () => void;
}

function useFail(onUnauthorized: () => void) {
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) onUnauthorized();
    setError(tint.failed(apiErrorText(e)));
  };
  return { error, setError, fail };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p class="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Integrations(p: Props) {
  return (
    <section class="card integrations" aria-labelledby="set-integrations" data-testid="integrations">
      <h2 id="set-integrations">{tint.title}</h2>
      <p class="muted">{tint.hint}</p>
      <Webhooks {...p} />
      <ApiKeys {...p} />
    </section>
  );
}

const emptyForm = (): WebhookEndpointInput => ({ url: '', description: '', events: [...ALL_EVENTS], enabled: true });

function Webhooks({ siteId, onUnauthorized }: Props) {
  const [list, setList] = useState<WebhookEndpoint[] | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; form: WebhookEndpointInput } | null>(null);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const { error, setError, fail } = useFail(onUnauthorized);
  const reload = () => api.endpoints(siteId).then(setList, fail);
  useEffect(() => {
    void reload();
  }, [siteId]);

  const save = () => {
    if (!editing) return;
    const done = (secretShown?: { id: string; secret: string }) => {
      setEditing(null);
      setError(null);
      if (secretShown) setSecret(secretShown);
      void reload();
    };
    if (editing.id) api.updateEndpoint(editing.id, editing.form).then(() => done(), fail);
    else api.createEndpoint(siteId, editing.form).then((c) => done({ id: c.id, secret: c.secret }), fail);
  };
  const set = (patch: Partial<WebhookEndpointInput>) => setEditing((e) => (e ? { ...e, form: { ...e.form, ...patch } } : e));

  return (
    <div class="integrations-part" data-testid="webhooks">
      <h3>{tint.webhooks}</h3>
      <p class="muted">{tint.webhooksHint}</p>
      <ErrorLine error={error} />
      {list?.length === 0 && <p class="muted">{tint.none}</p>}
      {list?.map((ep) => (
        <div class="webhook-row" key={ep.id} data-testid="webhook-row" data-url={ep.url}>
          <div>
            <code class="webhook-url">{ep.url}</code> <span class={ep.enabled ? 'badge-soft' : 'badge-soft muted'}>{ep.enabled ? tint.enabled : tint.disabled}</span>{' '}
            <span class="muted" data-testid="webhook-counts">
              {tint.counts(ep.pending, ep.failed)}
            </span>
          </div>
          {ep.description && <div>{ep.description}</div>}
          <div class="muted">{ep.events.map((e) => tint.event[e]).join(' · ')}</div>
          {secret?.id === ep.id && (
            <div class="field">
              <code data-testid="webhook-secret">{secret.secret}</code>
              <p class="muted">{tint.secretNote}</p>
            </div>
          )}
          <div class="form-actions">
            <button type="button" class="link" onClick={() => setEditing({ id: ep.id, form: { url: ep.url, description: ep.description, events: ep.events, enabled: ep.enabled } })}>
              {tint.edit}
            </button>
            <button
              type="button"
              class="link"
              data-testid="webhook-secret-toggle"
              onClick={() => (secret?.id === ep.id ? setSecret(null) : api.secret(ep.id).then((r) => setSecret({ id: ep.id, secret: r.secret }), fail))}
            >
              {secret?.id === ep.id ? tint.hideSecret : tint.showSecret}
            </button>
            <button
              type="button"
              class="link"
              onClick={() => {
                if (window.confirm(tint.confirmRotate)) api.rotateSecret(ep.id).then((r) => setSecret({ id: ep.id, secret: r.secret }), fail);
              }}
            >
              {tint.rotateSecret}
            </button>
            <button type="button" class="link" data-testid="webhook-log-toggle" onClick={() => setLogOf(logOf === ep.id ? null : ep.id)}>
              {logOf === ep.id ? tint.hideLog : tint.log}
            </button>
            <button
              type="button"
              class="link danger-text"
              onClick={() => {
                if (window.confirm(tint.confirmRemove)) api.deleteEndpoint(ep.id).then(reload, fail);
              }}
            >
              {tint.remove}
            </button>
          </div>
          {logOf === ep.id && <DeliveryLog endpointId={ep.id} onUnauthorized={onUnauthorized} onChanged={reload} />}
        </div>
      ))}
      {editing ? (
        <form
          class="webhook-form"
          data-testid="webhook-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div class="field">
            <label for="webhook-url">{tint.url}</label>
            <input id="webhook-url" type="url" required maxLength={2000} data-testid="webhook-url" value={editing.form.url} onInput={(e) => set({ url: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="webhook-description">{tint.description}</label>
            <input id="webhook-description" maxLength={200} value={editing.form.description} onInput={(e) => set({ description: e.currentTarget.value })} />
          </div>
          <fieldset class="field">
            <legend>{tint.events}</legend>
            {ALL_EVENTS.map((ev: WebhookEventType) => (
              <label class="check" key={ev}>
                <input type="checkbox" data-event={ev} checked={editing.form.events.includes(ev)} onChange={(e) => set({ events: toggleEvent(editing.form.events, ev, e.currentTarget.checked) })} />{' '}
                {tint.event[ev]} <code class="muted">{ev}</code>
              </label>
            ))}
          </fieldset>
          <label class="check">
            <input type="checkbox" checked={editing.form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} /> {tint.enabled}
          </label>
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="webhook-save" disabled={editing.form.events.length === 0}>
              {tint.save}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {tint.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div class="form-actions">
          <button type="button" data-testid="webhook-add" onClick={() => setEditing({ id: null, form: emptyForm() })}>
            {tint.add}
          </button>
        </div>
      )}
    </div>
  );
}

function DeliveryLog({ endpointId, onUnauthorized, onChanged }: { endpointId: string; onUnauthorized: () => void; onChanged: () => void }) {
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [payload, setPayload] = useState<{ id: string; text: string } | null>(null);
  const { error, fail } = useFail(onUnauthorized);
  const reload = () => api.deliveries(endpointId).then(setRows, fail);
  useEffect(() => {
    void reload();
  }, [endpointId]);
  const pretty = (s: string) => {
    try {
      return JSON.stringify(JSON.parse(s), null, 2);
    } catch {
      return s;
    }
  };
  return (
    <div class="delivery-log" data-testid="delivery-log">
      <ErrorLine error={error} />
      {rows?.length === 0 && <p class="muted">{tint.noDeliveries}</p>}
      {rows && rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{tint.when}</th>
                <th>{tint.events}</th>
                <th>{tint.statusTitle}</th>
                <th>{tint.attempts}</th>
                <th>{tint.lastResult}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                  <td>{formatFull(d.createdAt)}</td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>
                    {tint.status[d.status]}
                    {d.status === 'pending' && d.attempts > 0 && <div class="muted">{tint.next(formatFull(d.nextAttemptAt))}</div>}
                  </td>
                  <td>{d.attempts}</td>
                  <td class="delivery-error">{d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : '—')}</td>
                  <td>
                    <button type="button" class="link" onClick={() => (payload?.id === d.id ? setPayload(null) : api.delivery(d.id).then((r) => setPayload({ id: d.id, text: pretty(r.payload) }), fail))}>
                      {tint.payload}
                    </button>
                    {' '}
                    {d.status !== 'pending' && (
                      <button
                        type="button"
                        class="link"
                        data-testid="delivery-redeliver"
                        onClick={() =>
                          api.redeliver(d.id).then(() => {
                            void reload();
                            onChanged();
                          }, fail)
                        }
                      >
                        {tint.redeliver}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {payload && <pre class="delivery-payload" data-testid="delivery-payload">{payload.text}</pre>}
    </div>
  );
}

function ApiKeys({ siteId, onUnauthorized }: Props) {
  const [list, setList] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);
  const { error, setError, fail } = useFail(onUnauthorized);
  const reload = () => api.keys(siteId).then(setList, fail);
  useEffect(() => {
    setFresh(null);
    void reload();
  }, [siteId]);
  return (
    <div class="integrations-part" data-testid="api-keys">
      <h3>{tint.keys}</h3>
      <p class="muted">{tint.keysHint}</p>
      <ErrorLine error={error} />
      {fresh && (
        <div class="field" data-testid="api-key-new">
          <p class="field-ok">{tint.newKey}</p>
          <code data-testid="api-key-value">{fresh}</code>
        </div>
      )}
      {list?.length === 0 && <p class="muted">{tint.noKeys}</p>}
      {list?.map((k) => (
        <div class="api-key-row" key={k.id} data-testid="api-key-row" data-revoked={k.revokedAt ? 'true' : 'false'}>
          <strong>{k.name}</strong> <code>{k.prefix}…</code>{' '}
          <span class="muted">
            {tint.created} {formatFull(k.createdAt)} · {tint.lastUsed} {k.lastUsedAt ? formatFull(k.lastUsedAt) : tint.never}
            {k.revokedAt ? ` · ${tint.revoked} ${formatFull(k.revokedAt)}` : ''}
          </span>{' '}
          {!k.revokedAt && (
            <button
              type="button"
              class="link danger-text"
              data-testid="api-key-revoke"
              onClick={() => {
                if (window.confirm(tint.confirmRevoke)) api.revokeKey(k.id).then(reload, fail);
              }}
            >
              {tint.revoke}
            </button>
          )}
        </div>
      ))}
      <form
        class="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          api.createKey(siteId, name.trim()).then((k) => {
            setFresh(k.key);
            setName('');
            setError(null);
            void reload();
          }, fail);
        }}
      >
        <div class="field">
          <label for="api-key-name">{tint.keyName}</label>
          <input id="api-key-name" required maxLength={80} data-testid="api-key-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="api-key-create" disabled={!name.trim()}>
            {tint.createKey}
          </button>
        </div>
      </form>
    </div>
  );
}
