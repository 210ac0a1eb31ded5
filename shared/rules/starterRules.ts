import type { StarterRule } from '../api/rules';
import { ruleDefinitionSchema, type RuleDefinitionInput } from './ruleSchema';

/**
 * The spam score above which a message is obvious spam: the same line as the built-in spam
 * rule, so the starter and the built-in agree on what "obvious" means.
 */
export const OBVIOUS_SPAM_SCORE = 0.7;
/** Fewer followers than this and a link in a first message: an account made to spam. */
export const NEW_ACCOUNT_FOLLOWERS = 10;

/** What the starters point at in this workspace: its away-reply template, the person using this desktop. */
export type StarterContext = { awayTemplateId: string | null; meId: string };

/**
 * Stands in for the away reply's template when the workspace has none yet: the editor asks the
 * person to choose one before the rule can be saved (`needsTemplate`).
 */
export const TEMPLATE_TO_CHOOSE = 'template-to-choose';

type Words = {
  name: Record<StarterKey, string>;
  crisis: string[];
  refund: string[];
  billing: string;
};

const STARTER_KEYS = ['obviousSpam', 'crisisWords', 'newAccountLinks', 'awayDms', 'vip', 'refund'] as const;
type StarterKey = (typeof STARTER_KEYS)[number];

// Both languages' words in each: a French-speaking team still gets English messages, and back.
const CRISIS_FR = ['intoxication', 'empoisonnement', 'allergie', 'réaction allergique', 'hôpital', 'urgence', 'rappel de produit', 'avocat', 'poursuite', 'mise en demeure', 'brûlure', 'moisissure', 'blessé'];
const CRISIS_EN = ['food poisoning', 'poisoning', 'allergic reaction', 'hospital', 'emergency', 'recall', 'lawyer', 'lawsuit', 'sue you', 'burned', 'mould', 'mold', 'injured'];

const WORDS: Record<'fr' | 'en', Words> = {
  fr: {
    name: {
      obviousSpam: 'Pourriel évident → Pourriels',
      crisisWords: 'Mots de crise → urgent et personne de garde',
      newAccountLinks: 'Liens de nouveaux comptes → pourriel et masquer',
      awayDms: 'Messages privés hors des heures d’ouverture → réponse d’absence',
      vip: 'VIP → priorité haute et m’assigner',
      refund: 'Remboursement → étiquette facturation et tour de rôle',
    },
    crisis: [...CRISIS_FR, ...CRISIS_EN],
    refund: ['rembours*', 'refund*'],
    billing: 'facturation',
  },
  en: {
    name: {
      obviousSpam: 'Obvious spam → Spam',
      crisisWords: 'Crisis words → urgent and on call',
      newAccountLinks: 'Links from new accounts → spam and hide',
      awayDms: 'Direct messages outside business hours → away reply',
      vip: 'VIP → high priority and assign to me',
      refund: 'Refund → billing tag and round robin',
    },
    crisis: [...CRISIS_EN, ...CRISIS_FR],
    refund: ['refund*', 'rembours*'],
    billing: 'billing',
  },
};

function definitions(words: Words, context: StarterContext): Record<StarterKey, RuleDefinitionInput> {
  const arrives = { type: 'messageArrived' } as const;
  return {
    // The one starter on from the start: spam in the open inbox is what everyone wants gone.
    obviousSpam: { name: words.name.obviousSpam, isEnabled: true, trigger: arrives, when: { all: [{ field: 'spamScore', op: 'greaterThan', value: OBVIOUS_SPAM_SCORE }] }, actions: [{ type: 'markSpam' }], stopProcessing: true },
    crisisWords: {
      name: words.name.crisisWords,
      trigger: arrives,
      when: { all: [{ field: 'text', op: 'containsAny', values: words.crisis }] },
      // Null: the conversation's assignee, else me; the escalation itself reaches whoever is on call.
      actions: [{ type: 'markUrgent' }, { type: 'notify', personId: null }],
    },
    newAccountLinks: {
      name: words.name.newAccountLinks,
      trigger: arrives,
      when: {
        all: [
          { field: 'hasLink', op: 'equals', value: true },
          { field: 'authorFollowers', op: 'lessThan', value: NEW_ACCOUNT_FOLLOWERS },
          { field: 'messageCount', op: 'equals', value: 1 },
        ],
      },
      actions: [{ type: 'markSpam' }, { type: 'hide' }],
      stopProcessing: true,
    },
    awayDms: {
      name: words.name.awayDms,
      trigger: arrives,
      when: { all: [{ field: 'kind', op: 'equals', value: 'dm' }, { field: 'inBusinessHours', op: 'equals', value: false }] },
      actions: [{ type: 'reply', templateId: context.awayTemplateId ?? TEMPLATE_TO_CHOOSE, oncePerConversation: true }],
    },
    vip: {
      name: words.name.vip,
      trigger: arrives,
      when: { all: [{ field: 'authorVip', op: 'equals', value: true }] },
      actions: [{ type: 'setPriority', priority: 'high' }, { type: 'assign', to: { mode: 'person', personId: context.meId } }],
    },
    refund: {
      name: words.name.refund,
      trigger: arrives,
      when: { all: [{ field: 'text', op: 'containsAny', values: words.refund }] },
      actions: [{ type: 'addTag', tag: words.billing }, { type: 'assign', to: { mode: 'roundRobin', personIds: [], cap: null } }],
    },
  };
}

/** The starter rules, written in `language`, for this workspace. */
export function starterRules(language: 'fr' | 'en', context: StarterContext): StarterRule[] {
  const all = definitions(WORDS[language], context);
  return STARTER_KEYS.map((key) => ({
    key,
    definition: ruleDefinitionSchema.parse(all[key]),
    needsTemplate: key === 'awayDms' && context.awayTemplateId === null,
  }));
}
