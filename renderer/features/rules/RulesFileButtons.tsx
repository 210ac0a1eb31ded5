import { useState } from 'react';
import { JsonFileButtons } from '../../lib/JsonFileButtons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { rulesFileSchema, type RulesFile } from '../../../shared/rules/ruleSchema';
import { call } from '../../app/coreClient';
import { downloadJsonFile, fileDate, readJsonFile } from '../../lib/jsonFile';
import { useToastStore } from '../toast/toastStore';
import { describeRule } from './describeRule';
import { namesOf, useRulesStore } from './rulesStore';

const PARTS = ['name', 'trigger', 'when', 'actions'] as const;

/** Why a file is not a rules file, in the person's words: which rule, and which part of it; never the schema's English. */
export function fileProblem(t: TFunction, json: unknown, error: z.ZodError | null): string {
  if (json === null) return t('rules.file.notJson');
  const issue = error?.issues[0];
  const [top, index, part] = issue?.path ?? [];
  if (top !== 'rules' || typeof index !== 'number') return t('rules.file.wrongFormat');
  const known = PARTS.find((name) => name === part);
  return t('rules.file.wrongShape', { rule: index + 1, part: t(`rules.file.part.${known ?? 'other'}`) });
}

/** Export every rule to a JSON file; import one after showing what it adds (all turned off). */
export function RulesFileButtons() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ name: string; file: RulesFile } | null>(null);
  const toasts = useToastStore.getState();
  const exportAll = async () => {
    try {
      downloadJsonFile(await call('rules.export', {}), `pieuvre-rules-${fileDate(Date.now())}.json`);
    } catch (failure) {
      toasts.show('error', t('rules.failed', { message: (failure as Error).message }));
    }
  };
  const choose = async (file: File) => {
    const json = await readJsonFile(file);
    const parsed = rulesFileSchema.safeParse(json);
    if (!parsed.success) return toasts.show('error', t('rules.file.invalid', { name: file.name, problem: fileProblem(t, json, parsed.error) }));
    setPending({ name: file.name, file: parsed.data });
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const imported = await useRulesStore.getState().importFile(pending.file);
      toasts.show('info', t('rules.file.imported', { count: imported.length }));
      setPending(null);
    } catch (failure) {
      toasts.show('error', t('rules.failed', { message: (failure as Error).message }));
    }
  };
  return (
    <>
      <JsonFileButtons importLabel={t('rules.import')} exportLabel={t('rules.export')} onFile={(file) => void choose(file)} onExport={() => void exportAll()} />
      {pending ? <ImportPreview name={pending.name} file={pending.file} onConfirm={() => void confirm()} onCancel={() => setPending(null)} /> : null}
    </>
  );
}

function ImportPreview({ name, file, onConfirm, onCancel }: { name: string; file: RulesFile; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const people = useRulesStore((s) => s.people);
  const accounts = useRulesStore((s) => s.accounts);
  const templates = useRulesStore((s) => s.templates);
  const names = namesOf({ people, accounts, templates }, t('assign.you'));
  return (
    <div className="import-preview" role="alert">
      <p>{t('rules.file.preview', { name, count: file.rules.length })}</p>
      <ul>
        {file.rules.map((rule, index) => (
          <li key={index}>
            <strong>{rule.name}</strong> <span className="muted">{describeRule(t, rule, names)}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>{t('rules.file.cancel')}</button>
        <button type="button" autoFocus onClick={onConfirm}>{t('rules.file.confirm')}</button>
      </div>
    </div>
  );
}
