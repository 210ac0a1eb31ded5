import type { z } from 'zod';

/** "author.handle: expected string, received number; post: a comment needs the post it belongs to" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'item'}: ${issue.message}`)
    .join('; ');
}

/** The raw payload as stored for later inspection; never throws, whatever the connector sent. */
export function serialisePayload(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch (error) {
    return `unserialisable payload (${error instanceof Error ? error.message : String(error)}): ${String(raw)}`;
  }
}
