import { echoRefusal, type EchoRefusal } from './echoRefusal';
import { checkTemplate, renderTemplate, type RenderResult } from './renderTemplate';
import { valueAt, type TemplateValues, type TemplateVariable } from './variables';

/**
 * The variables whose value a stranger chooses: whoever writes to the account names
 * themselves. The others are the workspace's own (its people, its accounts) or the
 * platform's (its name, its permalink). Rules that add variables from a message add them here.
 */
export const STRANGER_VARIABLES = ['contact.first_name', 'contact.name', 'contact.handle'] as const satisfies readonly TemplateVariable[];
export type StrangerVariable = (typeof STRANGER_VARIABLES)[number];
const CONTACT_FIELD = { 'contact.first_name': 'first_name', 'contact.name': 'name', 'contact.handle': 'handle' } as const satisfies Record<StrangerVariable, keyof TemplateValues['contact']>;

/**
 * The stranger's values an automatic reply may not repeat (see `echoRefusal`). A first name
 * is refused with the name it comes from: "Bob @everyone" gives no "Bob" either.
 */
export function withheldVariables(values: TemplateValues): StrangerVariable[] {
  const isNameRefused = echoRefusal(values.contact.name) !== null;
  return STRANGER_VARIABLES.filter((path) => {
    if (path === 'contact.handle') return echoRefusal(values.contact.handle) !== null;
    return isNameRefused || echoRefusal(values.contact.first_name) !== null;
  });
}

/** Why a withheld variable is: its own value's refusal, or for a first name its name's. */
export const whyWithheld = (values: TemplateValues, path: StrangerVariable): EchoRefusal | null =>
  echoRefusal(valueAt(values, path)) ?? (path === 'contact.first_name' ? echoRefusal(values.contact.name) : null);

/**
 * The stranger's values this body uses that an automatic reply would not repeat: what the
 * previews warn about (a person may still send them by hand).
 */
export function withheldUses(body: string, values: TemplateValues): StrangerVariable[] {
  const used = new Set(checkTemplate(body).variables.map((use) => use.path));
  return withheldVariables(values).filter((path) => used.has(path));
}

/** A refused value renders as nothing: `default:` then gives the template's own word ("there"), and without one the sentence closes around the gap. */
function withoutWithheld(values: TemplateValues, withheld: readonly StrangerVariable[]): TemplateValues {
  const contact = { ...values.contact };
  for (const path of withheld) contact[CONTACT_FIELD[path]] = '';
  return { ...values, contact };
}

/**
 * "Hi , thanks" → "Hi, thanks"; "Hi !" → "Hi!"; "closed, ." → "closed."; ", thanks" → "thanks":
 * the gap a blanked name leaves. A French space before ! or ? goes too unless it is a no-break one.
 */
const closeGaps = (text: string): string =>
  text
    .replace(/[ \t]{2,}/gu, ' ')
    .replace(/[ \t]+([\u00a0\u202f])/gu, '$1')
    .replace(/[ \t]+([,.!?])/gu, '$1')
    .replace(/,([.!?])/gu, '$1')
    .replace(/^[ \t]*,[ \t]*/gmu, '')
    .trim();

export type AutomaticRenderResult = RenderResult & { withheld: StrangerVariable[] };

/**
 * How every reply Pieuvre sends on its own is rendered (away replies; rules later): a
 * stranger's value that fails `echoRefusal` is replaced by the template's `default:` value, or
 * by nothing when the template gives none. `withheld` names the refused variables the body uses.
 */
export function renderAutomatic(body: string, values: TemplateValues): AutomaticRenderResult {
  // Every refused value is blanked, used by name or not: `contact[x]` and loops reach them too.
  const refused = withheldVariables(values);
  const result = renderTemplate(body, withoutWithheld(values, refused));
  return { ...result, text: refused.length > 0 ? closeGaps(result.text) : result.text, withheld: refused.length > 0 ? withheldUses(body, values) : [] };
}
