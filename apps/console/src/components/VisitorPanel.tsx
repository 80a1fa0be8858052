import type { ConversationDetail, ConversationSummary } from '@parla/protocol';
import { formatDate, formatFull, formatTime } from '../dates.ts';
import { mailtoHref, safeHref } from '../format.ts';
import type { Loadable } from '../hooks.ts';
import { current } from '../hooks.ts';
import { tsh } from '../i18n-shell.ts';
import { t } from '../i18n.ts';
import { stateLabel, visitorLabel } from '../labels.ts';
import type { LivePage } from '../store.ts';

interface Props {
  conversation: ConversationSummary;
  detail: Loadable<ConversationDetail>;
  livePages: LivePage[] | undefined;
  onOpen: (id: string) => void;
}

interface PageRow {
  url: string;
  title: string;
  at: number;
}

/** The visit's pages from the detail endpoint, plus the ones visitor.page frames reported since. */
export function mergePages(fromDetail: PageRow[], live: LivePage[] | undefined): PageRow[] {
  const out = [...fromDetail];
  const lastAt = out.length ? out[out.length - 1]!.at : 0;
  const seen = new Set(out.map((p) => `${p.at}|${p.url}`));
  for (const p of live ?? []) {
    if (p.at < lastAt || seen.has(`${p.at}|${p.url}`)) continue;
    seen.add(`${p.at}|${p.url}`);
    out.push({ url: p.url, title: p.title, at: p.at });
  }
  return out;
}

function PageLink({ url, title }: { url: string; title: string }) {
  const href = safeHref(url);
  const label = title.trim() || url;
  return (
    <span class="page">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" class="page-title">
          {label}
        </a>
      ) : (
        <span class="page-title">{label}</span>
      )}
      {title.trim() && <span class="page-url">{url}</span>}
    </span>
  );
}

export function VisitorPanel({ conversation, detail, livePages, onOpen }: Props) {
  const d = current(detail);
  const data = d && d.conversation.visitorId === conversation.visitorId ? d : undefined;
  const v = data?.visitor;
  const pages = v ? mergePages(v.pages, livePages) : [];
  const lastLive = livePages?.[livePages.length - 1];
  const currentPage =
    lastLive && (!v || pages.length === 0 || lastLive.at >= pages[pages.length - 1]!.at) ? lastLive : (v?.currentPage ?? null);
  const earlier = v ? v.conversations.filter((x) => x.id !== conversation.id) : [];
  // The conversation's own address (offline messages are answered by email) wins over the visitor's.
  const email = conversation.visitorEmail?.trim() || v?.email?.trim() || null;
  const emailHref = email ? mailtoHref(email) : null;

  return (
    <section class="visitor-panel" id="visitor-panel" data-testid="visitor-panel" aria-label={tsh.visitorShow}>
      <h2 id="visitor-title">{v?.name?.trim() || visitorLabel(conversation)}</h2>
      {!v ? (
        detail.state === 'error' ? (
          <p class="muted" role="alert">
            {t.panel.unavailable}
          </p>
        ) : (
          <p class="muted">{t.loading}</p>
        )
      ) : (
        <>
          <p class={`visitor-kind ${v.returning ? 'returning' : 'new'}`} data-testid="visitor-kind" data-returning={v.returning ? 'true' : 'false'}>
            {v.returning ? t.panel.returning : t.panel.newVisitor}
          </p>
          <dl class="facts">
            <dt>{t.panel.visits}</dt>
            <dd data-testid="visitor-visits">{v.visitCount}</dd>
            <dt>{t.panel.firstSeen}</dt>
            <dd>
              <time dateTime={new Date(v.firstSeenAt).toISOString()} title={formatFull(v.firstSeenAt)}>
                {formatDate(v.firstSeenAt)}
              </time>
            </dd>
            {email && (
              <>
                <dt>{t.panel.email}</dt>
                <dd data-testid="visitor-email">{emailHref ? <a href={emailHref}>{email}</a> : email}</dd>
              </>
            )}
          </dl>

          {v.attributes && Object.keys(v.attributes).length > 0 && (
            <>
              <h3>{t.panel.attributes}</h3>
              <dl class="facts" data-testid="visitor-attributes">
                {Object.entries(v.attributes).map(([k, val]) => (
                  <>
                    <dt key={`k-${k}`}>{k}</dt>
                    <dd key={`v-${k}`}>{String(val)}</dd>
                  </>
                ))}
              </dl>
            </>
          )}

          <h3>{t.panel.currentPage}</h3>
          <div class="current-page" data-testid="visitor-current-page">
            {currentPage ? <PageLink url={currentPage.url} title={currentPage.title} /> : <span class="muted">—</span>}
          </div>

          <h3>{t.panel.pages}</h3>
          {pages.length === 0 ? (
            <p class="muted">{t.panel.noPages}</p>
          ) : (
            <ol class="pages" data-testid="visitor-pages">
              {pages.map((pg) => (
                <li key={`${pg.at}|${pg.url}`}>
                  <PageLink url={pg.url} title={pg.title} />
                  <time dateTime={new Date(pg.at).toISOString()} title={formatFull(pg.at)}>
                    {formatTime(pg.at)}
                  </time>
                </li>
              ))}
            </ol>
          )}

          <h3>{t.panel.earlier}</h3>
          {earlier.length === 0 ? (
            <p class="muted">{t.panel.noEarlier}</p>
          ) : (
            <ul class="earlier" data-testid="visitor-earlier">
              {earlier.map((x) => (
                <li key={x.id}>
                  <button type="button" class="earlier-open" onClick={() => onOpen(x.id)}>
                    <span class="earlier-top">
                      <time dateTime={new Date(x.createdAt).toISOString()}>{formatDate(x.createdAt)}</time>
                      <span class={`state-pill state-${x.state}`}>{stateLabel(x.state)}</span>
                    </span>
                    <span class="earlier-msg">{x.lastMessage ?? '—'}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
