/**
 * Saves data as a JSON file through the browser's download: a Blob behind an object URL, so
 * nothing is inlined and the CSP needs no exception (and the shell needs no file dialog call).
 */
export function downloadJsonFile(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference to the Blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The chosen file's JSON, or null when it is not JSON at all (the caller checks the shape). */
export async function readJsonFile(file: Blob): Promise<unknown> {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    return null;
  }
}

/** Today as a file name wants it: 2026-12-05. */
export const fileDate = (now: number): string => new Date(now).toISOString().slice(0, 10);
