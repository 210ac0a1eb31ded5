import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { MethodInput } from '../../../shared/api/contract';
import type { Template } from '../../../shared/api/templates';
import type { Platform } from '../../../shared/domain/platform';
import { checkTemplate } from '../../../shared/templates/renderTemplate';
import { templateInputSchema } from '../../../shared/templates/templateSchema';
import { controlCharacterOf } from '../../../shared/text/plainText';

export type VariantDraft = { language: string; platform: Platform | null; body: string };

/** The editor's copy of a template, as typed: tags are one comma-separated line. */
export type TemplateDraft = { id: string | null; name: string; shortcut: string; folder: string; tags: string; variants: VariantDraft[] };

export const variantKey = (variant: Pick<VariantDraft, 'language' | 'platform'>) => `${variant.language}/${variant.platform ?? ''}`;

export const draftOf = (template: Template): TemplateDraft => ({
  id: template.id,
  name: template.name,
  shortcut: template.shortcut,
  folder: template.folder,
  tags: template.tags.join(', '),
  variants: template.variants.map(({ language, platform, body }) => ({ language, platform, body })),
});

export const emptyDraft = (language: string): TemplateDraft => ({ id: null, name: '', shortcut: '', folder: '', tags: '', variants: [{ language, platform: null, body: '' }] });

function fieldsOf(draft: TemplateDraft): Omit<MethodInput<'templates.save'>, 'id'> {
  const tags = draft.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  return { name: draft.name, shortcut: draft.shortcut, folder: draft.folder, tags, variants: draft.variants };
}

export const inputOf = (draft: TemplateDraft): MethodInput<'templates.save'> => (draft.id ? { id: draft.id, ...fieldsOf(draft) } : fieldsOf(draft));

/** A new version goes right after the other versions of its language, the general one first. */
export function withVariant(variants: readonly VariantDraft[], added: VariantDraft): VariantDraft[] {
  const lastOfLanguage = variants.findLastIndex((variant) => variant.language === added.language);
  const at = lastOfLanguage === -1 ? variants.length : lastOfLanguage + 1;
  return [...variants.slice(0, at), added, ...variants.slice(at)];
}

export type ProblemField = 'name' | 'shortcut' | 'folder' | 'tags' | 'variants';

/** What is wrong with a draft, as the editor says it: an i18n key under `templates.problem`, and where. */
export type DraftProblem = { field: ProblemField; key: string; variant?: number; params?: Record<string, string | number> };

type Issue = z.core.$ZodIssue;

function problemOfIssue(issue: Issue): DraftProblem {
  const [field, variant, leaf] = issue.path;
  const isTooBig = issue.code === 'too_big';
  const controlCharacter = controlCharacterOf(issue);
  if (controlCharacter && (field === 'name' || field === 'folder' || field === 'tags')) return { field, key: 'controlCharacter', params: controlCharacter };
  switch (field) {
    case 'name':
      return { field, key: isTooBig ? 'nameTooLong' : 'nameRequired' };
    case 'shortcut':
      return { field, key: isTooBig ? 'shortcutTooLong' : issue.code === 'too_small' ? 'shortcutRequired' : 'shortcutChars' };
    case 'folder':
      return { field, key: 'folderTooLong' };
    case 'tags':
      return { field, key: 'tagsInvalid' };
  }
  if (typeof variant !== 'number') return { field: 'variants', key: 'noVersion' };
  const at = { field: 'variants', variant } as const;
  if (leaf === 'language') return { ...at, key: 'unknownLanguage' };
  if (leaf === 'platform') return { ...at, key: 'needsGeneral' };
  if (leaf === 'body') return { ...at, key: isTooBig ? 'bodyTooLong' : 'bodyRequired' };
  return { ...at, key: 'duplicateVersion' };
}

/** A problem as the person reads it. */
export function problemText(t: TFunction, problem: DraftProblem | undefined): string {
  return problem ? t(`templates.problem.${problem.key}`, problem.params ?? {}) : '';
}

/**
 * Everything the core would refuse, found before asking it: the shared schema, a shortcut
 * another template has, and bodies that do not parse (with their line).
 */
export function draftProblems(draft: TemplateDraft, others: readonly Template[]): DraftProblem[] {
  const parsed = templateInputSchema.safeParse(fieldsOf(draft));
  const problems = parsed.success ? [] : parsed.error.issues.map(problemOfIssue);
  const owner = parsed.success ? others.find((template) => template.shortcut === parsed.data.shortcut && template.id !== draft.id) : undefined;
  if (owner) problems.push({ field: 'shortcut', key: 'shortcutTaken', params: { name: owner.name } });
  draft.variants.forEach((variant, index) => {
    const { problem } = checkTemplate(variant.body);
    if (problem) problems.push({ field: 'variants', variant: index, key: problem.kind, params: { line: problem.line ?? 1, message: problem.message } });
  });
  return problems;
}
