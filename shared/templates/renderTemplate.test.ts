import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate } from './renderTemplate';
import { templateValues, type TemplateValues } from './variables';

const values = (contactName = 'Marie-Ève Tremblay', meName = ''): TemplateValues =>
  templateValues({
    contact: { name: contactName, handle: '@marieeve' },
    meName,
    meSignature: '',
    account: { name: 'Brûlerie Castor', handle: '@brulerie.castor' },
    platform: 'instagram',
    link: 'https://instagram.example/p/1',
  });

describe('renderTemplate', () => {
  it('fills every variable a conversation has', () => {
    const body = 'Salut {{ contact.first_name }} ({{ contact.handle }}), {{ account.name }} sur {{ platform }} : {{ conversation.link }} — {{ me.first_name }}';
    expect(renderTemplate(body, values('Marie-Ève Tremblay', 'Léa Gagnon'))).toEqual({
      text: 'Salut Marie-Ève (@marieeve), Brûlerie Castor sur Instagram : https://instagram.example/p/1 — Léa',
      problem: null,
      unknownVariables: [],
    });
  });

  it('uses the fallback of `default` when the conversation has no value, and the value when it has one', () => {
    const body = 'Salut {{ contact.first_name | default: "là" }}! — {{ me.first_name | default: account.name }}';
    expect(renderTemplate(body, values('', '')).text).toBe('Salut là! — Brûlerie Castor');
    expect(renderTemplate(body, values('Jonathan', 'Léa')).text).toBe('Salut Jonathan! — Léa');
  });

  it('flags unknown variables instead of throwing, and renders them empty (or with their fallback)', () => {
    const result = renderTemplate('Allô {{ contact.firstname | default: "toi" }}{{ client.vip }}!', values());
    expect(result).toEqual({ text: 'Allô toi!', problem: null, unknownVariables: ['contact.firstname', 'client.vip'] });
  });

  it('gives a safe result with the line for a malformed template', () => {
    const result = renderTemplate('Bonjour!\n{% if contact.first_name %}Salut', values());
    expect(result.text).toBe('');
    expect(result.problem).toEqual({ kind: 'syntax', line: 2, message: expect.stringMatching(/not closed/) });
    expect(renderTemplate('{{ contact.name | shout }}', values()).problem).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/undefined filter: shout/) });
  });

  it('refuses include, render and layout when parsing, before any file is looked for', () => {
    for (const body of ['Bonjour\n{% include "/etc/passwd" %}', '{% render "secret" %}', "{% layout 'base' %}x"]) {
      const result = renderTemplate(body, values());
      expect(result.text).toBe('');
      expect(result.problem).toMatchObject({ kind: 'include', message: expect.stringMatching(/cannot read other files/) });
    }
    expect(checkTemplate('Bonjour\n{% include "x" %}').problem?.line).toBe(2);
  });

  it('never reaches inherited properties of the values', () => {
    expect(renderTemplate('[{{ contact.constructor }}][{{ contact.__proto__ }}][{{ contact.hasOwnProperty }}]', values()).text).toBe('[][][]');
  });

  it('stops runaway templates with a limit problem rather than hanging or filling memory', () => {
    const loop = renderTemplate('{% for i in (1..100000000) %}{{ i }}{% endfor %}', values());
    expect(loop).toMatchObject({ text: '', problem: { kind: 'limit' } });
    const doubling = renderTemplate('{% assign a = "1,2" | split: "," %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a.size }}', values());
    expect(doubling).toMatchObject({ text: '', problem: { kind: 'limit' } });
  });

  it('keeps the values as they were: assignments live in the template only', () => {
    const mine = values();
    expect(renderTemplate('{% assign platform = "Fax" %}{{ platform }}', mine).text).toBe('Fax');
    expect(mine.platform).toBe('Instagram');
  });
});

describe('checkTemplate', () => {
  it('lists the variables with their line and column, flagging the unknown and computed ones', () => {
    const check = checkTemplate('Salut {{ contact.first_name }}\n{{ contact.nom }} {{ contact[platform] }}\n{% assign x = 1 %}{{ x }}');
    expect(check.problem).toBeNull();
    expect(check.variables).toEqual([
      { path: 'contact.first_name', line: 1, column: 10, isKnown: true },
      { path: 'contact.nom', line: 2, column: 4, isKnown: false },
      { path: 'contact.platform', line: 2, column: 22, isKnown: false },
      { path: 'platform', line: 2, column: 30, isKnown: true },
    ]);
    expect(check.unknownVariables).toEqual(['contact.nom', 'contact.platform']);
  });
});
