import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writePrivateBytes } from '../security/private-files.js';

/**
 * The bytes of attachments, one file per attachment named by its id (a UUID the server made, never
 * the uploaded name), in a folder of the data folder that only the API's user can read.
 */
export class AttachmentStore {
  constructor(readonly dir: string) {}

  private path(id: string) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not an attachment id: ${id}`);
    return join(this.dir, id);
  }

  write(id: string, bytes: Uint8Array) {
    return writePrivateBytes(this.path(id), bytes);
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.path(id));
  }

  /** Gone already is fine: removing is what was asked. */
  async remove(id: string) {
    await unlink(this.path(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
