/** The "/" picker of the reply box: the canned responses matching what follows the slash. */
import type { CannedResponse } from '@parla/protocol';
import { te } from '../i18n-engage.ts';

export const CANNED_LIST_ID = 'canned-list';
export const cannedOptionId = (i: number) => `canned-opt-${i}`;

interface Props {
  query: string;
  matches: CannedResponse[];
  active: number;
  onPick: (r: CannedResponse) => void;
  onHover: (i: number) => void;
}

export function CannedPicker({ query, matches, active, onPick, onHover }: Props) {
  return (
    <div class="canned-picker" data-testid="canned-picker">
      {matches.length ? (
        <ul role="listbox" id={CANNED_LIST_ID} aria-label={te.canned.picker}>
          {matches.map((r, i) => (
            <li
              key={r.id}
              id={cannedOptionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              data-testid="canned-option"
              data-shortcut={r.shortcut}
              data-lang={r.lang}
              // mousedown, not click: the reply box keeps the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(r);
              }}
              onMouseEnter={() => onHover(i)}
            >
              <span class="canned-shortcut">/{r.shortcut}</span>
              <span class="canned-lang" title={te.canned.langName[r.lang]}>
                {r.lang.toUpperCase()}
              </span>
              <span class="canned-title">{r.title}</span>
              <span class="canned-body">{r.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" role="status">
          {te.canned.pickerEmpty(query)}
        </p>
      )}
      <p class="canned-hint muted" aria-hidden="true">
        {te.canned.pickerHint}
      </p>
    </div>
  );
}
