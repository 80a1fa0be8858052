/**
 * Runs of queue changes in a conversation's stream ("queued", "took the conversation"): an agent
 * signing in and out, or a conversation passed around by the routing, leaves a run of such lines.
 * The console shows the latest line of each run and folds the earlier ones behind "Show N earlier"
 * (the history stays one click away; transfers, notes, resolutions and SLA breaches never fold;
 * a run of two lines is shown whole).
 */
import type { StreamItem } from '@parla/protocol';
import type { EventKindName } from '@parla/protocol/constants';

const ROUTING = new Set<EventKindName>(['queued', 'assigned', 'reopened']);

const isRouting = (it: StreamItem | undefined): boolean => it?.kind === 'event' && ROUTING.has(it.event);

/**
 * For each run of three or more routing lines: the seq of its last line -> the seqs folded before
 * it. A pair (queued, then taken: the everyday case) stays as it is.
 */
export function routingRuns(items: readonly StreamItem[]): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  let run: number[] = [];
  for (let i = 0; i <= items.length; i++) {
    const it = items[i];
    if (it && isRouting(it)) {
      run.push(it.seq);
      continue;
    }
    if (run.length > 2) runs.set(run[run.length - 1]!, run.slice(0, -1));
    run = [];
  }
  return runs;
}
