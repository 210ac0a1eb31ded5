import { describe, expect, it } from 'vitest';
import { ruleVersions, saveDefinition } from '../../electron/core/rules/ruleStore';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
// Accessible names read a no-break space as a space: \s matches either.
const CASES = [
  { locale: 'en-CA', command: 'Triage rules', dialog: 'Settings', list: 'Rules, in the order they run', button: 'History', title: /^Versions of “Crise \(Marc\)”/u, line: /^Version 3, saved .+: “Crise \(Marc\)”/u },
  { locale: 'fr-CA', command: 'Règles de tri', dialog: 'Réglages', list: 'Règles, dans l’ordre où elles s’appliquent', button: 'Historique', title: /^Versions de «\sCrise \(Marc\)\s»/u, line: /^Version 3, enregistrée le .+ : «\sCrise \(Marc\)\s»/u },
] as const;

describe('a rule’s history in Settings → Rules', () => {
  for (const { locale, command, dialog, list, button, title, line } of CASES) {
    it(`lists every saved version, latest first, a teammate’s included (${locale})`, async () => {
      const inbox = await chromium.open(locale, {
        // Two saves of the crisis rule, as a teammate's desktop would have sent them through the team hub.
        beforeLoad: (harness) => {
          const { db } = harness.core.context;
          const seq = db.prepare("SELECT seq FROM rules WHERE built_in = 'crisis'").pluck().get() as number;
          for (const name of ['Crise (Julie)', 'Crise (Marc)']) {
            const [latest] = ruleVersions(db, seq);
            if (latest) saveDefinition(db, seq, { ...latest.definition, name }, Date.now());
          }
        },
      });
      const { page } = inbox;
      await inbox.focusList();
      await inbox.press('Control+k');
      await page.keyboard.type(command);
      await inbox.press('Enter');
      const settings = page.getByRole('dialog', { name: dialog });
      const row = settings.getByRole('list', { name: list }).locator('.rule-row', { hasText: 'Crise (Marc)' });
      await row.getByRole('button', { name: button }).click();

      const versions = row.getByRole('list', { name: title });
      await expect.poll(() => versions.locator('li strong').allTextContents()).toEqual([expect.stringMatching(line), expect.stringMatching(/^Version 2\b.*Crise \(Julie\)/u), expect.stringMatching(/^Version 1\b/u)]);
      expect(await row.getByRole('button', { name: button }).getAttribute('aria-expanded')).toBe('true');
      await screenshot(page, `rule-versions/${locale}`);
    });
  }
});
