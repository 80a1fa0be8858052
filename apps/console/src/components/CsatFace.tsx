/** A visitor's 1-5 satisfaction rating as a face (the scale the survey shows). */
import type { ConversationSummary } from '@parla/protocol';
import { csatFace } from '../format.ts';
import { t } from '../i18n.ts';

type Csat = NonNullable<ConversationSummary['csat']>;

/** The face with an accessible label ("Visitor rating: 4 of 5"). */
export function CsatFace({ csat, showNumber = false }: { csat: Csat; showNumber?: boolean }) {
  return (
    <span class="csat-face" role="img" aria-label={t.csat.label(csat.rating)} title={t.csat.label(csat.rating)} data-testid="csat-face" data-rating={csat.rating}>
      {csatFace(csat.rating)}
      {showNumber && <span class="csat-number" aria-hidden="true">{` ${csat.rating}/5`}</span>}
    </span>
  );
}
