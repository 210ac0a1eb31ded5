import { create } from 'zustand';
import type { Rule } from '../../../shared/api/rules';
import type { TeamMember } from '../../../shared/api/team';
import type { Template } from '../../../shared/api/templates';
import type { Account } from '../../../shared/domain/entities';
import type { RuleDefinition, RulesFile } from '../../../shared/rules/ruleSchema';
import { call } from '../../app/coreClient';
import type { RuleNames } from './describeRule';
import { emptyDraft, fromDefinition, toDefinition, type RuleDraft } from './ruleDraft';

/**
 * The rule being edited, kept here rather than in the editor: opening a dry-run match closes
 * Settings, and switching tabs unmounts the editor, yet the edits wait for the person's return.
 */
export type Editing = {
  /** The saved rule's id, or null for a new one. */
  id: string | null;
  /** The name it had when opened (the editor's title). */
  savedName: string;
  /** The definition as opened: the draft differs from it once edited. */
  baseline: string;
  draft: RuleDraft;
};

type RulesState = {
  /** Null until the first load. */
  rules: Rule[] | null;
  /** What rules name by id, and what the editor's pickers offer. */
  people: TeamMember[];
  accounts: Account[];
  templates: Template[];
  editing: Editing | null;
  /** Opens the editor on a saved rule (id), a starter or a blank rule (null, null). */
  startEditing(id: string | null, definition: RuleDefinition | null): void;
  changeDraft(draft: RuleDraft): void;
  stopEditing(): void;
  load(): Promise<void>;
  save(id: string | null, definition: RuleDefinition): Promise<Rule>;
  setEnabled(id: string, isEnabled: boolean): Promise<void>;
  duplicate(id: string): Promise<Rule>;
  remove(id: string): Promise<void>;
  /** Moves a rule to `to` (0 first) and saves the new order. */
  moveTo(id: string, to: number): Promise<void>;
  importFile(file: RulesFile): Promise<Rule[]>;
};

/** Settings → Rules: the rules in order and the workspace data their editor needs; SQLite is the truth, refetched after every change. */
export const useRulesStore = create<RulesState>((set, get) => ({
  rules: null,
  people: [],
  accounts: [],
  templates: [],
  editing: null,

  startEditing(id, definition) {
    const draft = definition ? fromDefinition(definition) : emptyDraft('');
    set({ editing: { id, savedName: definition?.name ?? '', baseline: JSON.stringify(toDefinition(draft)), draft } });
  },

  changeDraft(draft) {
    const { editing } = get();
    if (editing) set({ editing: { ...editing, draft } });
  },

  stopEditing: () => set({ editing: null }),

  async load() {
    const [rules, people, accounts, templates] = await Promise.all([call('rules.list', {}), call('team.list', {}), call('accounts.list', {}), call('templates.list', {})]);
    set({ rules, people, accounts, templates });
  },

  async save(id, definition) {
    const saved = id === null ? await call('rules.create', { definition }) : await call('rules.update', { id, definition });
    await get().load();
    return saved;
  },

  async setEnabled(id, isEnabled) {
    const changed = await call('rules.setEnabled', { id, isEnabled });
    set({ rules: (get().rules ?? []).map((rule) => (rule.id === id ? changed : rule)) });
  },

  async duplicate(id) {
    const copy = await call('rules.duplicate', { id });
    await get().load();
    return copy;
  },

  async remove(id) {
    await call('rules.delete', { id });
    await get().load();
  },

  async moveTo(id, to) {
    const ids = (get().rules ?? []).map((rule) => rule.id).filter((other) => other !== id);
    ids.splice(Math.max(0, Math.min(to, ids.length)), 0, id);
    // The list shows the new order at once: a dragged row must not jump back while the core saves it.
    const byId = new Map((get().rules ?? []).map((rule) => [rule.id, rule]));
    set({ rules: ids.flatMap((ruleId) => byId.get(ruleId) ?? []) });
    try {
      set({ rules: await call('rules.reorder', { ids }) });
    } catch (failure) {
      await get().load();
      throw failure;
    }
  },

  async importFile(file) {
    const { imported } = await call('rules.import', { file });
    await get().load();
    return imported;
  },
}));

/** The names a rule's summary shows for the ids it holds. */
export function namesOf({ people, accounts, templates }: Pick<RulesState, 'people' | 'accounts' | 'templates'>, you: string): RuleNames {
  return {
    person: (id) => {
      const person = people.find((member) => member.id === id);
      return person ? person.name || you : null;
    },
    account: (id) => accounts.find((account) => account.id === id)?.name ?? null,
    template: (id) => templates.find((template) => template.id === id)?.name ?? null,
  };
}
