/** A visitor's 1-5 satisfaction rating as a drawn face (the widget's survey draws the same; no emoji font needed). */
import type { ConversationSummary } from '@parla/protocol';
import { csatMouth, csatTone } from '../format.ts';
import { t } from '../i18n.ts';

type Csat = NonNullable<ConversationSummary['csat']>;

/** The face with an accessible label ("Visitor rating: 4 of 5"). */
export function CsatFace({ csat, showNumber = false }: { csat: Csat; showNumber?: boolean }) {
  return (
    <span
      class={`csat-face csat-${csatTone(csat.rating)}`}
      role="img"
      aria-label={t.csat.label(csat.rating)}
      title={t.csat.label(csat.rating)}
      data-testid="csat-face"
      data-rating={csat.rating}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
        <circle cx="12" cy="12" r="10" />
        <circle cx="8.5" cy="10" r="1" fill="currentColor" />
        <circle cx="15.5" cy="10" r="1" fill="currentColor" />
        <path d={csatMouth(csat.rating)} />
      </svg>
      {showNumber && <span class="csat-number" aria-hidden="true">{`${csat.rating}/5`}</span>}
    </span>
  );
}
