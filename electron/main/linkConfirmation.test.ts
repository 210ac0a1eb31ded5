import { describe, expect, it } from 'vitest';
import { isOpenChosen, linkConfirmation } from './linkConfirmation';
import { SHELL_STRINGS } from './shellStrings';

describe('linkConfirmation', () => {
  it('names the risk in the person’s language, shows the link and defaults to Cancel', () => {
    const local = linkConfirmation('http://192.168.1.1/', 'localNetwork', SHELL_STRINGS.fr);
    expect(local).toMatchObject({ title: 'Ouvrir ce lien?', detail: 'http://192.168.1.1/', buttons: ['Ouvrir dans le navigateur', 'Annuler'] });
    expect(local.message).toContain('réseau local');
    const insecure = linkConfirmation('http://cafe.ca/', 'insecure', SHELL_STRINGS.en);
    expect(insecure.message).toContain('not encrypted');
    expect(insecure.buttons?.[insecure.defaultId ?? 0]).toBe('Cancel');
    expect(insecure.buttons?.[insecure.cancelId ?? 0]).toBe('Cancel');
    expect([0, 1].map(isOpenChosen)).toEqual([true, false]);
  });
});
