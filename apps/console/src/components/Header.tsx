import type { Status } from '@parla/client';
import type { Presence } from '@parla/protocol';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.ts';
import { presenceText } from '../labels.ts';

export type View = 'inbox' | 'queue' | 'agents' | 'sites' | 'settings' | 'reports' | 'kb';

interface Props {
  name: string;
  /** Admins see the Sites tab. */
  admin: boolean;
  presence: Presence;
  status: Status;
  everConnected: boolean;
  view: View;
  badge: number;
  /** Conversations in the queue (on the Queue tab). */
  queueCount: number;
  /** Some queued conversation is past its first-response target. */
  queueBreached: boolean;
  onView: (v: View) => void;
  onPresence: (p: 'online' | 'away') => void;
  onLogout: () => void;
  /** The agent's own account (change password). */
  onAccount: () => void;
  /** Shown before the presence toggle (the sound toggle). */
  extra?: ComponentChildren;
}


export function Header(p: Props) {
  const next: 'online' | 'away' = p.presence === 'online' ? 'away' : 'online';
  return (
    <header class="topbar">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        Parla
      </div>
      <nav class="tabs" aria-label={t.header.views}>
        <button type="button" class="tab" aria-current={p.view === 'inbox' ? 'page' : undefined} data-testid="nav-inbox" onClick={() => p.onView('inbox')}>
          {t.header.inbox}
          {p.badge > 0 && (
            <span class="badge" aria-label={`(${p.badge})`}>
              {p.badge}
            </span>
          )}
        </button>
        <button type="button" class="tab" aria-current={p.view === 'queue' ? 'page' : undefined} data-testid="nav-queue" onClick={() => p.onView('queue')}>
          {t.header.queue}
          {p.queueCount > 0 && (
            <span class={`badge${p.queueBreached ? '' : ' badge-soft'}`} aria-label={`(${p.queueCount})`}>
              {p.queueCount}
            </span>
          )}
        </button>
        <button type="button" class="tab" aria-current={p.view === 'agents' ? 'page' : undefined} data-testid="nav-agents" onClick={() => p.onView('agents')}>
          {t.header.agents}
        </button>
        {p.admin && (
          <button type="button" class="tab" aria-current={p.view === 'sites' ? 'page' : undefined} data-testid="nav-sites" onClick={() => p.onView('sites')}>
            {t.header.sites}
          </button>
        )}
        <button type="button" class="tab" aria-current={p.view === 'reports' ? 'page' : undefined} data-testid="nav-reports" onClick={() => p.onView('reports')}>
          {t.header.reports}
        </button>
        <button type="button" class="tab" aria-current={p.view === 'kb' ? 'page' : undefined} data-testid="nav-kb" onClick={() => p.onView('kb')}>
          {t.header.kb}
        </button>
        <button type="button" class="tab" aria-current={p.view === 'settings' ? 'page' : undefined} data-testid="nav-settings" onClick={() => p.onView('settings')}>
          {t.header.settings}
        </button>
      </nav>
      <div class="spacer" />
      <div class="conn" role="status" aria-live="polite" data-testid="connection-status" data-status={p.status}>
        {p.status === 'connecting' && <span class="conn-warn">{p.everConnected ? t.header.connecting : t.header.connectingFirst}</span>}
        {p.status === 'closed' && <span class="conn-error">{t.header.disconnected}</span>}
      </div>
      {p.extra}
      <button
        type="button"
        class={`presence presence-${p.presence}`}
        data-testid="presence-toggle"
        data-presence={p.presence}
        aria-label={t.header.presenceLabel(presenceText(p.presence), presenceText(next))}
        title={t.header.presenceLabel(presenceText(p.presence), presenceText(next))}
        onClick={() => p.onPresence(next)}
      >
        <span class="presence-dot" aria-hidden="true" />
        {presenceText(p.presence)}
      </button>
      <button
        type="button"
        class="ghost agent-name"
        data-testid="agent-name"
        aria-haspopup="dialog"
        aria-label={t.header.account(p.name)}
        title={t.header.account(p.name)}
        onClick={p.onAccount}
      >
        {p.name}
      </button>
      <button type="button" class="ghost" data-testid="logout-button" onClick={p.onLogout}>
        {t.header.logout}
      </button>
    </header>
  );
}
