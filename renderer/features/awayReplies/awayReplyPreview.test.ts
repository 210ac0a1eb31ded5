import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/api/templates';
import { awayReplyPreview } from './awayReplyPreview';

const template = (variants: Template['variants']): Template => ({
  id: 't1', name: 'Absent', shortcut: 'absent', folder: '', tags: [], variants, usageCount: 0, lastUsedAt: null, createdAt: 0, updatedAt: 0,
});
const account = { name: 'Brûlerie Castor', handle: '@brulerie', platform: 'instagram' } as const;
const away = template([
  { language: 'fr', platform: null, body: 'Bonjour {{ contact.first_name }}! {{ account.name }} est fermée.' },
  { language: 'fr', platform: 'instagram', body: 'Allô {{ contact.first_name }} 🧡 {{ me.first_name | default: account.name }} revient demain.' },
  { language: 'en', platform: null, body: 'Hi {{ contact.first_name }}! {{ account.name }} is closed.' },
]);

describe('the away reply preview', () => {
  it('renders the version a conversation in that language on that platform would get, for a sample contact', () => {
    expect(awayReplyPreview(away, account, { language: 'fr', defaultLanguage: 'fr', contactName: 'Camille Tremblay' })).toBe('Allô Camille 🧡 Brûlerie Castor revient demain.');
    expect(awayReplyPreview(away, { ...account, platform: 'facebook' }, { language: 'fr', defaultLanguage: 'fr', contactName: 'Camille Tremblay' })).toBe('Bonjour Camille! Brûlerie Castor est fermée.');
    expect(awayReplyPreview(away, account, { language: 'en', defaultLanguage: 'fr', contactName: 'Sam Taylor' })).toBe('Hi Sam! Brûlerie Castor is closed.');
    expect(awayReplyPreview(away, account, { language: 'de', defaultLanguage: 'en', contactName: 'Jo' })).toBe('Hi Jo! Brûlerie Castor is closed.');
  });

  it('shows what a stranger whose name Pieuvre will not repeat gets: the default, or nothing in its place', () => {
    expect(awayReplyPreview(away, account, { language: 'en', defaultLanguage: 'fr', contactName: '@everyone' })).toBe('Hi! Brûlerie Castor is closed.');
    const polite = template([{ language: 'fr', platform: null, body: 'Bonsoir {{ contact.first_name | default: "à vous" }}!' }]);
    expect(awayReplyPreview(polite, account, { language: 'fr', defaultLanguage: 'fr', contactName: 'www.gratuit.test' })).toBe('Bonsoir à vous!');
  });

  it('has nothing to show for a template that does not render', () => {
    expect(awayReplyPreview(template([{ language: 'fr', platform: null, body: '{% if %}' }]), account, { language: 'fr', defaultLanguage: 'fr', contactName: 'Jo' })).toBeNull();
    expect(awayReplyPreview(template([]), account, { language: 'fr', defaultLanguage: 'fr', contactName: 'Jo' })).toBeNull();
  });
});
