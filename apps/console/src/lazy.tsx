import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.ts';

/**
 * A component whose code loads on first use (views most agents rarely open stay out of the main
 * bundle). Shows "Loading…" meanwhile and a retry if the chunk cannot be fetched.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> & { preload: () => void } {
  let cached: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (pending ??= load().then(
      (c) => (cached = c),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));

  function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => cached);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (C) return;
      let live = true;
      setFailed(false);
      get().then(
        (c) => live && setC(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (C) return <C {...props} />;
    return (
      <main class="page-view">
        {failed ? (
          <p class="form-error" role="alert">
            {t.loadFailed}{' '}
            <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
              {t.reports.retry}
            </button>
          </p>
        ) : (
          <p class="muted">{t.loading}</p>
        )}
      </main>
    );
  }
  return Object.assign(Lazy, { preload: () => void get().catch(() => undefined) });
}
