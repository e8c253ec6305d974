import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data folder holds personal data and, without PBGDPL_SECRET, the server's secrets: only the
 * user the API runs as may read it. From here on every file the process creates is private too
 * (umask 077), whatever the shell's umask was; a folder or file left readable by an older version
 * is closed on start.
 */
export function privateDataDir(dir: string, warn: (m: string) => void = () => {}) {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeUp(dir, 0o700, warn);
}

/** The SQLite file and its -wal and -shm companions, 0600. */
export function privateDatabaseFiles(file: string, warn: (m: string) => void = () => {}) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) closeUp(f, 0o600, warn);
}

/** Writes a secret to a file only its owner can read, and returns the path to print instead of the secret. */
export function writePrivateFile(file: string, content: string) {
  privateDataDir(dirname(file));
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

function closeUp(path: string, mode: number, warn: (m: string) => void) {
  const current = statSync(path).mode & 0o777;
  if ((current & 0o077) === 0) return;
  chmodSync(path, mode);
  warn(`${path} was readable by other users (${current.toString(8)}); it is ${mode.toString(8)} now`);
}
