import type { AgentView, ConversationSummary } from '@parla/protocol';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { takeLinkFragment, type LinkKind } from './admin.ts';
import { api, ApiError } from './api.ts';
import { ConversationView } from './components/ConversationView.tsx';
import { Header } from './components/Header.tsx';
import { Inbox } from './components/Inbox.tsx';
import { Login } from './components/Login.tsx';
import { Queue } from './components/Queue.tsx';
import { TransferDialog } from './components/TransferDialog.tsx';
import { VisitorPanel } from './components/VisitorPanel.tsx';
import { useDirectory } from './directory.ts';
import { current, useConversationDetail, useNow } from './hooks.ts';
import { t } from './i18n.ts';
import { t2 } from './i18n-2fa.ts';
import { groupInbox, isUnread } from './inbox.ts';
import { fullAt } from './capacity.ts';
import { ta } from './i18n-abandoned.ts';
import { lazyComponent } from './lazy.tsx';
import { loadSignature, slaState } from './queue.ts';
import { useConsole, useEvent } from './store.ts';
import { departmentsOf, titleText, unlockAlerts, useAlerts, useMuted } from './notify.ts';
import { SoundToggle } from './components/SoundToggle.tsx';
import { useLocation } from 'preact-iso';
import { parseRoute, routePath, viewPath, type View } from './routes.ts';
import { tsh } from './i18n-shell.ts';

// Views most agents open rarely: loaded on first use.
const Agents = lazyComponent(() => import('./components/Agents.tsx').then((m) => m.Agents));
const Settings = lazyComponent(() => import('./components/Settings.tsx').then((m) => m.Settings));
const KnowledgeBase = lazyComponent(() => import('./components/KnowledgeBase.tsx').then((m) => m.KnowledgeBase));
const Reports = lazyComponent(() => import('./components/Reports.tsx').then((m) => m.Reports));
const Sites = lazyComponent(() => import('./components/Sites.tsx').then((m) => m.Sites));
const PasswordDialog = lazyComponent(() => import('./components/PasswordDialog.tsx').then((m) => m.PasswordDialog));
// Pages of the first minutes of an install or of an agent: the first-run setup, an invitation or reset link.
const Setup = lazyComponent(() => import('./components/Setup.tsx').then((m) => m.Setup));
const LinkPage = lazyComponent(() => import('./components/LinkPage.tsx').then((m) => m.LinkPage));

export type Link = { kind: LinkKind; token: string | null };

type Auth =
  | { state: 'checking' }
  | { state: 'out'; notice?: string }
  | { state: 'setup' }
  | { state: 'link'; link: Link }
  | { state: 'in'; agent: AgentView };

/**
 * Login gate. An invitation or reset link in the address bar comes first (main.tsx has taken it
 * out of the URL); otherwise /api/auth/me decides whether the session cookie is still good, and
 * without one an install that has no admin yet shows the first-run setup instead of the login.
 */
export function App({ link }: { link?: Link | null }) {
  const [auth, setAuth] = useState<Auth>(link ? { state: 'link', link } : { state: 'checking' });
  const loc = useLocation();

  useEffect(() => {
    if (auth.state !== 'checking') return;
    let live = true;
    api.me().then(
      (r) => live && setAuth({ state: 'in', agent: r.agent }),
      (e: unknown) => {
        if (!live) return;
        if (!(e instanceof ApiError && e.status === 401)) return setAuth({ state: 'out' });
        api.setupStatus().then(
          (s) => live && setAuth(s.needed ? { state: 'setup' } : { state: 'out' }),
          () => live && setAuth({ state: 'out' }),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [auth.state]);

  // A link pasted into the address bar of an open console changes only the fragment.
  useEffect(() => {
    const onHash = () => {
      const l = takeLinkFragment(location, history);
      if (l) setAuth({ state: 'link', link: l });
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const signedIn = (agent: AgentView, landing?: View) => {
    unlockAlerts(); // the agent goes online now, with a click: a good moment to ask
    if (landing) loc.route(viewPath(landing), true);
    setAuth({ state: 'in', agent });
  };

  if (auth.state === 'checking') {
    return (
      <p class="splash" role="status">
        {t.loading}
      </p>
    );
  }
  if (auth.state === 'link') {
    return <LinkPage key={`${auth.link.kind}:${auth.link.token ?? ''}`} link={auth.link} onSignedIn={(agent) => signedIn(agent)} onLeave={() => setAuth({ state: 'checking' })} onPasswordSet={() => setAuth({ state: 'out', notice: t2.login.passwordSet })} />;
  }
  if (auth.state === 'setup') {
    // The first admin lands on Sites: the next step is the shop's site and its snippet.
    return <Setup onSignedIn={(agent) => signedIn(agent, 'sites')} onAlreadySetUp={(notice) => setAuth({ state: 'out', notice })} />;
  }
  if (auth.state === 'out')
    return <Login notice={auth.notice} onLoggedIn={(agent) => signedIn(agent)} />;
  return (
    <Console
      key={auth.agent.id}
      agent={auth.agent}
      onLogout={() => {
        api.logout().catch(() => undefined);
        setAuth({ state: 'out' });
      }}
      onExpired={() => setAuth({ state: 'out', notice: t.login.expired })}
    />
  );
}

function Console({ agent, onLogout, onExpired }: { agent: AgentView; onLogout: () => void; onExpired: () => void }) {
  const expired = useEvent(onExpired);
  const [state, actions] = useConsole(agent, expired);
  // The address bar says which view and which conversation are shown (routes.ts).
  const loc = useLocation();
  const parsed = parseRoute(loc.path);
  // Sites is for admins (its tab is hidden from agents): its address shows an agent the inbox.
  const route: typeof parsed = parsed.view === 'sites' && state.me.role !== 'admin' ? { view: 'inbox', conversationId: null } : parsed;
  const view = route.view;
  const setView = (v: View) => loc.route(viewPath(v));
  const routeConversation = route.view === 'inbox' ? route.conversationId : null;
  const [visitorOpen, setVisitorOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);
  const open = state.openId ? state.conversations[state.openId] : undefined;
  const detail = useConversationDetail(open, state.connections, expired);
  // The detail is fetched again after every reconnect: when it is newer than our row, it replaces
  // it (an open conversation missing from the welcome was resolved while we were away).
  const fetched = detail.state === 'ready' ? detail.data.conversation : undefined;
  useEffect(() => {
    if (fetched && fetched.lastSeq > (state.conversations[fetched.id]?.lastSeq ?? -1)) actions.remember(fetched);
  }, [fetched]);
  const [transferFor, setTransferFor] = useState<string | null>(null);
  const loads = useMemo(() => loadSignature(Object.values(state.conversations)), [state.conversations]);
  const directory = useDirectory({
    agentsActive: view === 'agents' || view === 'settings' || view === 'reports' || transferFor !== null,
    agentsTrigger: `${state.presenceSeq}|${loads}`,
    presence: state.agentPresence,
    connections: state.connections,
    onUnauthorized: expired,
  });
  const queued = useMemo(() => Object.values(state.conversations).filter((c) => c.state === 'queued'), [state.conversations]);
  // At the limit of active conversations: Take and the reply to a waiting conversation are not offered (the server refuses too).
  const myMax = directory.agents?.find((a) => a.id === state.me.id)?.maxChats ?? state.me.maxChats;
  const full = useMemo(() => fullAt(Object.values(state.conversations), { id: state.me.id, maxChats: myMax }), [state.conversations, state.me.id, myMax]);
  const takeBlocked = full === null ? null : ta.capacity.full(full);
  const queueBreached = useQueueBreached(queued);

  // Waiting conversations plus mine with unread visitor messages: in the tab badge and the title.
  const attention = useMemo(() => {
    const g = groupInbox(Object.values(state.conversations), state.me.id);
    const unread = g.mine.filter((c) => c.id !== state.openId && isUnread(c, state.me.id, state.read[c.id], state.items[c.id])).length;
    return g.waiting.length + unread;
  }, [state.conversations, state.items, state.read, state.openId, state.me.id]);

  useEffect(() => {
    document.title = titleText(attention, t.appName);
  }, [attention]);

  // Notices fade after a while.
  useEffect(() => {
    if (!state.notice) return;
    const timer = setTimeout(actions.clearNotice, 6000);
    return () => clearTimeout(timer);
  }, [state.notice?.id]);

  /** Opens any conversation, fetching it first when it is not in the inbox (reports, earlier chats). */
  const closeTransfer = useEvent(() => {
    setTransferFor(null);
    actions.clearTransfer();
  });
  const transferConv = transferFor ? state.conversations[transferFor] : undefined;

  const openAny = useEvent((id: string) => loc.route(routePath({ view: 'inbox', conversationId: id })));
  const take = useEvent((id: string) => {
    actions.take(id);
    openAny(id);
  });

  // The inbox's address decides the open conversation; one not in the inbox (reports, earlier
  // chats, a reload of its address) is fetched first. One that cannot be read sends to the inbox.
  useEffect(() => {
    if (route.view !== 'inbox' || routeConversation === state.openId) return;
    if (!routeConversation || state.conversations[routeConversation]) return actions.open(routeConversation);
    let live = true;
    api.conversation(routeConversation).then(
      (d) => {
        if (!live) return;
        actions.remember(d.conversation);
        actions.open(routeConversation);
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) expired();
        else loc.route(viewPath('inbox'), true);
      },
    );
    return () => {
      live = false;
    };
  }, [route.view, routeConversation, state.openId, !!(routeConversation && state.conversations[routeConversation])]);

  // Browser notifications and a sound: a new waiting conversation, a visitor writing in one of mine, an SLA about to breach.
  const [muted, setMuted] = useMuted();
  const myDepartments = useMemo(() => departmentsOf(state.me.id, directory.departments), [state.me.id, directory.departments]);
  useAlerts({ meId: state.me.id, conversations: state.conversations, items: state.items, openId: state.openId, myDepartments, connection: state.connections }, muted, openAny);

  const pending = useMemo(
    () => (state.openId ? Object.values(state.pending).filter((m) => m.conversationId === state.openId) : []),
    [state.pending, state.openId],
  );

  return (
    <div class="shell">
      <Header
        name={state.me.name}
        admin={state.me.role === 'admin'}
        presence={state.presence}
        status={state.status}
        everConnected={state.connections > 0}
        view={view}
        badge={attention}
        queueCount={queued.length}
        queueBreached={queueBreached}
        inboxHref={state.openId ? routePath({ view: 'inbox', conversationId: state.openId }) : viewPath('inbox')}
        onPresence={(p) => {
          if (p === 'online') unlockAlerts();
          actions.setPresence(p);
        }}
        onLogout={onLogout}
        onAccount={() => setAccountOpen(true)}
        extra={<SoundToggle muted={muted} onChange={setMuted} />}
      />
      {state.notice && (
        <div class="notice" role="alert" data-testid="notice">
          <span>{state.notice.text}</span>
          <button type="button" class="ghost" aria-label={t.conversation.dismiss} onClick={actions.clearNotice}>
            ×
          </button>
        </div>
      )}
      {state.me.role === 'admin' && view !== 'sites' && directory.sites?.length === 0 && (
        <div class="onboarding-banner" role="note" data-testid="no-site-banner">
          <span>{t.sites.noneAdmin}</span>
          <button type="button" class="primary" data-testid="no-site-add" onClick={() => setView('sites')}>
            {t.sites.addFirst}
          </button>
        </div>
      )}
      {view === 'sites' ? (
        <Sites sites={directory.sites} directoryError={directory.departmentsError} onChanged={directory.reloadDepartments} onUnauthorized={expired} />
      ) : view === 'reports' ? (
        <Reports
          sites={directory.sites}
          departments={directory.departments}
          agents={directory.agents}
          liveTrigger={`${state.presenceSeq}|${loads}|${queued.map((c) => c.id).join(',')}|${state.connections}`}
          onUnauthorized={expired}
        />
      ) : view === 'queue' ? (
        <Queue
          conversations={state.conversations}
          departmentNames={directory.departmentNames}
          onOpen={openAny}
          takeBlocked={takeBlocked}
          onTake={take}
        />
      ) : view === 'agents' ? (
        <Agents
          me={state.me}
          agents={directory.agents}
          error={directory.agentsError}
          updatedAt={directory.agentsAt}
          sites={directory.sites}
          departments={directory.departments}
          departmentNames={directory.departmentNames}
          onSaved={(a) => {
            directory.putAgent(a);
            directory.reloadDepartments();
          }}
          onRetry={directory.reloadAgents}
          onUnauthorized={expired}
        />
      ) : view === 'kb' ? (
        <KnowledgeBase
          me={state.me}
          sites={directory.sites}
          departments={directory.departments}
          directoryError={directory.departmentsError}
          onUnauthorized={expired}
        />
      ) : view === 'settings' ? (
        <Settings
          me={state.me}
          sites={directory.sites}
          departments={directory.departments}
          directoryError={directory.departmentsError}
          agents={directory.agents}
          reloadDepartments={directory.reloadDepartments}
          reloadAgents={directory.reloadAgents}
          onUnauthorized={expired}
          section={route.view === 'settings' ? route.section : null}
        />
      ) : (
        <main class={`workspace${open ? ' has-open' : ''}${visitorOpen ? ' visitor-open' : ''}`} aria-labelledby="inbox-title">
          <h1 id="inbox-title" class="sr-only">
            {tsh.inboxTitle}
          </h1>
          <Inbox
            meId={state.me.id}
            conversations={state.conversations}
            items={state.items}
            read={state.read}
            openId={state.openId}
            departmentNames={directory.departmentNames}
            onOpen={openAny}
            onTake={take}
            takeBlocked={takeBlocked}
            onShowQueue={() => setView('queue')}
          />
          {open ? (
            <>
              {/* Narrow screens show one pane at a time: the way back, and the visitor panel on demand. */}
              <div class="conv-pane">
              <div class="pane-bar">
                <a class="pane-back" href={viewPath('inbox')} data-testid="back-to-inbox">
                  ← {tsh.backToInbox}
                </a>
                <button type="button" class="ghost pane-visitor" aria-expanded={visitorOpen} aria-controls="visitor-panel" data-testid="visitor-toggle" onClick={() => setVisitorOpen(!visitorOpen)}>
                  {visitorOpen ? tsh.visitorHide : tsh.visitorShow}
                </button>
              </div>
              <ConversationView
                meId={state.me.id}
                meName={state.me.name}
                ownTransfers={state.ownTransfers}
                conversation={open}
                items={state.items[open.id]}
                pending={pending}
                typingUntil={state.typing[open.id]}
                detail={current(detail)}
                departmentNames={directory.departmentNames}
                onSend={(body, attachmentId) => actions.send(open.id, body, attachmentId)}
                onTransfer={() => {
                  actions.clearTransfer();
                  setTransferFor(open.id);
                }}
                onTyping={(on) => actions.typing(open.id, on)}
                onResolve={() => actions.resolve(open.id)}
                onDismiss={actions.dismissPending}
                takeBlocked={takeBlocked}
                onSnooze={(until) => actions.snooze(open.id, until)}
                onUnsnooze={() => actions.unsnooze(open.id)}
              />
              </div>
              <VisitorPanel conversation={open} detail={detail} livePages={state.livePages[open.visitorId]} onOpen={openAny} />
            </>
          ) : (
            <div class="conversation empty" data-testid="no-conversation">
              <p class="muted">{t.conversation.none}</p>
            </div>
          )}
        </main>
      )}
      {transferConv && (
        <TransferDialog
          key={transferConv.id}
          conversation={transferConv}
          agents={directory.agents}
          agentsError={directory.agentsError}
          departments={directory.departments?.filter((d) => d.siteId === transferConv.siteId) ?? null}
          transfer={state.transfer}
          onSubmit={(target, note) => actions.transfer(transferConv.id, target, note)}
          onClose={closeTransfer}
        />
      )}
      {accountOpen && <PasswordDialog email={state.me.email} onClose={() => setAccountOpen(false)} onUnauthorized={expired} />}
    </div>
  );
}

/** True while some queued conversation is past its first-response target (re-checked every 5 s). */
function useQueueBreached(queued: ConversationSummary[]): boolean {
  const now = useNow(5000);
  return queued.some((c) => slaState(c, now)?.breached);
}
