import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rulesFileSchema, type RulesFile } from '../../../shared/rules/ruleSchema';
import { CommandFailure } from '../cliErrors';
import { t } from '../cliText';

/** The rule a schema issue is about, by its place in the file and its name when it has one. */
function whereIn(json: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return '';
  const rules = (json as { rules?: unknown[] }).rules ?? [];
  const name = (rules[path[1]] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? t('rules.ruleNamed', { number: path[1] + 1, name }) : t('rules.ruleAt', { number: path[1] + 1 });
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
    const reason = code === 'ENOENT' ? t('rules.noSuchFile') : code === 'EISDIR' ? t('rules.isFolder') : (error as Error).message;
    throw new CommandFailure(t('rules.cannotRead', { path, reason }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandFailure(t('rules.notJson', { path, message: (error as Error).message }));
  }
  const parsed = rulesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => t('rules.problem', { where: issue.path.join('.') || t('rules.theFile'), rule: whereIn(json, issue.path), message: issue.message }));
    throw new CommandFailure(t('rules.notRulesFile', { path, problems: problems.join('; ') }));
  }
  return parsed.data;
}
