/** The raw payload as stored for later inspection; never throws, whatever the connector sent. */
export function serialisePayload(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch (error) {
    return `unserialisable payload (${error instanceof Error ? error.message : String(error)}): ${String(raw)}`;
  }
}
