import { z } from 'zod';
import { PLATFORMS } from '../domain/platform';
import { plainText } from '../text/plainText';
import { isKnownLanguage } from './languages';

/** Longest template body: a reply, not a newsletter (most platforms cap a reply well below). */
export const MAX_TEMPLATE_BODY = 5_000;
export const MAX_TEMPLATES_PER_FILE = 1_000;

/** Typed after `/` in the composer: kept plain so it is quick to type on any keyboard layout. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9_-]*$/u;

export const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isKnownLanguage, { message: 'unknown language code (use an ISO 639 code such as fr or en)' });

export const templateVariantSchema = z.strictObject({
  language: languageSchema,
  /** null: the language's general version; a platform: that platform's version of it. */
  platform: z.enum(PLATFORMS).nullable().default(null),
  body: z.string().trim().min(1, 'a body is required').max(MAX_TEMPLATE_BODY, `at most ${MAX_TEMPLATE_BODY} characters`),
});
export type TemplateVariant = z.output<typeof templateVariantSchema>;

const variantKey = (variant: TemplateVariant) => `${variant.language}/${variant.platform ?? ''}`;

/**
 * One version per language and platform, and a platform's version refines its language's
 * general one: every conversation then has a text whatever its platform.
 */
const variantsSchema = z
  .array(templateVariantSchema)
  .min(1, 'a template needs at least one version')
  .max(40)
  .superRefine((variants, ctx) => {
    const seen = new Set<string>();
    variants.forEach((variant, index) => {
      const key = variantKey(variant);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `a second ${variant.platform ?? 'general'} version in ${variant.language}` });
      seen.add(key);
    });
    variants.forEach((variant, index) => {
      if (variant.platform !== null && !seen.has(`${variant.language}/`)) {
        ctx.addIssue({ code: 'custom', path: [index, 'platform'], message: `a ${variant.platform} version needs a general version in ${variant.language}` });
      }
    });
  });

const tagsSchema = z
  .array(plainText(z.string().trim().min(1).max(40)))
  .max(20)
  .default([])
  // "Politesse" and "politesse" are one tag: the first spelling is kept.
  .transform((tags) => tags.filter((tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index));

/** What the person edits: everything but identity and usage. */
export const templateInputSchema = z.strictObject({
  name: plainText(z.string().trim().min(1, 'a name is required').max(80, 'at most 80 characters')),
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    // The person may type the slash they will type in the composer.
    .transform((shortcut) => shortcut.replace(/^\//u, ''))
    .pipe(z.string().min(1, 'a shortcut is required').max(32, 'at most 32 characters').regex(SHORTCUT_PATTERN, 'use letters a–z, digits, - or _ (no spaces or accents)')),
  folder: plainText(z.string().trim().max(60)).default(''),
  tags: tagsSchema,
  variants: variantsSchema,
});
export type TemplateInput = z.output<typeof templateInputSchema>;

/** An export file: templates without ids or usage, so it can seed another workspace. */
export const templatesFileSchema = z.object({
  format: z.literal('pieuvre.templates'),
  version: z.literal(1),
  exportedAt: z.string().max(40).optional(),
  templates: z.array(templateInputSchema).max(MAX_TEMPLATES_PER_FILE),
});
export type TemplatesFile = z.output<typeof templatesFileSchema>;
