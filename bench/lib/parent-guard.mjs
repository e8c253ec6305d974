// Preloaded (node --import) into servers the benchmark starts. Their stdin is a pipe from the
// benchmark; when it closes, the benchmark is gone (even if it was SIGKILLed and could not clean
// up), so the server stops itself the way Ctrl+C would, and removes its temporary data folder.
import { rmSync } from 'node:fs';

const orphaned = () => {
  const dir = process.env.BENCH_REMOVE_ON_ORPHAN;
  if (dir) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  process.kill(process.pid, 'SIGTERM');
};
process.stdin.on('data', () => {});
process.stdin.on('end', orphaned);
process.stdin.on('error', orphaned);
