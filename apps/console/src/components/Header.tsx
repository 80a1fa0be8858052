import type { Status } from '@parla/client';
import type { Presence } from '@parla/protocol';
import type { SettablePresenceName } from '@parla/protocol/constants';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.ts';
import { presenceText } from '../labels.ts';
import { viewPath, type View } from '../routes.ts';

export type { View };

/** A view's tab: a link to its address (the router follows it without a reload). */
function Tab(p: { view: View; current: View; href?: string; children: ComponentChildren }) {
  return (
    <a class="tab" href={p.href ?? viewPath(p.view)} aria-current={p.current === p.view ? 'page' : undefined} data-testid={`nav-${p.view}`}>
      {p.children}
    </a>
  );
}

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
  /** The inbox tab's address: the conversation open there, if any. */
  inboxHref: string;
  onPresence: (p: SettablePresenceName) => void;
  onLogout: () => void;
  /** The agent's own account (change password). */
  onAccount: () => void;
  /** Shown before the presence toggle (the sound toggle). */
  extra?: ComponentChildren;
}


export function Header(p: Props) {
  const next: SettablePresenceName = p.presence === 'online' ? 'away' : 'online';
  return (
    <header class="topbar">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">Parla</span>
      </div>
      <nav class="tabs" aria-label={t.header.views}>
        <Tab view="inbox" current={p.view} href={p.inboxHref}>
          {t.header.inbox}
          {p.badge > 0 && (
            <span class="badge" aria-label={`(${p.badge})`}>
              {p.badge}
            </span>
          )}
        </Tab>
        <Tab view="queue" current={p.view}>
          {t.header.queue}
          {p.queueCount > 0 && (
            <span class={`badge${p.queueBreached ? '' : ' badge-soft'}`} aria-label={`(${p.queueCount})`}>
              {p.queueCount}
            </span>
          )}
        </Tab>
        <Tab view="agents" current={p.view}>
          {t.header.agents}
        </Tab>
        {p.admin && (
          <Tab view="sites" current={p.view}>
            {t.header.sites}
          </Tab>
        )}
        <Tab view="reports" current={p.view}>
          {t.header.reports}
        </Tab>
        <Tab view="kb" current={p.view}>
          {t.header.kb}
        </Tab>
        <Tab view="settings" current={p.view}>
          {t.header.settings}
        </Tab>
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
