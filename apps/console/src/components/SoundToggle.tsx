/** The header's sound toggle for notifications (its click also unlocks audio and asks for notification permission). */
import { te } from '../i18n-engage.ts';
import { unlockAlerts } from '../notify.ts';

export function SoundToggle({ muted, onChange }: { muted: boolean; onChange: (muted: boolean) => void }) {
  const label = muted ? te.notify.soundOff : te.notify.soundOn;
  return (
    <button
      type="button"
      class="ghost sound-toggle"
      data-testid="sound-toggle"
      aria-pressed={!muted}
      aria-label={label}
      title={label}
      onClick={() => {
        unlockAlerts();
        onChange(!muted);
      }}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M11 5 6 9H3v6h3l5 4z" />
        {muted ? <path d="m16 9 5 6m0-6-5 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />}
      </svg>
    </button>
  );
}
