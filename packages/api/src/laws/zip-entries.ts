import { constants, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/**
 * The entries of a ZIP's central directory (found from the end-of-central-directory record), which
 * is right even when the local headers leave sizes to a data descriptor. Empty when the structure is broken.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) return entries;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) return new Map();
    const nameLength = view.getUint16(p + 28, true);
    const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (p + 46 + nameLength > end) return new Map();
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeader: view.getUint32(p + 42, true),
    });
    p += 46 + skip;
  }
  return entries;
}

/** Most an entry's prefix may inflate to: a ZIP bomb's prefix must not take the memory a whole sheet would. */
const PREFIX_MAX_BYTES = 128 * 1024 * 1024;

/**
 * An entry's start, inflated from its first `compressedBytes` only; `whole` when that was all of it.
 * Null when it cannot be read or would inflate to more than 128 MB.
 */
export function zipEntryPrefix(bytes: Uint8Array, entry: ZipEntry, compressedBytes: number): { data: Buffer; whole: boolean } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeader;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  const part = data.subarray(0, compressedBytes);
  const whole = part.length === data.length;
  if (entry.method === 0) return { data: Buffer.from(part), whole };
  if (entry.method !== 8) return null;
  try {
    return { data: inflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: PREFIX_MAX_BYTES }), whole };
  } catch {
    return null;
  }
}
