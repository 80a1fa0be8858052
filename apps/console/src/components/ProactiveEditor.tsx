/** The proactive messages of a site, edited inside the settings form (saved with it). */
import type { Department, ProactiveRule } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { te } from '../i18n-engage.ts';

const int = (v: string, min: number) => Math.max(min, Math.floor(Number(v)) || 0);

export function newRule(n: number): ProactiveRule {
  return { id: `rule-${n}-${Math.random().toString(36).slice(2, 8)}`, enabled: true, urlPattern: '', minSeconds: 30, minVisits: 1, minCartValue: null, message: { en: '', it: '' }, requireAvailable: true, departmentId: null };
}

export function ProactiveEditor({ rules, onChange, siteId }: { rules: ProactiveRule[]; onChange: (rules: ProactiveRule[]) => void; siteId?: string }) {
  const set = (i: number, patch: Partial<ProactiveRule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // The site's departments, for "whose agents must be online" (none: any agent).
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    if (siteId) api.departments(siteId).then(setDepartments, () => setDepartments([]));
  }, [siteId]);
  return (
    <section class="card" aria-labelledby="set-proactive" data-testid="proactive-rules">
      <h2 id="set-proactive">{te.proactive.title}</h2>
      <p class="muted">{te.proactive.hint}</p>
      {rules.length === 0 && <p class="muted">{te.proactive.none}</p>}
      {rules.map((r, i) => {
        const id = (f: string) => `pro-${i}-${f}`;
        return (
          <div class="rule-card" key={r.id} data-testid="proactive-rule" data-rule-id={r.id}>
            <div class="field-row">
              <label class="check">
                <input type="checkbox" checked={r.enabled} onChange={(e) => set(i, { enabled: e.currentTarget.checked })} /> {te.proactive.enabled}
              </label>
              <label class="check">
                <input type="checkbox" data-testid="proactive-available" checked={r.requireAvailable !== false} onChange={(e) => set(i, { requireAvailable: e.currentTarget.checked })} /> {te.proactive.available}
              </label>
              <button type="button" class="link" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                {te.proactive.remove}
              </button>
            </div>
            {departments.length > 0 && r.requireAvailable !== false && (
              <div class="field">
                <label for={id('dept')}>{te.proactive.department}</label>
                <select id={id('dept')} data-testid="proactive-department" value={r.departmentId ?? ''} onChange={(e) => set(i, { departmentId: e.currentTarget.value || null })}>
                  <option value="">{te.proactive.anyDepartment}</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div class="field">
              <label for={id('url')}>{te.proactive.url}</label>
              <input id={id('url')} data-testid="proactive-url" maxLength={300} value={r.urlPattern} onInput={(e) => set(i, { urlPattern: e.currentTarget.value })} />
            </div>
            <div class="field-row">
              <div class="field">
                <label for={id('sec')}>{te.proactive.seconds}</label>
                <input id={id('sec')} data-testid="proactive-seconds" type="number" min={0} max={3600} value={r.minSeconds} onInput={(e) => set(i, { minSeconds: Math.min(3600, int(e.currentTarget.value, 0)) })} />
              </div>
              <div class="field">
                <label for={id('visits')}>{te.proactive.visits}</label>
                <input id={id('visits')} type="number" min={1} max={1000} value={r.minVisits} onInput={(e) => set(i, { minVisits: Math.min(1000, int(e.currentTarget.value, 1)) })} />
              </div>
              <div class="field">
                <label for={id('cart')}>{te.proactive.cart}</label>
                <input
                  id={id('cart')}
                  type="number"
                  min={0}
                  step="0.01"
                  value={r.minCartValue ?? ''}
                  onInput={(e) => {
                    const v = e.currentTarget.value.trim();
                    set(i, { minCartValue: v === '' || !Number.isFinite(Number(v)) ? null : Math.max(0, Number(v)) });
                  }}
                />
              </div>
            </div>
            {(['en', 'it'] as const).map((l) => (
              <div class="field" key={l}>
                <label for={id(l)}>{l === 'en' ? te.proactive.textEn : te.proactive.textIt}</label>
                <textarea
                  id={id(l)}
                  data-testid={`proactive-text-${l}`}
                  rows={2}
                  maxLength={500}
                  value={r.message[l]}
                  onInput={(e) => set(i, { message: { ...r.message, [l]: e.currentTarget.value } })}
                />
              </div>
            ))}
          </div>
        );
      })}
      <button type="button" data-testid="proactive-add" disabled={rules.length >= 20} onClick={() => onChange([...rules, newRule(rules.length + 1)])}>
        {te.proactive.add}
      </button>
    </section>
  );
}
