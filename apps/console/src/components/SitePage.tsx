import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Site } from '../api.ts';
import { t } from '../i18n.ts';

/** The texts a per-site page shows around its content. */
export interface SitePageTexts {
  title: string;
  site: string;
  readOnly: string;
  loadError: string;
}

/**
 * The frame of a per-site admin page (settings, knowledge base): title, a site picker when there
 * are several, the read-only note for non-admins, and the loading / error / no-site states.
 * `children` renders the chosen site's content.
 */
export function SitePage(p: {
  name: string;
  texts: SitePageTexts;
  admin: boolean;
  sites: Site[] | null;
  directoryError: string | null;
  children: (siteId: string) => ComponentChildren;
}) {
  const [siteId, setSiteId] = useState<string | null>(null);
  // The chosen site, unless it was deleted meanwhile: then the first one.
  const site = (siteId && p.sites?.some((s) => s.id === siteId) ? siteId : null) ?? p.sites?.[0]?.id ?? null;
  return (
    <main class={`page-view ${p.name}`} aria-labelledby={`${p.name}-title`} data-testid={`${p.name}-view`}>
      <div class="view-head">
        <h1 id={`${p.name}-title`}>{p.texts.title}</h1>
        {p.sites && p.sites.length > 1 && (
          <label class="inline-field">
            {p.texts.site}
            <select data-testid={`${p.name}-site`} value={site ?? ''} onChange={(e) => setSiteId(e.currentTarget.value)}>
              {p.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!p.admin && (
        <p class="readonly-note" data-testid={`${p.name}-readonly`}>
          {p.texts.readOnly}
        </p>
      )}
      {!p.sites ? (
        p.directoryError ? (
          <p class="form-error" role="alert">
            {p.texts.loadError} {p.directoryError}
          </p>
        ) : (
          <p class="muted">{t.loading}</p>
        )
      ) : !site ? (
        <p class="onboarding" data-testid={`${p.name}-no-sites`}>
          {p.admin ? t.sites.noneAdmin : t.sites.noneAgent}
        </p>
      ) : (
        p.children(site)
      )}
    </main>
  );
}
