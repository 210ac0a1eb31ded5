import { PLATFORM_NAMES, type Platform } from '../domain/platform';

/** Every variable a template may use, in the order the editor offers them. */
export const TEMPLATE_VARIABLES = [
  'contact.first_name',
  'contact.name',
  'contact.handle',
  'me.first_name',
  'me.name',
  'me.signature',
  'account.name',
  'account.handle',
  'platform',
  'conversation.link',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
export const isKnownVariable = (path: string): path is TemplateVariable => KNOWN.has(path);

/** The values a template renders with, shaped as templates name them (`contact.first_name`). */
export type TemplateValues = {
  contact: { first_name: string; name: string; handle: string };
  me: { first_name: string; name: string; signature: string };
  account: { name: string; handle: string };
  platform: string;
  conversation: { link: string };
};

/** "Marie-Ève Tremblay" → "Marie-Ève"; an empty name gives '' so that `default:` applies. */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/u)[0] ?? '';

export type ConversationFacts = {
  contact: { name: string; handle: string };
  meName: string;
  /** My sign-off, as set in Settings → Me. */
  meSignature: string;
  account: { name: string; handle: string };
  platform: Platform;
  link: string | null;
};

export function templateValues(facts: ConversationFacts): TemplateValues {
  return {
    contact: { first_name: firstNameOf(facts.contact.name), name: facts.contact.name.trim(), handle: facts.contact.handle },
    me: { first_name: firstNameOf(facts.meName), name: facts.meName.trim(), signature: facts.meSignature.trim() },
    account: { name: facts.account.name, handle: facts.account.handle },
    // Brand names, the same in every language.
    platform: PLATFORM_NAMES[facts.platform],
    conversation: { link: facts.link ?? '' },
  };
}

/** The value at a known variable's path ('' when this conversation has none). */
export function valueAt(values: TemplateValues, path: TemplateVariable): string {
  let node: unknown = values;
  for (const segment of path.split('.')) node = typeof node === 'object' && node !== null ? Object.getOwnPropertyDescriptor(node, segment)?.value : undefined;
  return typeof node === 'string' ? node : '';
}
