import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { languageFromEnv, languageOf, speak, t } from './cliText';
import { en } from './i18n/en';
import { fr } from './i18n/fr';
import { pieuvre, SPAWNS_TIMEOUT_MS } from './testing/pieuvreProcess';

const NBSP = '\u00a0';

describe('the command line’s language', () => {
  it('is --lang when given, else the first locale variable set, French for fr…', () => {
    expect(languageOf('fr', { LANG: 'en_CA.UTF-8' })).toBe('fr');
    expect(languageOf('en', { LANG: 'fr_CA.UTF-8' })).toBe('en');
    expect(languageOf('de', {})).toEqual({ invalid: 'de' });
    expect(languageFromEnv({ LANG: 'fr_CA.UTF-8' })).toBe('fr');
    expect(languageFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: '', LC_MESSAGES: 'fr_BE', LANG: 'C' })).toBe('fr');
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFromEnv({})).toBe('en');
  });

  it('picks plurals as each language counts: French says 0 and 1 in the singular', () => {
    try {
      speak('fr');
      expect([0, 1, 2].map((count) => t('rules.hits', { count }))).toEqual(['0 déclenchement', '1 déclenchement', '2 déclenchements']);
      speak('en');
      expect([0, 1, 2].map((count) => t('rules.hits', { count }))).toEqual(['0 hits', '1 hit', '2 hits']);
    } finally {
      speak('en');
    }
  });

  it('writes French as Québec does: a no-break space before a colon and inside « », never a plain one', () => {
    const sentences = Object.values(fr).flatMap((section) => Object.values(section));
    expect(sentences.length).toBe(Object.values(en).flatMap((section) => Object.values(section)).length);
    for (const sentence of sentences) {
      // A colon in French follows a no-break space, except in an address (https://) or a code.
      expect(sentence.replace(/https?:\/\//gu, ''), sentence).not.toMatch(/(?<!\u00a0)[:](?= |$)/u);
      expect(sentence, sentence).not.toMatch(/« | »/u);
    }
  });
});

describe('the command line in French', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-fr-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says its help, its refusals and its results in French, by --lang or by the locale; its JSON stays the same', async () => {
    const help = await pieuvre(dataDir, ['--lang', 'fr', '--help']);
    expect(help.stdout).toContain(`Utilisation${NBSP}: pieuvre`);
    expect(help.stdout).toContain(`reply CONVERSATION_ID [--privately] [--wait]   (le texte sur l’entrée standard`);
    const unknown = await pieuvre(dataDir, ['frobnicate'], '', 'fr_CA.UTF-8');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(`pieuvre: Commande inconnue${NBSP}: «${NBSP}frobnicate${NBSP}». Essayez «${NBSP}pieuvre --help${NBSP}».\n`);
    const badLimit = await pieuvre(dataDir, ['--lang=fr', 'inbox', '--limit', 'beaucoup']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toBe(`pieuvre: --limit${NBSP}: un nombre est attendu. Essayez «${NBSP}pieuvre --help${NBSP}».\n`);
    const badStatus = await pieuvre(dataDir, ['--lang', 'fr', 'inbox', '--status', 'perdu']);
    expect(badStatus.stderr).toContain(`--status${NBSP}: une de ces valeurs${NBSP}: open, snoozed, done, spam.`);
    const unknownOption = await pieuvre(dataDir, ['--lang', 'fr', 'inbox', '--bogus']);
    expect(unknownOption.stderr).toContain(`Option inconnue${NBSP}: --bogus.`);
    // The built-in rules, never triggered: « 0 déclenchement », as French counts.
    const rules = await pieuvre(dataDir, ['--lang', 'fr', 'rules', 'list']);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^1\. (oui|non) {2}.+ \(messageArrived, version 1, 0 déclenchement\) {2}\S+$/mu);
    // One after the other: a data folder is one process's at a time.
    const french = await pieuvre(dataDir, ['--lang', 'fr', '--json', 'rules', 'list']);
    const english = await pieuvre(dataDir, ['--json', 'rules', 'list']);
    expect(JSON.parse(french.stdout)).toEqual(JSON.parse(english.stdout));
    const wrongLanguage = await pieuvre(dataDir, ['--lang', 'de', 'inbox']);
    expect(wrongLanguage).toMatchObject({ code: 2, stderr: 'pieuvre: --lang takes fr or en, not "de". Try "pieuvre --help".\n' });
    // A demo workspace's accounts show as connected but never sync: said as such.
    const demoSync = await pieuvre(dataDir, ['--lang', 'fr', '--demo', 'sync']);
    expect(demoSync.stdout).toBe(`Aucun compte à synchroniser${NBSP}: ceux de la démonstration ne se synchronisent pas.\n`);
  }, SPAWNS_TIMEOUT_MS);
});
