import { z } from 'zod';
import type { AccountCheck } from '../../../../shared/api/accounts';
import { CheckSteps } from '../checkSteps';
import { graphListSchema } from './facebookEntities';
import { CONVERSATION_FIELDS, POST_FIELDS } from './facebookFields';
import type { PageCall, PageSession } from './pageSession';

type Step = AccountCheck['steps'][number];

/**
 * A live check with read calls only: who the token is (a Page token's `/me` is the Page), one
 * post, one conversation. Each step says what it found or what Facebook answered; nothing is stored.
 */
export async function checkFacebook(session: PageSession, signal: AbortSignal): Promise<Step[]> {
  const page = session.page;
  const checks = new CheckSteps();
  const step = (name: string, call: Omit<PageCall, 'signal'>, found: (body: unknown) => string) => checks.run(name, async () => found(await session.call({ ...call, signal })));
  await step('token', { path: '/me', query: { fields: 'id,name' }, what: 'reading who the token is' }, (body) => {
    const me = meSchema.safeParse(body);
    if (!me.success || me.data.id !== page.id) throw new Error(`The token is not the Page ${page.id}${me.success ? ` but ${me.data.id}` : ''}.`);
    return `The token is the Page ${me.data.name || page.name} (${page.id}).`;
  });
  await step('posts', { path: `/${encodeURIComponent(page.id)}/feed`, query: { fields: POST_FIELDS, limit: '1' }, what: 'reading the Page’s latest post' }, (body) => `${listLength(body)} post read.`);
  await step('conversations', { path: `/${encodeURIComponent(page.id)}/conversations`, query: { platform: 'messenger', fields: CONVERSATION_FIELDS, limit: '1' }, what: 'reading the Page’s latest conversation' }, (body) => `${listLength(body)} conversation read.`);
  checks.steps.push({ step: 'tasks', ok: session.tasks.includes('MODERATE'), detail: `The Page’s tasks for this person: ${session.tasks.join(', ') || 'none'}.` });
  return checks.steps;
}

const meSchema = z.object({ id: z.string(), name: z.string().default('') });

function listLength(body: unknown): number {
  const list = graphListSchema.safeParse(body);
  if (!list.success) throw new Error('Facebook answered with something that is not a list.');
  return list.data.data.length;
}
