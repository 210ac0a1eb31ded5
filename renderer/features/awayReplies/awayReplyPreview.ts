import type { Template } from '../../../shared/api/templates';
import type { Account } from '../../../shared/domain/entities';
import { pickVariant } from '../../../shared/templates/pickVariant';
import { renderAutomatic } from '../../../shared/templates/automaticRender';
import { templateValues } from '../../../shared/templates/variables';

/**
 * What a person writing in `language` to `account` would get: the template rendered for a
 * sample contact, as the core renders it for a real conversation: a name it may not repeat
 * gives way to the template's default. Null when the template cannot render (the editor says why).
 */
export function awayReplyPreview(template: Template, account: Pick<Account, 'name' | 'handle' | 'platform'>, sample: { language: string; defaultLanguage: string; contactName: string }): string | null {
  const variant = pickVariant(template.variants, { language: sample.language, platform: account.platform, defaultLanguage: sample.defaultLanguage });
  if (!variant) return null;
  const values = templateValues({
    contact: { name: sample.contactName, handle: '' },
    meName: '',
    meSignature: '',
    account: { name: account.name, handle: account.handle },
    platform: account.platform,
    link: null,
  });
  const { text, problem } = renderAutomatic(variant.body, values);
  return problem || text === '' ? null : text;
}
