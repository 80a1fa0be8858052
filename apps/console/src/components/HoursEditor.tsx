import { useState } from 'preact/hooks';
import { COMMON_TIME_ZONES, DAY_KEYS, type DayKey, type FormError, type HoursForm, MAX_RANGES_PER_DAY, nextRange } from '../hours.ts';
import { ts } from '../i18n-settings.ts';

interface Props {
  value: HoursForm;
  onChange: (v: HoursForm) => void;
  errors: FormError[];
  /** The site's form has the "always open" switch; a department's does not (off = the site's hours). */
  allowAlwaysOpen: boolean;
  /** Prefix of the data-testids ('' for the site, 'department-' in a department). */
  prefix: string;
  /** Unique among the editors on the page (element ids). */
  idBase: string;
}

const dayName = (d: DayKey) => ts.settings.days[d] ?? d;

/** Weekly opening hours, time zone and holidays. */
export function HoursEditor({ value, onChange, errors, allowAlwaysOpen, prefix, idBase }: Props) {
  const [holiday, setHoliday] = useState('');
  const set = (patch: Partial<HoursForm>) => onChange({ ...value, ...patch });
  const setDay = (day: DayKey, ranges: HoursForm['weekly'][DayKey]) => set({ weekly: { ...value.weekly, [day]: ranges } });
  const tzError = errors.some((e) => e.code === 'timezone');
  const holidayErrors = errors.filter((e) => e.code === 'holiday' || e.code === 'tooManyHolidays');

  const addHoliday = () => {
    const d = holiday.trim();
    if (!d) return;
    if (!value.holidays.includes(d)) set({ holidays: [...value.holidays, d].sort() });
    setHoliday('');
  };

  return (
    <div class="hours">
      {allowAlwaysOpen && (
        <label class="check switch">
          <input
            type="checkbox"
            role="switch"
            data-testid={`${prefix}hours-always-open`}
            checked={value.alwaysOpen}
            onChange={(e) => set({ alwaysOpen: e.currentTarget.checked })}
          />
          {ts.settings.alwaysOpen}
        </label>
      )}
      {!(allowAlwaysOpen && value.alwaysOpen) && (
        <>
          <div class="field">
            <label for={`${idBase}-tz`}>{ts.settings.timezone}</label>
            <input
              id={`${idBase}-tz`}
              class={`text-input${tzError ? ' invalid' : ''}`}
              list={`${idBase}-tz-list`}
              data-testid={`${prefix}hours-timezone`}
              value={value.timezone}
              autocomplete="off"
              spellcheck={false}
              aria-invalid={tzError || undefined}
              aria-describedby={tzError ? `${idBase}-tz-error` : undefined}
              onInput={(e) => set({ timezone: e.currentTarget.value })}
            />
            <datalist id={`${idBase}-tz-list`}>
              {[...new Set([value.timezone, ...COMMON_TIME_ZONES])].filter(Boolean).map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            {tzError && (
              <p class="field-error" id={`${idBase}-tz-error`}>
                {ts.settings.errors.timezone}
              </p>
            )}
          </div>

          <div class="days">
            {DAY_KEYS.map((day) => {
              const ranges = value.weekly[day] ?? [];
              const dayErrors = errors.filter((e) => e.day === day);
              return (
                <div key={day} class="day" role="group" aria-label={dayName(day)} data-testid={`${prefix}hours-day-${day}`}>
                  <span class="day-name">{dayName(day)}</span>
                  <div class="ranges">
                    {ranges.length === 0 && <span class="muted closed">{ts.settings.closed}</span>}
                    {ranges.map((r, i) => {
                      const bad = dayErrors.some((e) => e.index === i);
                      return (
                        <span key={i} class={`range${bad ? ' invalid' : ''}`} data-testid="hours-range">
                          <input
                            type="time"
                            class="time-input"
                            data-testid="hours-from"
                            aria-label={`${dayName(day)} ${ts.settings.from}`}
                            aria-invalid={bad || undefined}
                            value={r.from}
                            onInput={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, from: e.currentTarget.value } : x)))}
                          />
                          <span aria-hidden="true">–</span>
                          <input
                            type="time"
                            class="time-input"
                            data-testid="hours-to"
                            aria-label={`${dayName(day)} ${ts.settings.to}`}
                            aria-invalid={bad || undefined}
                            value={r.to}
                            onInput={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, to: e.currentTarget.value } : x)))}
                          />
                          <button
                            type="button"
                            class="ghost icon-btn"
                            data-testid="hours-remove"
                            aria-label={ts.settings.removeRangeLabel(dayName(day), r.from, r.to)}
                            title={ts.settings.removeRange}
                            onClick={() => setDay(day, ranges.filter((_, j) => j !== i))}
                          >
                            ×
                          </button>
                        </span>
                      );
                    })}
                    {ranges.length < MAX_RANGES_PER_DAY && (
                      <button
                        type="button"
                        class="link add-range"
                        data-testid="hours-add"
                        aria-label={ts.settings.addRangeLabel(dayName(day))}
                        onClick={() => setDay(day, [...ranges, nextRange(ranges)])}
                      >
                        + {ts.settings.addRange}
                      </button>
                    )}
                  </div>
                  {dayErrors.length > 0 && (
                    <p class="field-error day-error">{[...new Set(dayErrors.map((e) => ts.settings.errors[e.code] ?? e.code))].join(' ')}</p>
                  )}
                </div>
              );
            })}
          </div>
          <p class="hint">{ts.settings.midnightHint}</p>

          <div class="holidays" data-testid={`${prefix}holidays`}>
            <h4>{ts.settings.holidays}</h4>
            {value.holidays.length === 0 ? (
              <p class="muted small">{ts.settings.noHolidays}</p>
            ) : (
              <ul class="chips">
                {value.holidays.map((d) => (
                  <li key={d} class="chip" data-testid="holiday" data-date={d}>
                    <time dateTime={d}>{d}</time>
                    <button
                      type="button"
                      class="ghost icon-btn"
                      data-testid="holiday-remove"
                      aria-label={ts.settings.removeHoliday(d)}
                      onClick={() => set({ holidays: value.holidays.filter((x) => x !== d) })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div class="inline-add">
              <input
                type="date"
                class="text-input"
                data-testid="holiday-input"
                aria-label={ts.settings.holidayDate}
                value={holiday}
                onInput={(e) => setHoliday(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addHoliday();
                  }
                }}
              />
              <button type="button" data-testid="holiday-add" disabled={!holiday} onClick={addHoliday}>
                {ts.settings.addHoliday}
              </button>
            </div>
            {holidayErrors.length > 0 && <p class="field-error">{ts.settings.errors[holidayErrors[0]!.code]}</p>}
          </div>
        </>
      )}
    </div>
  );
}
