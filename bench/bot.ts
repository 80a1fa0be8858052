/**
 * Bot retrieval benchmark: the demo FAQ against a labelled set of shopper questions
 * (bench/bot/questions.json: in-scope questions with the FAQ id a human would pick, and
 * out-of-scope ones that must be abstained on). Prints top-1 accuracy, abstention precision and
 * recall, and answer latency. Run: npx pnpm@10 bench:bot
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaqList, type Lang } from '@parla/protocol';
import { answer, FaqMatcher } from '@parla/server/bot';

const here = dirname(fileURLToPath(import.meta.url));
const faqs = FaqList.parse(JSON.parse(readFileSync(join(here, '../apps/server/src/modules/demo/faq.json'), 'utf8')));
const questions = JSON.parse(readFileSync(join(here, 'bot/questions.json'), 'utf8')) as { q: string; lang: Lang; expected: string | null }[];
/** Unset: the bar the FAQ's own calibration gives (as the product answers). */
const threshold = process.env.THRESHOLD ? Number(process.env.THRESHOLD) : undefined;

const matcher = new FaqMatcher(faqs);
// Even-numbered questions are the development half (for tuning), odd-numbered the held-out test half.
const split = process.env.SPLIT; // 'dev' | 'test' | undefined (all)
const selected = questions.filter((_, i) => !split || (split === 'dev' ? i % 2 === 0 : i % 2 === 1));
const times: number[] = [];
let inScope = 0;
let correct = 0;
let wrong = 0;
let abstainedInScope = 0;
let outScope = 0;
let abstainedOut = 0;
const misses: string[] = [];
for (let round = 0; round < 20; round++) {
  for (const item of selected) {
    const t0 = process.hrtime.bigint();
    const r = answer(matcher, item.q, item.lang, threshold);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (round > 0) continue; // later rounds only time
    const got = r.entry?.id ?? null;
    if (item.expected) {
      inScope++;
      if (got === item.expected) correct++;
      else {
        if (got === null) abstainedInScope++;
        else wrong++;
        misses.push(`  [${item.lang}] ${JSON.stringify(item.q)} -> ${got ?? 'abstain'} (expected ${item.expected}, confidence ${r.confidence.toFixed(2)})`);
      }
    } else {
      outScope++;
      if (got === null) abstainedOut++;
      else misses.push(`  [${item.lang}] ${JSON.stringify(item.q)} -> ${got} (expected abstain, confidence ${r.confidence.toFixed(2)})`);
    }
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const abstained = abstainedOut + abstainedInScope;
const rows: [string, string][] = [
  ['FAQ entries (en / it)', `${faqs.filter((f) => f.lang === 'en').length} / ${faqs.filter((f) => f.lang === 'it').length}`],
  ['questions (in-scope / out-of-scope)', `${inScope} / ${outScope}`],
  ['threshold', threshold === undefined ? `calibrated (${matcher.calibrate().answerAt.toFixed(2)}, margin ${matcher.calibrate().margin.toFixed(2)})` : String(threshold)],
  ['split', split ?? 'all (SPLIT=dev or SPLIT=test for a half)'],
  ['top-1 accuracy, in-scope', `${((100 * correct) / inScope).toFixed(1)}% (${correct}/${inScope}; ${wrong} wrong, ${abstainedInScope} abstained)`],
  ['abstention recall, out-of-scope', `${((100 * abstainedOut) / outScope).toFixed(1)}% (${abstainedOut}/${outScope})`],
  ['abstention precision', `${abstained ? ((100 * abstainedOut) / abstained).toFixed(1) : '-'}% (${abstainedOut}/${abstained})`],
  ['answer latency p50 / p99 / max', `${pct(0.5).toFixed(3)} / ${pct(0.99).toFixed(3)} / ${times[times.length - 1]!.toFixed(3)} ms (${times.length} answers)`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
if (process.env.VERBOSE) console.log(`\nMisses:\n${misses.join('\n')}`);
