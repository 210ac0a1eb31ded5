/** Why a database could not be opened. The file is left exactly as it was. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
  constructor(
    message: string,
    /** For callers that word it for people: not a Pieuvre database, from a newer Pieuvre, or damaged. */
    readonly reason: 'foreign' | 'newer' | 'damaged' = 'damaged',
  ) {
    super(message);
  }
}
