import { chmodSync, mkdirSync, statSync } from 'node:fs';

/** Owner read and write only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only. */
export const PRIVATE_FOLDER_MODE = 0o700;

// Windows has no such mode bits: its per-user profile folder is what keeps others out there.
const hasModeBits = process.platform !== 'win32';

/** The data folder holds the secrets and their key: created, or tightened, to owner only. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (hasModeBits && (statSync(folder).mode & 0o077) !== 0) chmodSync(folder, PRIVATE_FOLDER_MODE);
}

/** A key or secrets file others can read is refused, as ssh refuses a private key left open. */
export function assertPrivateFile(file: string): void {
  if (!hasModeBits) return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} can be read by other users of this computer (mode ${mode.toString(8)}): Pieuvre will not use it. Run “chmod 600 ${file}” if you trust it, or delete it and reconnect your accounts.`);
  }
}
