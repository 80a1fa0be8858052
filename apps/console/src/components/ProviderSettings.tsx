/**
 * Admins: the site's optional model provider for the FAQ bot (off by default). The API key is
 * write-only: the server says only whether one is stored; an empty field keeps it.
 */
import type { ProviderInput, ProviderTestResult, ProviderView } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api.ts';
import { tp } from '../i18n-provider.ts';
import { apiErrorText } from '../labels.ts';

const path = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/bot/provider`;

type Form = { enabled: boolean; baseUrl: string; chatModel: string; embeddingModel: string; useEmbeddings: boolean; useAnswers: boolean; apiKey: string; clearKey: boolean };

export function ProviderSettings({ siteId }: { siteId: string }) {
  const [view, setView] = useState<ProviderView | null>(null);
  const [f, setF] = useState<Form>({ enabled: false, baseUrl: '', chatModel: '', embeddingModel: '', useEmbeddings: false, useAnswers: false, apiKey: '', clearKey: false });
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const show = (v: ProviderView | null) => {
    setView(v);
    setF({
      enabled: v?.enabled ?? false,
      baseUrl: v?.baseUrl ?? '',
      chatModel: v?.chatModel ?? '',
      embeddingModel: v?.embeddingModel ?? '',
      useEmbeddings: v?.useEmbeddings ?? false,
      useAnswers: v?.useAnswers ?? false,
      apiKey: '',
      clearKey: false,
    });
  };
  useEffect(() => {
    request<{ provider: ProviderView | null }>('GET', path(siteId)).then(
      (r) => show(r.provider),
      (e: unknown) => setError(tp.loadFailed(apiErrorText(e))),
    );
  }, [siteId]);

  const text = (key: 'baseUrl' | 'chatModel' | 'embeddingModel', label: string, hint?: string) => (
    <label class="field">
      <span class="label">{label}</span>
      <input type={key === 'baseUrl' ? 'url' : 'text'} value={f[key]} placeholder={hint} data-testid={`provider-${key}`} onInput={(e) => setF({ ...f, [key]: e.currentTarget.value })} />
    </label>
  );
  const check = (key: 'enabled' | 'useEmbeddings' | 'useAnswers' | 'clearKey', label: string) => (
    <label class="check">
      <input type="checkbox" checked={f[key]} data-testid={`provider-${key}`} onChange={(e) => setF({ ...f, [key]: e.currentTarget.checked })} /> {label}
    </label>
  );
  const save = () => {
    const body: ProviderInput = {
      enabled: f.enabled,
      baseUrl: f.baseUrl.trim(),
      chatModel: f.chatModel.trim(),
      embeddingModel: f.embeddingModel.trim(),
      useEmbeddings: f.useEmbeddings,
      useAnswers: f.useAnswers,
      ...(f.apiKey.trim() ? { apiKey: f.apiKey.trim() } : f.clearKey ? { apiKey: null } : {}),
    };
    request<{ provider: ProviderView }>('PUT', path(siteId), body).then(
      (r) => {
        show(r.provider);
        setNote(tp.saved);
        setError(null);
      },
      (e: unknown) => {
        setNote(null);
        setError(tp.failed(apiErrorText(e)));
      },
    );
  };
  const test = () => {
    setTesting(true);
    setNote(null);
    setError(null);
    request<ProviderTestResult>('POST', `${path(siteId)}/test`).then(
      (r) => {
        setTesting(false);
        if (r.ok) setNote(tp.testOk(r.call, r.ms));
        else setError(tp.testFailed(r.reason ?? ''));
      },
      (e: unknown) => {
        setTesting(false);
        setError(tp.testFailed(apiErrorText(e)));
      },
    );
  };
  return (
    <section class="card" aria-labelledby="set-provider" data-testid="provider-settings">
      <h2 id="set-provider">{tp.title}</h2>
      <p class="muted">{tp.hint}</p>
      {check('enabled', tp.enabled)}
      {text('baseUrl', tp.baseUrl, tp.baseUrlHint)}
      {text('chatModel', tp.chatModel)}
      {text('embeddingModel', tp.embeddingModel)}
      {check('useEmbeddings', tp.useEmbeddings)}
      {check('useAnswers', tp.useAnswers)}
      <label class="field">
        <span class="label">{tp.apiKey}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={f.apiKey}
          placeholder={view?.hasKey ? tp.keyKept : tp.keyNone}
          data-testid="provider-apiKey"
          onInput={(e) => setF({ ...f, apiKey: e.currentTarget.value })}
        />
      </label>
      {view?.hasKey && check('clearKey', tp.clearKey)}
      <div class="form-actions">
        <button type="button" class="primary" data-testid="provider-save" onClick={save}>
          {tp.save}
        </button>
        {view && (
          <button type="button" data-testid="provider-test" disabled={testing} onClick={test}>
            {testing ? tp.testing : tp.test}
          </button>
        )}
      </div>
      {note && (
        <p class="field-ok" role="status">
          {note}
        </p>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
