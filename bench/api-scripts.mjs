// Benchmarks that live beside the API's code, as TypeScript scripts of its own: run them and pass
// their figures through. answers: how often the automatic answer is right (seed/qa-eval.json);
// submissions: accepted questions per second, end to end through the write path.
import { spawnSync } from 'node:child_process';
import { heading } from './lib/format.mjs';
import { ROOT } from './lib/proc.mjs';

function runApiScript(title, args) {
  console.log(heading(title));
  const r = spawnSync('pnpm', ['--filter', '@pbgdpl/api', ...args], { cwd: ROOT, encoding: 'utf8', env: process.env });
  const out = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l && !l.startsWith('>') && !/nodedir/.test(l))
    .join('\n');
  console.log(out);
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return out;
}

export async function answers() {
  const out = runApiScript('automatic answers: is the right published answer in the top 3?', ['run', 'eval:answers']);
  const held = /held-out \(\d+ queries\): top 3 (\d+)\/(\d+)/.exec(out);
  return {
    targets: [],
    notes: held ? [`automatic answers: right answer in the top 3 for ${held[1]} of ${held[2]} held-out queries`] : [],
  };
}

export async function submissions() {
  runApiScript('submission throughput: questions through the whole write path', ['exec', 'tsx', 'scripts/bench-submissions.ts']);
  return { targets: [], notes: [] };
}

export async function limiter() {
  runApiScript('rate limiter: the cost of a take() as live buckets grow', ['exec', 'tsx', 'scripts/bench-limiter.ts']);
  return { targets: [], notes: [] };
}
