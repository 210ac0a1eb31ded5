import { describe, expect, it } from 'vitest';
import { renderAutomatic, whyWithheld, withheldUses } from './automaticRender';
import { HOSTILE_NAMES } from './hostileNames.fixture';
import { renderTemplate } from './renderTemplate';
import { templateValues, type TemplateValues } from './variables';

const values = (name: string, handle = '@marieeve'): TemplateValues =>
  templateValues({ contact: { name, handle }, meName: 'Léa Gagnon', meSignature: '', account: { name: 'Brûlerie Castor', handle: '@brulerie.castor' }, platform: 'instagram', link: 'https://instagram.example/p/1' });

const WITH_DEFAULT = 'Hi {{ contact.first_name | default: "there" }}! We are closed; {{ account.name }} answers tomorrow.';

describe('renderAutomatic', () => {
  it('repeats an ordinary name, as a person’s render would', () => {
    expect(renderAutomatic(WITH_DEFAULT, values('Marie-Ève Tremblay'))).toEqual({ ...renderTemplate(WITH_DEFAULT, values('Marie-Ève Tremblay')), withheld: [] });
    expect(renderAutomatic(WITH_DEFAULT, values('Marie-Ève Tremblay')).text).toBe('Hi Marie-Ève! We are closed; Brûlerie Castor answers tomorrow.');
  });

  it('falls back to the template’s default for every hostile name of the corpus, and repeats none of it', () => {
    for (const { name } of HOSTILE_NAMES) {
      const result = renderAutomatic(`${WITH_DEFAULT} ({{ contact.name }}, {{ contact.handle }})`, values(name, name));
      expect(result.text, JSON.stringify(name)).toBe('Hi there! We are closed; Brûlerie Castor answers tomorrow. (, )');
      expect(result.withheld).toEqual(['contact.first_name', 'contact.name', 'contact.handle']);
    }
  });

  it('refuses a first name taken from a refused name, and a handle that mentions', () => {
    expect(renderAutomatic(WITH_DEFAULT, values('Bob @everyone'))).toMatchObject({ text: 'Hi there! We are closed; Brûlerie Castor answers tomorrow.', withheld: ['contact.first_name'] });
    expect(renderAutomatic('{{ contact.handle | default: "toi" }}', values('Bob'))).toMatchObject({ text: 'toi', withheld: ['contact.handle'] });
  });

  it('leaves no gap where a name without default was, and sends nothing when there is nothing else', () => {
    const hostile = values('@everyone');
    expect(renderAutomatic('Hi {{ contact.first_name }}, we are closed.', hostile).text).toBe('Hi, we are closed.');
    expect(renderAutomatic('Hi {{ contact.first_name }}! We are closed.', hostile).text).toBe('Hi! We are closed.');
    expect(renderAutomatic('Bonsoir {{ contact.first_name }}\u00a0! Nous sommes fermés.', hostile).text).toBe('Bonsoir\u00a0! Nous sommes fermés.');
    expect(renderAutomatic('{{ contact.first_name }}, we are closed.', hostile).text).toBe('we are closed.');
    expect(renderAutomatic('We are closed, {{ contact.first_name }}.', hostile).text).toBe('We are closed.');
    expect(renderAutomatic('{{ contact.first_name }}', hostile).text).toBe('');
  });

  it('blanks a refused value reached without its name, by a computed key or a loop', () => {
    const result = renderAutomatic('{% assign key = "name" %}[{{ contact[key] }}]{% for pair in contact %}[{{ pair[1] }}]{% endfor %}', values('@everyone', '@bob'));
    expect(result.text).not.toMatch(/everyone|bob/u);
  });
});

describe('withheldUses', () => {
  it('names only the refused variables the body uses', () => {
    expect(withheldUses(WITH_DEFAULT, values('Bob #boycott'))).toEqual(['contact.first_name']);
    expect(withheldUses('{{ account.name }}', values('Bob #boycott'))).toEqual([]);
    expect(withheldUses(WITH_DEFAULT, values('Bob'))).toEqual([]);
  });

  it('says why: the value’s own reason, or the name’s for a first name', () => {
    expect(whyWithheld(values('Bob #boycott'), 'contact.first_name')).toBe('hashtag');
    expect(whyWithheld(values('www.win.test Bob'), 'contact.name')).toBe('link');
    expect(whyWithheld(values('Bob'), 'contact.handle')).toBe('mention');
    expect(whyWithheld(values('Bob', 'bob'), 'contact.first_name')).toBeNull();
  });
});
