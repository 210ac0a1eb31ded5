import { templateInputSchema, type TemplateInput } from '../../../shared/templates/templateSchema';
import type { Db } from '../store/database';
import { findTemplate, setTemplateSettings, templateSettings, writeTemplate } from './templateStore';

type Seed = Omit<TemplateInput, 'tags'> & { tags?: string[] };

const SIGNATURE = '— {{ me.first_name | default: account.name }}';
const HELLO_FR = 'Bonjour {{ contact.first_name | default: "à vous" }}';
const HELLO_EN = 'Hi {{ contact.first_name | default: "there" }}';

/** What Brûlerie Castor's community manager answers every day, in Québec French and in English. */
const DEMO_TEMPLATES: readonly Seed[] = [
  {
    name: 'Merci!',
    shortcut: 'merci',
    folder: 'Remerciements',
    variants: [
      { language: 'fr', platform: null, body: 'Merci {{ contact.first_name | default: "à vous" }}, ça nous fait vraiment plaisir! Au plaisir de vous servir un bon café bientôt. ☕' },
      { language: 'fr', platform: 'instagram', body: 'Merci {{ contact.first_name | default: "à vous" }}! 🧡 Identifiez-nous dans vos stories avec votre tasse, on adore les voir passer. ☕' },
      { language: 'en', platform: null, body: 'Thanks so much, {{ contact.first_name | default: "friend" }}! That really made our day. Hope to pour you a great cup soon. ☕' },
    ],
  },
  {
    name: 'Passer en privé',
    shortcut: 'prive',
    folder: 'Service client',
    tags: ['commandes'],
    variants: [
      { language: 'fr', platform: null, body: `${HELLO_FR}, on aimerait régler ça avec vous. Pouvez-vous nous écrire en message privé avec votre numéro de commande? On s’en occupe aussitôt.` },
      // YouTube has no private messages.
      { language: 'fr', platform: 'youtube', body: `${HELLO_FR}, on aimerait régler ça avec vous. Écrivez-nous par le formulaire de contact de notre site avec votre numéro de commande, et on s’en occupe aussitôt.` },
      { language: 'en', platform: null, body: `${HELLO_EN}, we’d like to sort this out with you. Could you send us a private message with your order number? We’ll take care of it right away.` },
      { language: 'en', platform: 'youtube', body: `${HELLO_EN}, we’d like to sort this out with you. Could you write to us through the contact form on our website with your order number? We’ll take care of it right away.` },
    ],
  },
  {
    name: 'Délais de livraison',
    shortcut: 'livraison',
    folder: 'Commandes',
    tags: ['commandes'],
    variants: [
      { language: 'fr', platform: null, body: `${HELLO_FR}! Les commandes quittent la brûlerie en 1 ou 2 jours ouvrables, puis prennent de 2 à 5 jours au Québec et en Ontario. Vous recevrez un numéro de suivi par courriel dès l’envoi.` },
      { language: 'en', platform: null, body: `${HELLO_EN}! Orders leave the roastery within 1–2 business days, then take 2–5 days to reach Quebec and Ontario. You’ll get a tracking number by email as soon as yours ships.` },
    ],
  },
  {
    name: 'Excuses',
    shortcut: 'desole',
    folder: 'Service client',
    variants: [
      { language: 'fr', platform: null, body: '{{ contact.first_name | default: "Bonjour" }}, on est vraiment désolés. Ce n’est pas l’expérience qu’on veut vous offrir. Donnez-nous un peu plus de détails et on va arranger ça.' },
      { language: 'en', platform: null, body: '{{ contact.first_name | default: "Hi" }}, we’re really sorry. That’s not the experience we want you to have. Tell us a bit more and we’ll make it right.' },
    ],
  },
  {
    name: 'Heures d’ouverture',
    shortcut: 'heures',
    folder: 'Infos',
    variants: [
      { language: 'fr', platform: null, body: 'Nos cafés sont ouverts de 7\u00a0h à 18\u00a0h en semaine et de 8\u00a0h à 17\u00a0h la fin de semaine. Au plaisir de vous y voir!' },
      { language: 'en', platform: null, body: 'Our cafés are open 7 a.m. to 6 p.m. on weekdays and 8 a.m. to 5 p.m. on weekends. Hope to see you there!' },
    ],
  },
  {
    // What the demo's away replies send (Team → Away replies).
    name: 'Message d’absence',
    shortcut: 'absent',
    folder: 'Infos',
    variants: [
      { language: 'fr', platform: null, body: `${HELLO_FR}, merci pour votre message! L’équipe est absente pour le moment. On vous répond dès notre retour. ☕` },
      { language: 'en', platform: null, body: `${HELLO_EN}, thanks for your message! Our team is away right now. We’ll get back to you as soon as we’re back. ☕` },
    ],
  },
  {
    name: 'On vérifie',
    shortcut: 'verifie',
    folder: 'Service client',
    variants: [
      { language: 'fr', platform: null, body: `Merci de nous l’avoir signalé! On vérifie avec l’équipe et on vous revient d’ici la fin de la journée.\n${SIGNATURE}` },
      { language: 'en', platform: null, body: `Thanks for letting us know! We’re checking with the team and will get back to you by the end of the day.\n${SIGNATURE}` },
    ],
  },
];

/**
 * Gives a demo workspace its templates, once: templates the person deleted stay deleted, and a
 * shortcut they already use is left alone. They are not removed with the demo: the person may
 * have edited them, and they are the workspace's, not the demo accounts'.
 */
export function seedDemoTemplates(db: Db, now: number): number {
  if (templateSettings(db).isDemoSeeded) return 0;
  return db.transaction(() => {
    let added = 0;
    for (const seed of DEMO_TEMPLATES) {
      const input = templateInputSchema.parse(seed);
      if (findTemplate(db, { shortcut: input.shortcut })) continue;
      writeTemplate(db, input, now);
      added++;
    }
    setTemplateSettings(db, { isDemoSeeded: true });
    return added;
  })();
}
