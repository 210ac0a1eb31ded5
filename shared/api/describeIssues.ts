import type { z } from 'zod';

/** "author.handle: expected string, received number; post: a comment needs the post it belongs to" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'item'}: ${issue.message}`)
    .join('; ');
}
