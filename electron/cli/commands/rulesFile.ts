import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rulesFileSchema, type RulesFile } from '../../../shared/rules/ruleSchema';
import { CommandFailure } from '../cliErrors';

/** The rule a schema issue is about, by its place in the file and its name when it has one. */
function whereIn(json: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return '';
  const rules = (json as { rules?: unknown[] }).rules ?? [];
  const name = (rules[path[1]] as { name?: unknown } | undefined)?.name;
  return ` (rule ${path[1] + 1}${typeof name === 'string' ? `, “${name}”` : ''})`;
}

/**
 * A rules file read and checked before anything changes: a missing file, text that is not JSON
 * and a rule the schema refuses are each said in plain words, naming the rule and its field.
 */
export function readRulesFile(file: string): RulesFile {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandFailure(`Cannot read ${path}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandFailure(`${path} is not JSON: ${(error as Error).message}.`);
  }
  const parsed = rulesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the file'}${whereIn(json, issue.path)}: ${issue.message}`);
    throw new CommandFailure(`${path} is not a rules file Pieuvre can read: ${problems.join('; ')}.`);
  }
  return parsed.data;
}
