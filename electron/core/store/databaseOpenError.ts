/** Why a database could not be opened. The file is left exactly as it was. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}
