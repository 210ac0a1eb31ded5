/**
 * Why the secrets could not be opened. The file is never emptied or rewritten on any of these:
 * the person decides (restore a backup, or delete it and reconnect the accounts).
 */
export type SecretStoreErrorCode = 'damaged' | 'wrong_key' | 'no_key';

export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}
