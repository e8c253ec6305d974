import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
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

/** Writes bytes to a file only the API's user can read, in a folder only it can enter; a reader never sees half a file. */
export async function writePrivateBytes(file: string, bytes: Uint8Array) {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  closeUp(dir, 0o700, () => {});
  const partial = `${file}.partial`;
  await writeFile(partial, bytes, { mode: 0o600 });
  await chmod(partial, 0o600);
  await rename(partial, file);
}
