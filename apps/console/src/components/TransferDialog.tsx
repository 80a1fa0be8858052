import type { AgentStatus, ConversationSummary, Department } from '@parla/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { presenceText, visitorLabel } from '../labels.ts';
import type { TransferState } from '../store.ts';
import { sortTargets, type TransferTarget } from '../transfer.ts';

interface Props {
  conversation: ConversationSummary;
  agents: AgentStatus[] | null;
  agentsError: string | null;
  /** The conversation's site's departments. */
  departments: Department[] | null;
  transfer: TransferState | null;
  onSubmit: (target: TransferTarget, note: string) => void;
  onClose: () => void;
}

const FOCUSABLE = 'button:not([disabled]), select:not([disabled]), textarea:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Hands the conversation to an agent or a department's queue, with an internal note. */
export function TransferDialog(p: Props) {
  const c = p.conversation;
  const [agentId, setAgentId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [note, setNote] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const mine = p.transfer && p.transfer.conversationId === c.id ? p.transfer : null;
  const sending = mine?.status === 'sending';

  // Focus moves into the dialog and back to where it was on close.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('select, textarea, button')?.focus();
    return () => before?.focus?.();
  }, []);

  // Confirmed: close.
  useEffect(() => {
    if (mine?.status === 'done') p.onClose();
  }, [mine?.status]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      p.onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const els = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (els.length === 0) return;
    const first = els[0]!;
    const last = els[els.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const target: TransferTarget | null = agentId ? { agentId } : departmentId ? { departmentId } : null;
  const targets = p.agents ? sortTargets(p.agents, c) : [];

  return (
    <div
      class="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) p.onClose();
      }}
    >
      <div
        class="dialog"
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="transfer-title"
        aria-describedby="transfer-desc"
        data-testid="transfer-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="transfer-title">{t.transfer.title}</h2>
        <p id="transfer-desc" class="muted small">
          {visitorLabel(c)}
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target && !sending) p.onSubmit(target, note);
          }}
        >
          <fieldset class="plain" disabled={sending}>
            <div class="field">
              <label for="transfer-agent">{t.transfer.toAgent}</label>
              <select
                id="transfer-agent"
                data-testid="transfer-agent"
                value={agentId}
                onChange={(e) => {
                  setAgentId(e.currentTarget.value);
                  if (e.currentTarget.value) setDepartmentId('');
                }}
              >
                <option value="">{p.agents ? t.transfer.choose : p.agentsError ? t.transfer.noAgents : t.transfer.loadingAgents}</option>
                {targets.map(({ agent: a, state }) => (
                  <option key={a.id} value={a.id} disabled={state !== 'ok'} data-state={state} data-presence={a.presence}>
                    {t.transfer.agentOption(a.name, presenceText(a.presence), a.load, a.maxChats, t.transfer.states[state] ?? '')}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="transfer-department">{t.transfer.toDepartment}</label>
              <select
                id="transfer-department"
                data-testid="transfer-department"
                value={departmentId}
                onChange={(e) => {
                  setDepartmentId(e.currentTarget.value);
                  if (e.currentTarget.value) setAgentId('');
                }}
              >
                <option value="">{t.transfer.choose}</option>
                {(p.departments ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id === c.departmentId ? t.transfer.currentDepartment(d.name) : d.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="transfer-note">{t.transfer.note}</label>
              <textarea id="transfer-note" data-testid="transfer-note" rows={3} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </div>
          </fieldset>
          {mine?.status === 'failed' && (
            <p class="form-error" role="alert" data-testid="transfer-error">
              {mine.error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" onClick={p.onClose}>
              {t.transfer.cancel}
            </button>
            <button type="submit" class="primary" data-testid="transfer-submit" disabled={!target || sending} title={target ? undefined : t.transfer.oneTarget}>
              {sending ? t.transfer.sending : t.transfer.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
