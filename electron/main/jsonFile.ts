import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The file's JSON, or undefined when it is missing or not JSON (the caller then checks its shape). */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over: quitting mid-write never leaves half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}
