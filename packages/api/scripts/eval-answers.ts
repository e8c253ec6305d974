// How often the automatic answer puts the right published answer in its top 3, on the labelled
// set in seed/qa-eval.json (queries citizens might type, half without diacritics). Prints figures;
// asserts nothing. Run: pnpm --filter @pbgdpl/api eval:answers
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { loadCatalog, seedIfEmpty } from '../src/db/seed.js';
import { loadQaCatalog, seedQaIfEmpty } from '../src/db/seed-qa.js';
import { SuggestIndex } from '../src/questions/suggest.js';
import { ensureDemoSite } from '../src/sites/demo-site.js';

/**
 * The set has two queries per question. The first of each pair (and every other unanswerable one)
 * is the "tuning" half, the only half looked at while adjusting the thesaurus and thresholds; the
 * second is held out, and its figure is the one to quote.
 */
export type Half = 'tuning' | 'held-out';

export interface EvalResult {
  cases: number;
  answerable: number;
  top1: number;
  top3: number;
  /** Unanswerable queries for which nothing was offered. */
  abstained: number;
  unanswerable: number;
  misses: { query: string; expected: string | null; got: string[] }[];
}

const root = resolve(fileURLToPath(import.meta.url), '../..');

export async function evaluateAnswers(half: Half | 'all' = 'all'): Promise<EvalResult> {
  const db = openDatabase({ url: join(mkdtempSync(join(tmpdir(), 'pbgdpl-eval-')), 'eval.sqlite') });
  await migrate(db.kysely);
  await ensureDemoSite(db.kysely, []);
  await seedIfEmpty(db, await loadCatalog(join(root, 'seed/catalog.json')));
  await seedQaIfEmpty(db, loadQaCatalog(join(root, 'seed/qa.json'))!, 'demo');
  const index = new SuggestIndex(db.kysely);
  const { cases } = JSON.parse(readFileSync(join(root, 'seed/qa-eval.json'), 'utf8')) as { cases: { query: string; expected: string | null }[] };
  const seen = new Map<string, number>();
  const picked = cases.filter((c) => {
    const k = c.expected ?? 'null';
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return half === 'all' || (n % 2 === 0) === (half === 'tuning');
  });
  const r: EvalResult = { cases: picked.length, answerable: 0, top1: 0, top3: 0, abstained: 0, unanswerable: 0, misses: [] };
  for (const c of picked) {
    const got = (await index.suggest(c.query, undefined, 'vi')).answers.map((a) => a.id);
    if (c.expected === null) {
      r.unanswerable++;
      if (got.length === 0) r.abstained++;
      else r.misses.push({ ...c, got });
      continue;
    }
    r.answerable++;
    if (got[0] === c.expected) r.top1++;
    if (got.slice(0, 3).includes(c.expected)) r.top3++;
    else r.misses.push({ ...c, got });
  }
  await db.close();
  return r;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log('automatic answers on the labelled queries of seed/qa-eval.json');
  for (const half of ['held-out', 'tuning', 'all'] as const) {
    const r = await evaluateAnswers(half);
    console.log(
      `  ${half.padEnd(8)} (${r.cases} queries): top 3 ${r.top3}/${r.answerable} ${pct(r.top3, r.answerable)} · first ${r.top1}/${r.answerable} ${pct(r.top1, r.answerable)} · nothing offered when nothing fits ${r.abstained}/${r.unanswerable} ${pct(r.abstained, r.unanswerable)}`,
    );
    if (half === 'tuning' && process.argv.includes('--misses'))
      for (const m of r.misses) console.log(`    miss: "${m.query}" expected ${m.expected} got ${m.got.join(', ') || '(nothing)'}`);
  }
}
