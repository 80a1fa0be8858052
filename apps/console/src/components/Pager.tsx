import { t } from '../i18n.ts';

/** First / previous / "page N of M" / next / last, for a list shown a page at a time. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const atStart = page <= 0;
  const atEnd = page >= pages - 1;
  return (
    <nav class="pager" aria-label={t.queue.pages} data-testid="pager">
      <button type="button" class="ghost" aria-label={t.queue.first} disabled={atStart} data-testid="pager-first" onClick={() => onPage(0)}>
        «
      </button>
      <button type="button" class="ghost" aria-label={t.queue.previous} disabled={atStart} data-testid="pager-previous" onClick={() => onPage(page - 1)}>
        ‹
      </button>
      <span class="pager-status" aria-live="polite" data-testid="pager-status" data-page={page + 1} data-pages={pages}>
        {t.queue.pageOf(page + 1, pages)}
      </span>
      <button type="button" class="ghost" aria-label={t.queue.next} disabled={atEnd} data-testid="pager-next" onClick={() => onPage(page + 1)}>
        ›
      </button>
      <button type="button" class="ghost" aria-label={t.queue.last} disabled={atEnd} data-testid="pager-last" onClick={() => onPage(pages - 1)}>
        »
      </button>
    </nav>
  );
}
