import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateConversationContext } from '../../../shared/api/templates';
import { whyWithheld, withheldUses } from '../../../shared/templates/automaticRender';
import { pickVariant } from '../../../shared/templates/pickVariant';
import { checkTemplate, renderTemplate } from '../../../shared/templates/renderTemplate';
import { isKnownVariable, valueAt } from '../../../shared/templates/variables';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { useInboxStore } from '../inbox/inboxStore';
import { languageName } from './languageName';
import { variantKey, type VariantDraft } from './templateDraft';

const CHOICES = 30;

/** The version being edited, rendered live for a real conversation: the open one, or one chosen from the list. */
export function TemplatePreview({ variants, active }: { variants: readonly VariantDraft[]; active: VariantDraft | null }) {
  const { t, i18n } = useTranslation();
  const open = useConversationStore((s) => s.detail);
  const listed = useInboxStore((s) => s.items);
  const choices = useMemo(() => {
    const all = open ? [open, ...listed.filter((conversation) => conversation.id !== open.id)] : listed;
    return all.slice(0, CHOICES);
  }, [open, listed]);
  const [conversationId, setConversationId] = useState(() => choices[0]?.id ?? null);
  const [context, setContext] = useState<TemplateConversationContext | null>(null);

  useEffect(() => {
    if (conversationId === null) return;
    let isCurrent = true;
    call('templates.context', { conversationId }).then(
      (loaded) => isCurrent && setContext(loaded),
      () => isCurrent && setContext(null),
    );
    return () => {
      isCurrent = false;
    };
  }, [conversationId]);

  const body = active?.body ?? '';
  const result = useMemo(() => (context ? renderTemplate(body, context.values) : null), [body, context]);
  const empty = useMemo(() => {
    if (!context) return [];
    const paths = checkTemplate(body).variables.map((use) => use.path).filter(isKnownVariable);
    return [...new Set(paths.filter((path) => valueAt(context.values, path) === ''))];
  }, [body, context]);
  const withheld = useMemo(() => (context ? withheldUses(body, context.values).map((path) => ({ path, why: whyWithheld(context.values, path) })) : []), [body, context]);
  const picked = context ? pickVariant(variants, context) : null;
  const version = (variant: VariantDraft) => `${languageName(variant.language, i18n.language)}${variant.platform ? ` · ${t(`platform.${variant.platform}`)}` : ''}`;

  return (
    <section className="template-preview-pane" aria-label={t('templates.preview')}>
      <div className="preview-head">
        <h3>{t('templates.preview')}</h3>
        {choices.length > 0 ? (
          <label>
            {t('templates.previewOn')}
            <select value={conversationId ?? ''} onChange={(event) => setConversationId(event.target.value)}>
              {choices.map((conversation) => (
                <option key={conversation.id} value={conversation.id}>
                  {conversation.contact.name || conversation.contact.handle} · {t(`platform.${conversation.platform}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {choices.length === 0 ? <p className="muted">{t('templates.noConversation')}</p> : null}
      {result?.problem ? <p className="form-error">{t(`templates.problem.${result.problem.kind}`, { line: result.problem.line ?? 1, message: result.problem.message })}</p> : null}
      {result && !result.problem ? <p className="preview-text" data-testid="template-preview">{result.text}</p> : null}
      {picked && active && variantKey(picked) !== variantKey(active) ? <p className="muted">{t('templates.conversationGets', { version: version(picked) })}</p> : null}
      {withheld.map(({ path, why }) => (
        <p key={path} className="form-warning" data-testid="template-preview-withheld">
          {t('templates.withheld', { variables: path, reason: why ? t(`templates.refusal.${why}`) : '' })}
        </p>
      ))}
      {empty.length > 0 ? <p className="muted">{t('templates.emptyHere', { variables: empty.join(', ') })}</p> : null}
    </section>
  );
}
