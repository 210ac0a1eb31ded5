import type { LanguageCorpus } from './languageCorpus';

/**
 * Québec French, as people actually write it in comments: "pis", "char", "magasiner"… The
 * brand answers in plainer French, the way a community manager would.
 */
export const FRENCH_CORPUS: LanguageCorpus = {
  question: {
    openings: ['Bonjour!', 'Allô,', 'Salut la gang,', 'Bonsoir,', 'Petite question:', 'Hey,', "Bonjour l'équipe de {brand},", 'Allo allo!', '', 'Question de même:'],
    closings: ['Merci!', "Merci d'avance 🙏", 'Bonne journée!', 'Merci de votre réponse.', '', 'Merci ben gros!', "J'attends votre réponse.", 'Bonne fin de semaine!', "Merci, c'est apprécié."],
    generic: [
      {
        asks: ['est-ce que le {product} est encore disponible au dépanneur de {place}?', 'est-ce que le dépanneur de {place} vend encore votre {product}?'],
        answers: ['oui, le dépanneur de {place} en reçoit chaque mardi, pis le {product} est aussi en ligne.', "on a livré du {product} au dépanneur de {place} lundi, il devrait en rester!"],
      },
      {
        asks: ['avez-vous encore du {product} à la succursale de {place}?'],
        answers: ['oui, la succursale de {place} en a plein, pis il est aussi en ligne.', 'la succursale de {place} a reçu un nouveau lot de {product} ce matin!'],
      },
      {
        asks: ["vous livrez-tu à {place}? J'ai pas de char cette semaine.", 'est-ce que vous livrez à {place}?'],
        answers: ['oui, on livre à {place} en 2 à 4 jours ouvrables, gratuit à partir de 40 $.', 'oui! Les commandes pour {place} arrivent en général en 2 ou 3 jours.'],
      },
      {
        asks: ["j'ai commandé il y a {days} jours pis j'ai toujours pas reçu mon colis, c'est normal?"],
        answers: ["c'est plus long que d'habitude, désolés! Écrivez-nous en privé avec votre numéro de commande, on vérifie avec Postes Canada.", 'ça ne devrait pas être si long. Pouvez-vous nous envoyer votre numéro de commande en privé? On va le retrouver.'],
      },
      {
        asks: ['le {product}, il goûte quoi? Plus fruité ou plus chocolaté?', "le {product}, c'est-tu une torréfaction foncée?"],
        answers: ['le {product} est plutôt chocolaté, avec des notes de caramel pis de noisette grillée.', "c'est une torréfaction moyenne: chocolat au lait, pomme rouge pis un peu de cassonade."],
      },
      { asks: ['est-ce que votre {product} est équitable et bio?'], answers: ['oui, le {product} est équitable et certifié biologique, comme tous nos cafés.'] },
      { asks: ['vous ouvrez à quelle heure la fin de semaine à {place}?'], answers: ['la succursale de {place} ouvre à 8 h la fin de semaine et à 7 h en semaine.'] },
      {
        asks: ["je voudrais magasiner un cadeau pour ma blonde, le {product} c'est-tu une bonne idée?"],
        answers: ['excellente idée! Le {product} existe en coffret cadeau, pis on peut ajouter une carte écrite à la main.'],
      },
      {
        asks: ["j'attends encore une réponse à mon courriel de la semaine passée, quelqu'un peut me revenir?"],
        answers: ["désolés du délai, on rattrape nos courriels: quelqu'un du service à la clientèle vous envoie une réponse aujourd'hui."],
      },
      { asks: ['est-ce que le {product} marche bien dans une cafetière italienne?'], answers: ["oui! Demandez une mouture fine, un peu plus grosse que pour l'espresso."] },
      {
        asks: ["comment je fais pour annuler mon abonnement mensuel? J'ai pas trouvé le bouton."],
        answers: ["vous pouvez gérer votre abonnement dans « Mon compte », sous l'onglet Livraisons. L'annulation se fait en deux clics."],
      },
      { asks: ['est-ce que je peux payer avec une carte-cadeau reçue à Noël?'], answers: ['oui, les cartes-cadeaux fonctionnent en ligne et dans toutes nos succursales.'] },
      {
        asks: ["avez-vous des sacs de 2 kg pour un café étudiant? On ouvre à l'école en septembre."],
        answers: ["oui, on a des sacs de 2 kg pour les cafés étudiants, pis un rabais pour les écoles. Écrivez-nous en privé!"],
      },
      { asks: ['le {product} est-tu moulu ou en grains?'], answers: ['les deux! Vous choisissez en grains ou la mouture qu’il vous faut en commandant.'] },
      {
        asks: ["vous engagez-tu pour l'été? Ma fille cherche une job étudiante à {place}."],
        answers: ["oui, la succursale de {place} engage pour l'été! Elle peut postuler sur notre site, sous Emplois."],
      },
    ],
    themed: {
      shop: [
        { asks: ['la nouvelle succursale de {place} ouvre quand?', "avez-vous une date pour l'ouverture à {place}?"], answers: ['on ouvre les portes dans {days} jours, avec du café gratuit toute la matinée!'] },
        { asks: ['est-ce qu’il va y avoir des places assises pis du wifi à {place}?'], answers: ["oui: 40 places, du wifi rapide pis une terrasse pour l'été."] },
        { asks: ['vous engagez-tu pour la nouvelle succursale de {place}?'], answers: ['oui! On engage des baristas pour {place}, postulez sur notre site sous Emplois.'] },
      ],
      product: [
        { asks: ['le {product} est-tu disponible en grains?'], answers: ['oui, en grains ou moulu sur demande, en ligne et en succursale.'] },
        { asks: ['le {product} goûte quoi?'], answers: ['chocolat noir pis cerise, avec une finale longue et sucrée.'] },
        { asks: ['le {product} va être disponible combien de temps?'], answers: ["jusqu'à la fin de la saison, ou jusqu'à ce qu'il n'y ait plus de grains!"] },
      ],
      giveaway: [
        { asks: ['comment on fait pour participer au concours?'], answers: ['il suffit de commenter pis d’identifier un ami! Le tirage a lieu vendredi.'] },
        { asks: ['le concours est-tu ouvert en dehors du Québec?'], answers: ['oui, il est ouvert partout au Canada!'] },
        { asks: ['vous annoncez le gagnant quand?'], answers: ['vendredi midi, ici même en commentaire!'] },
      ],
      school: [
        {
          asks: ["avez-vous un rabais pour les profs? On veut du café pour la salle des employés de l'école."],
          answers: ['oui, on offre 15 % aux écoles et aux organismes, écrivez-nous en privé!'],
        },
        { asks: ['livrez-vous dans les écoles de {place}?'], answers: ['oui, on livre dans les écoles de {place} tous les lundis matin.'] },
        { asks: ["pourriez-vous commanditer la levée de fonds de notre école?"], answers: ['on adore les levées de fonds! Écrivez-nous en privé avec la date, on va voir ce qu’on peut faire.'] },
      ],
    },
  },
  praise: {
    openings: ['Wow!', 'Franchement,', 'Sérieux,', 'Je dois le dire:', "Bravo l'équipe!", '', 'Coup de cœur:', 'Ayoye,', "Petit mot d'amour:"],
    closings: ['Continuez!', 'Merci!', 'Longue vie à {brand}!', '❤️', 'Vous êtes tiguidou.', '', 'Je reviens la semaine prochaine.', 'Chapeau!'],
    generic: [
      { praises: ["votre {product} est le meilleur café que j'ai bu de l'été.", 'le {product}, c’est mon nouveau café préféré.'], thanks: ['on est tellement contents que le {product} vous plaise!'] },
      { praises: ["j'ai reçu ma commande en deux jours, emballage impeccable."], thanks: ["on va le dire à l'équipe d'expédition, ils vont être contents."] },
      { praises: ['le service au comptoir de {place} est toujours bin correct, vous êtes fins.'], thanks: ["on transmet ça à l'équipe de {place}, ça va leur faire plaisir."] },
      { praises: ["on a servi votre {product} au party de l'école pis tout le monde en redemandait."], thanks: ["merci d'avoir pensé à nous pour le party de l'école!"] },
      { praises: ['mon chum est devenu accro au {product}, merci (je pense).'], thanks: ['désolés (pas désolés) 😄'] },
      { praises: ['meilleur latte en ville, pis je connais mes affaires.'], thanks: ['nos baristas vont être fiers!'] },
      { praises: ['ça fait trois ans que je suis abonnée pis jamais déçue.'], thanks: ["merci de nous encourager depuis si longtemps, c'est grâce à vous qu'on est encore là."] },
      { praises: ["votre réponse rapide à mon problème de livraison m'a vraiment impressionné."], thanks: ["on est contents d'avoir pu régler ça vite."] },
      { praises: ["l'odeur quand on ouvre le sac de {product}… le paradis."], thanks: ["c'est notre moment préféré de la journée aussi."] },
      { praises: ["j'ai fait goûter le {product} à ma mère pis elle a lâché son café du dépanneur."], thanks: ['bienvenue à votre mère dans la famille!'] },
      { praises: ['la succursale de {place} est vraiment belle, bravo pour la terrasse.'], thanks: ['on se voit sur la terrasse!'] },
    ],
    themed: {
      shop: [
        { praises: ['enfin une succursale à {place}! Je reste à deux rues.'], thanks: ['on a tellement hâte de vous accueillir à {place}!'] },
        { praises: ['bonne nouvelle pour {place}, le quartier avait besoin d’un vrai café.'], thanks: ['on aime déjà le quartier, on se voit à l’ouverture!'] },
      ],
      product: [
        { praises: ['le {product}, c’est mon préféré, contente de le revoir!'], thanks: ['le {product} est un de nos préférés aussi!'] },
        { praises: ["j'ai goûté le {product} la semaine passée, il est malade."], thanks: ['contents que le {product} vous plaise!'] },
      ],
      giveaway: [
        { praises: ["je participe! J'identifie ma sœur, elle boit votre café tous les matins."], thanks: ['bonne chance pour le tirage!'] },
        { praises: ["j'aimerais tellement gagner, le {product} c'est mon café de tous les jours."], thanks: ['on se croise les doigts pour vous!'] },
      ],
      school: [
        { praises: ["la salle des profs de notre école roule sur votre café, merci!"], thanks: ['les profs méritent du bon café, bonne année scolaire!'] },
        { praises: ["quelle belle idée pour les profs de l'école."], thanks: ['nos profs sont des héros, fallait faire quelque chose!'] },
      ],
    },
  },
  complaint: {
    openings: ['Bon.', 'Franchement déçu.', 'Sérieux là,', 'Allô?', 'Je suis pas contente.', '', "C'est plate à dire, mais", 'Encore une fois,'],
    closings: ["J'aimerais une réponse.", 'Réglez ça svp.', 'Pas fort.', '', 'Merci de faire un suivi.', 'Je vais magasiner ailleurs si ça continue.', 'Déçu.', "J'attends un remboursement."],
    subjects: [
      {
        complaints: ['ma commande de {product} est arrivée avec le sac déchiré.'],
        apologies: ['on est vraiment désolés, ce n’est pas comme ça que votre {product} devrait arriver. Pouvez-vous nous envoyer votre numéro de commande?', 'désolés! Pouvez-vous nous écrire votre numéro de commande avec une photo du sac?'],
        details: ['commande #{order}. Du café partout dans la boîte.', "c'est la #{order}, livrée il y a {days} jours."],
        fixes: ['un nouveau sac de {product} part aujourd’hui, sans frais.', 'c’est réglé: on envoie un remplacement pour la commande #{order}, il devrait arriver en 2 ou 3 jours.'],
      },
      {
        complaints: ["ça fait {days} jours que j'attends une réponse du service à la clientèle."],
        apologies: ['désolés pour l’attente, on a du retard dans nos courriels cette semaine. C’est quoi votre numéro de commande?'],
        details: ["c'est pour la commande #{order}, celle qui est jamais arrivée.", "commande #{order}. J'ai déjà écrit deux fois."],
        fixes: ['trouvé! Le service à la clientèle vient de vous envoyer une réponse, pis la commande #{order} est réexpédiée aujourd’hui.'],
      },
      {
        complaints: ['le café était froid pis le service vraiment lent à {place} ce matin.'],
        apologies: ['désolés pour votre visite à {place}. Vous êtes passé vers quelle heure?'],
        details: ["vers 8 h 15, y'avait juste deux personnes au comptoir.", 'un peu après 7 h, avant la job.'],
        fixes: ["on a transmis ça au gérant de {place} pis on ajoute un barista le matin. Votre prochain latte est sur nous."],
      },
      {
        complaints: ["j'ai été chargée deux fois pour la même commande."],
        apologies: ['désolés! Pouvez-vous nous écrire en privé avec votre numéro de commande pour qu’on vérifie le paiement?'],
        details: ['envoyé en privé: commande #{order}, les deux montants sont sur mon relevé.'],
        fixes: ['on a remboursé le montant en double sur la commande #{order}. Ça va paraître sur votre carte d’ici 3 à 5 jours ouvrables.'],
      },
      {
        complaints: ['le {product} goûte le brûlé depuis le nouveau lot, vous avez changé de quoi?'],
        apologies: ['merci de nous le dire. Avez-vous le numéro de lot? Il est imprimé sous la date de torréfaction.'],
        details: ['le numéro de lot, c’est {order}, torréfié il y a {days} jours.'],
        fixes: ['notre torréfacteur en chef a vérifié le lot {order}: il était trop foncé. Un sac de {product} de la prochaine torréfaction s’en vient chez vous.'],
      },
      {
        complaints: ["mon abonnement a été renouvelé sans que je l'aie demandé."],
        apologies: ['désolés pour la surprise! Pouvez-vous nous écrire en privé le courriel de votre compte?'],
        details: ['envoyé en privé. Le renouvellement, c’est la commande #{order}.'],
        fixes: ['c’est fait: votre abonnement est annulé pis la commande #{order} a été remboursée.'],
      },
      {
        complaints: ["j'ai reçu le mauvais café, pas le {product} que j'avais commandé. Pas drôle à 6 h le matin."],
        apologies: ['oh non, désolés pour le matin difficile! C’est quoi votre numéro de commande?'],
        details: ['#{order}. L’étiquette dit {product} mais le sac en dedans, c’est autre chose.'],
        fixes: ['le bon sac de {product} part aujourd’hui. Gardez l’autre, c’est sur nous.'],
      },
      {
        complaints: ["le prix du {product} a monté de 3 $ en un an, c'est pas mal raide."],
        apologies: ['on comprend. Le prix du café vert a presque doublé en deux ans, pis on a choisi de continuer à bien payer nos producteurs.'],
        details: ["je comprends, mais c'est quand même cher pour un sac de 340 g.", 'ok, je comprends mieux.'],
        fixes: ['c’est de bonne guerre. Les abonnés ont encore 10 % sur chaque sac, pis le {product} est en spécial la semaine prochaine.'],
      },
      {
        complaints: ["votre site plante chaque fois que j'essaie de payer."],
        apologies: ['désolés! Vous utilisez quel navigateur, sur quel appareil?'],
        details: ["Safari sur mon iPhone, ça gèle à l'étape du paiement.", "Chrome sur mon portable, j'ai une erreur après avoir entré ma carte."],
        fixes: ["notre équipe web a trouvé le bogue pis l'a corrigé ce matin. Pouvez-vous réessayer? La livraison est sur nous."],
      },
      {
        complaints: ['le moulin a brisé après deux semaines, pis personne me rappelle.'],
        apologies: ['désolés! Il est sous garantie: pouvez-vous nous envoyer votre numéro de commande?'],
        details: ['#{order}. Il tourne pu pantoute.'],
        fixes: ['un nouveau moulin part demain, pis le livreur va reprendre le brisé en même temps.'],
      },
      {
        complaints: ["le stationnement devant la succursale de {place}, c'est l'enfer, y'a pas de place pour un char."],
        apologies: ['désolés! Il y a un stationnement gratuit derrière la succursale de {place}, dans la rue de côté.'],
        details: ['je le savais pas, merci.', 'je vais essayer la prochaine fois.'],
        fixes: ['on va mettre une affiche pour qu’il soit plus facile à trouver. À bientôt!'],
      },
    ],
  },
  crisis: {
    openings: ['URGENT:', 'Attention tout le monde:', 'Je suis sous le choc.', "Je vous écris de l'urgence.", 'Avis aux parents:', ''],
    closings: ["J'ai des photos.", 'Je vais porter plainte.', 'Je veux une réponse aujourd’hui.', 'Santé Canada va en entendre parler.', "Ceci n'est pas une blague.", ''],
    subjects: [
      {
        reports: ['toute ma famille a eu une intoxication alimentaire après avoir bu votre {product}.'],
        escalations: ["on est vraiment désolés pis on espère que tout le monde va mieux. Écrivez-nous en privé votre numéro de téléphone et le numéro de lot sur le sac: notre responsable de la qualité va vous appeler aujourd'hui."],
        details: ['je vous ai tout envoyé en privé. Le numéro de lot, c’est {order}.'],
        updates: ["on a retiré le lot {order} de la vente par précaution pis envoyé des échantillons à un laboratoire indépendant. Notre responsable de la qualité vous appelle d'ici une heure."],
        followUps: ['avez-vous des nouvelles du laboratoire?', 'le reste du {product}, on peut-tu le boire?'],
        news: ["les résultats du laboratoire pour le lot {order} sont arrivés: un problème d'entreposage, maintenant réglé, pis tout le lot a été détruit.", "on attend encore les résultats du laboratoire pour le lot {order}, on vous écrit dès qu'on les a."],
      },
      {
        reports: ["j'ai trouvé un morceau de verre dans mon sac de {product}."],
        escalations: ['c’est extrêmement grave et on est vraiment désolés. Arrêtez d’utiliser le sac pis écrivez-nous en privé vos coordonnées.'],
        details: ["c'est fait. Lot {order}, j'ai gardé le sac pis le morceau de verre."],
        updates: ["le lot {order} a été retiré de toutes nos succursales et de notre site, pis on a avisé l'ACIA. Un livreur passe chercher le sac aujourd'hui."],
        followUps: ['avez-vous trouvé d’où venait le verre?', 'le livreur est-tu passé chercher le sac?'],
        news: ['notre inspection a trouvé une pièce fêlée sur la ligne d’emballage: elle a été remplacée pis le lot {order} détruit.', 'le livreur a récupéré le sac ce matin, pis l’ACIA a reçu notre rapport complet.'],
      },
      {
        reports: ["est-ce qu'il y a un rappel de produit sur le lot de {product}? Mon fils a été malade à l'école."],
        escalations: ["on est désolés qu'il soit malade. Il n'y a pas de rappel en ce moment, mais on veut vérifier: pouvez-vous nous écrire en privé le numéro de lot sur le sac?"],
        details: ["le numéro de lot, c'est {order}, on l'a acheté à la succursale de {place}."],
        updates: ["notre labo a testé le lot {order} ce matin sans rien trouver, mais notre responsable de la qualité va vous appeler pour faire un suivi. Bon rétablissement à votre fils."],
        followUps: ['avez-vous des nouvelles du lot {order}?', 'il va mieux, mais le {product} est-tu sécuritaire ou pas?'],
        news: ['un deuxième test sur le lot {order} est revenu négatif aussi: le {product} est sécuritaire.', 'les deux tests sur le lot {order} sont revenus négatifs. On espère que votre fils va mieux.'],
      },
      {
        reports: ["mon avocat va vous contacter, c'est inacceptable."],
        escalations: ["on est désolés d'en arriver là. Pouvez-vous nous écrire en privé ce qui s'est passé pour que la direction s'en occupe aujourd'hui?"],
        details: ["tout est dans vos messages privés. C'est pour la commande #{order}."],
        updates: ['notre directeur a votre dossier pour la commande #{order} et vous appelle cet après-midi.'],
        followUps: ["j'attends toujours l'appel de votre directeur.", 'mon avocat attend votre réponse.'],
        news: ['notre directeur a essayé de vous appeler ce matin, pouvez-vous nous écrire en privé un bon moment pour vous joindre?', 'notre directeur vous a envoyé une réponse écrite par courriel aujourd’hui.'],
      },
      {
        reports: ["le couvercle de la tasse a fondu pis ma fille s'est brûlée."],
        escalations: ["on est vraiment désolés, on espère que votre fille va bien. Écrivez-nous en privé votre numéro, notre gérant va vous appeler tout de suite."],
        details: ["c'est envoyé. C'est arrivé à la succursale de {place} hier vers 16 h."],
        updates: ['on a retiré ce lot de couvercles de toutes nos succursales, pis on va couvrir les frais médicaux. Le gérant de {place} vous appelle ce soir.'],
        followUps: ['ma fille va mieux, mais personne m’a encore appelée.', "j'attends toujours l'appel du gérant."],
        news: ['désolés du délai: le gérant de {place} vous appelle avant midi.', 'on a changé de fournisseur de couvercles dans toutes nos succursales, pis notre gérant vous appelle aujourd’hui.'],
      },
      {
        reports: ['il y avait des traces de moisissure dans le {product} reçu hier.'],
        escalations: ['ne le buvez surtout pas, pis on est vraiment désolés. Pouvez-vous nous envoyer en privé une photo et le numéro de lot?'],
        details: ['photos envoyées. Lot {order}.'],
        updates: ['vous allez être remboursé au complet, pis notre torréfacteur inspecte chaque sac du lot {order} aujourd’hui.'],
        followUps: ['j’attends toujours mon remboursement.', 'avez-vous trouvé ce qui est arrivé avec le lot {order}?'],
        news: ['votre remboursement est parti ce matin, il va paraître sur votre carte d’ici 3 à 5 jours.', 'c’était un problème d’humidité dans une salle d’entreposage: tous les sacs du lot {order} ont été détruits.'],
      },
      {
        reports: ["j'ai vu une souris dans la succursale de {place}, je vais appeler le MAPAQ."],
        escalations: ['merci de nous le signaler, on prend ça très au sérieux. Vous êtes passé à {place} quand?'],
        details: ["ce matin vers 10 h. J'ai pris une vidéo."],
        updates: ["la succursale de {place} est fermée aujourd'hui le temps qu'un exterminateur l'inspecte. On va publier le rapport d'inspection."],
        followUps: ['la succursale de {place} est-tu rouverte?', 'des nouvelles de l’inspection?'],
        news: ['la succursale de {place} a passé l’inspection pis rouvre demain. Le rapport est sur notre site.', 'l’exterminateur a trouvé par où elle entrait pis l’a bouché; la succursale de {place} rouvre après une deuxième inspection.'],
      },
    ],
  },
  spam: {
    openings: ['Salut!', 'Félicitations 🎉', 'Bonjour cher ami,', '🔥🔥', '', 'Offre spéciale:'],
    closings: ['Clique vite!', 'Offre limitée ⏳', 'Réponds-moi en DM.', '', '#crypto #argent #liberté', 'Ne manquez pas ça!'],
    pitches: {
      crypto: ['je fais 5 000 $ par semaine avec la crypto depuis chez moi, écris-moi en privé 💰', 'investis dans le Bitcoin avec mon mentor, réponse garantie en 48 h!'],
      followers: ['tu veux plus d’abonnés? Écris-moi en DM pour 10 000 vrais followers en 24 h.', 'fais grandir ta page: 10 000 abonnés pour 9,99 $!'],
      phishing: ['votre page a été signalée, vérifiez votre compte ici: https://meta-securite-verif.co/login', 'votre compte sera désactivé dans 24 h, confirmez votre identité: https://meta-securite-verif.co/login'],
      giveaway: ['gagnez un iPhone gratuit en répondant à ce sondage: https://bit.ly/cadeau-gratuit-qc', 'vous avez été choisi pour une carte-cadeau de 500 $: https://bit.ly/cadeau-gratuit-qc'],
      forex: ["j'ai été payée 3 000 $ hier grâce à ma coach forex, contactez-la sur WhatsApp.", 'le forex a changé ma vie, ma coach est sur WhatsApp.'],
      shop: ['promo exclusive sur les lunettes à 19,99 $ → https://lunettes-soldes.shop', 'lunettes de designer à 90 % de rabais aujourd’hui seulement → https://lunettes-soldes.shop'],
    },
    again: {
      openings: ['', 'Allô?', 'Encore:', '👉'],
      lines: {
        crypto: ['encore 3 places dans mon groupe crypto, écris-moi!', 'regarde mon profil pour les preuves 💰', 'mon mentor prend juste 5 personnes cette semaine.', 'je viens de retirer 2 000 $ ce matin 🚀', 'pourquoi travailler de 9 à 5 quand la crypto travaille pour toi?'],
        followers: ['encore disponible, écris-moi!', 'des vrais abonnés, pas des robots, va voir ma page.', "plus que 3 places aujourd'hui.", 'ta page mérite plus de visibilité 📈', 'paiement après livraison, 100 % sécuritaire.'],
        phishing: ['dernier avis: vérifiez maintenant ou votre page sera supprimée.', "nous n'avons pas encore reçu votre vérification.", "ceci est votre dernier avertissement de l'équipe de sécurité.", 'votre page a été signalée pour violation de droits d’auteur.', 'répondez d’ici 12 h pour garder votre compte.'],
        giveaway: ['plus que 3 cadeaux, faites vite!', 'le sondage prend 30 secondes!', 'les gagnants sont annoncés ce soir.', 'vous êtes un de nos visiteurs chanceux aujourd’hui!', 'réclamez votre prix avant minuit.'],
        forex: ["elle m'a aidée, moi pis 200 autres, écris-lui!", 'regarde mon profil pour les preuves 💰', 'écris-moi avant qu’il soit trop tard.', "moi aussi j'étais sceptique, maintenant je fais du trading de chez nous.", 'ses élèves font de l’argent chaque semaine.'],
        shop: ['plus que quelques paires!', "livraison gratuite aujourd'hui seulement.", 'dernière journée de la vente!', 'nouveaux modèles en ligne 😎', 'code ÉTÉ pour 10 % de plus.'],
      },
      closings: ['', '🔥🔥', '⏳', 'Ne manquez pas ça!'],
    },
  },
  hostile: {
    openings: ['Franchement,', 'Hey les clowns,', 'Sérieux,', '', 'Lâchez-moi avec vos pubs,', 'Wow.'],
    bodies: [
      'vous êtes la pire compagnie de café au Québec.',
      "votre café goûte l'eau de vaisselle pis vous le vendez au prix de l'or.",
      "ça prend-tu un diplôme de l'école du rire pour travailler chez vous?",
      "gang d'incompétents, vous êtes même pas capables de livrer un sac de café.",
      'arrêtez de supprimer mes commentaires, bande de lâches.',
      "votre gestionnaire de communauté devrait changer de job, c'est pathétique.",
    ],
    closings: ['Honte à vous.', 'Boycott!', '', 'Tout le monde va le savoir.', 'Pas fort pantoute.', 'Bye.'],
  },
  emojiLines: [
    'Meilleur café ever',
    'Mon rituel du matin',
    "L'été sur la terrasse avec un cold brew",
    "Reçu aujourd'hui!!",
    'Café + croissant = bonheur',
    'Je suis accro au {product}',
    'Vive les lundis (non)',
    'Première gorgée de la journée',
  ],
  longSentences: [
    "Je vous écris parce que ça fait maintenant trois semaines que j'essaie d'avoir une réponse claire au sujet de ma commande de {product}.",
    "Au début, j'étais vraiment contente du service: la livraison était rapide pis le café était frais, rien à redire.",
    "Mais depuis l'été, les choses ont changé, pis je ne suis visiblement pas la seule à l'avoir remarqué dans mon quartier.",
    "J'ai appelé deux fois, j'ai écrit un courriel, pis j'ai même passé à la succursale de {place} en revenant de l'école des enfants.",
    "À chaque fois, on me dit qu'on va me rappeler, mais je n'ai jamais reçu d'appel ni de courriel de suivi.",
    "Je comprends que vous êtes une petite entreprise d'ici pis que vous êtes débordés, je veux vous encourager.",
    "Ma voisine m'a dit qu'elle avait eu le même problème avec son abonnement mensuel, facturé deux fois en août.",
    "J'aime vraiment votre {product}, c'est le café qu'on boit tous les matins à la maison depuis des années.",
    "Honnêtement, si le service ne s'améliore pas, je vais devoir magasiner ailleurs, pis ça me ferait de la peine.",
    'Je vous laisse mon numéro de commande en privé, en espérant une réponse rapide cette fois-ci.',
    "Pour être juste, la barista de {place} a été super gentille pis elle a fait son possible pour m'aider.",
  ],
  longSubject: {
    apologies: [
      "on est sincèrement désolés pour tous ces détours, ce n'est pas comme ça qu'on veut vous traiter. Pouvez-vous nous écrire en privé votre numéro de commande pour qu'on regarde votre dossier aujourd'hui?",
      "merci d'avoir pris le temps de tout nous écrire, pis désolés pour les rappels qui ne sont jamais venus. Pouvez-vous nous envoyer votre numéro de commande en privé?",
    ],
    details: ['envoyé en privé: commande #{order}.', "c'est fait, c'est la commande #{order}. Merci pour la réponse, cette fois."],
    fixes: [
      'on a retrouvé la commande #{order}: le montant facturé en double a été remboursé, pis notre responsable du service à la clientèle vous appelle cet après-midi.',
      'la commande #{order} est réglée: votre {product} part aujourd’hui pis le montant en trop a été remboursé.',
    ],
  },
  followUps: {
    also: ['Aussi,', 'Autre chose:', 'Pendant que je vous ai,', 'Ah pis', 'Autre question:'],
    bump: {
      openings: ['Allô?', '', 'Quelqu’un?', 'Up 🙂', 'Toujours rien…'],
      bodies: ['toujours pas de réponse?', "j'attends encore une réponse.", 'quelqu’un peut me répondre svp?', 'est-ce que quelqu’un lit les messages?'],
      closings: ['', 'Merci.', '🙄', 'Sérieux.'],
    },
    thanks: {
      openings: ['Parfait,', 'Super,', 'Génial,', 'Ah bon,', 'OK,'],
      bodies: ['merci!', 'merci pour la réponse rapide!', 'merci beaucoup pour la réponse.', "c'est ce que je voulais savoir.", "merci de m'avoir répondu."],
      closings: ['', '🙏', 'Bonne journée!', '☕'],
    },
    details: { openings: ['', '', 'Re-bonjour,', 'Merci pour la réponse.'], closings: ['', 'Merci.', 'Tenez-moi au courant.'] },
    satisfied: {
      openings: ['Super,', 'Parfait,', 'OK,', 'Wow,'],
      bodies: ['merci pour le suivi!', "c'était rapide, merci.", 'problème réglé, merci.', "merci d'avoir arrangé ça.", "c'est apprécié."],
      closings: ['', 'À bientôt.', '☕', 'Je reviens, c’est sûr.'],
    },
    praiseReply: {
      openings: ['', 'Oh,', 'Ha,'],
      bodies: ['merci à vous!', 'vous êtes les meilleurs!', 'à samedi!', 'continuez comme ça!', "c'est moi qui vous remercie."],
      closings: ['', '❤️', '☕', '🙌'],
    },
    crisisAck: {
      openings: ['', 'OK.', 'Bien reçu.'],
      bodies: ['merci de prendre ça au sérieux.', "j'attends votre appel.", "j'ai gardé le sac pour vous.", "j'espère que personne d'autre va être malade."],
      closings: ['', 'Tenez-moi au courant.', 'Je suis encore sous le choc.'],
    },
    crisisFollowUp: { openings: ['', 'Bonjour,', 'Re-bonjour,'], closings: ['', 'Tenez-moi au courant.', "C'est long."] },
    rant: {
      openings: ['', 'Pis', 'Ah pis', 'Typique.', 'LOL'],
      bodies: [
        'personne répond, évidemment.',
        'allez-y, effacez celui-là aussi, je vais le republier.',
        'je dis à tout mon monde de rester loin de vous autres.',
        'vos prix, c’est du vol pis vous le savez.',
        'pire service à la clientèle au Québec.',
        'je vais continuer de publier tant que personne me répond.',
      ],
      closings: ['', 'Pathétique.', '🤡', 'Des clowns.'],
    },
    calmDown: {
      openings: ['', 'Correct.', 'OK.', 'Bon.'],
      bodies: ['je vous ai écrit en privé.', 'on verra.', 'au moins vous répondez.', 'je trouve quand même votre café trop cher.'],
      closings: ['', 'Bye.', 'Pas convaincu.'],
    },
  },
  bystanders: {
    question: {
      openings: ['', 'Même question!', '+1,', 'Je suis,', '{name},'],
      bodies: ['je me posais la même question.', "j'aimerais le savoir aussi.", "j'attends la réponse moi aussi 👀", "je leur ai demandé la même chose le mois passé, ils répondent vite."],
      closings: ['', '🙏', 'Merci de demander.'],
    },
    praise: {
      openings: ['', "C'est vrai!", "D'accord,", '{name},'],
      bodies: ['tellement, leur {product} est malade.', "c'est mon café préféré aussi.", '100 % d’accord!', "pareil, j'ai jamais bu un mauvais café là."],
      closings: ['', '❤️', '☕', '🙌'],
    },
    complaint: {
      openings: ['', 'Ouin,', 'Pareil,', '{name},'],
      bodies: ["la même affaire m'est arrivée le mois passé.", "j'ai eu le même problème, ils l'ont réglé finalement.", "j'espère qu'ils vont régler ça pour toi.", "c'est arrivé à ma voisine aussi."],
      closings: ['', 'Tiens-nous au courant.', '🤞'],
    },
    crisis: {
      openings: ['', 'Oh non,', '{name},', 'Ayoye,'],
      bodies: ["je viens d'acheter du {product} moi aussi, c'est-tu dangereux?", "j'espère que ta famille va bien.", 'ça fait peur, tiens-nous au courant.', "j'espère qu'ils vont te répondre vite."],
      closings: ['', '🙏', 'Prends soin de toi.'],
    },
    spam: {
      openings: ['', 'Attention,', 'Tout le monde:', 'Lol'],
      bodies: ["c'est une arnaque, cliquez pas sur le lien.", 'signalé.', 'des robots partout 🙄', 'personne tombe là-dedans.'],
      closings: ['', '🚩', 'Signalé.'],
    },
    hostile: {
      openings: ['', 'Voyons,', 'Relaxe,', 'Coudonc,'],
      bodies: ["c'est une petite entreprise d'ici.", "ils ont toujours été super avec moi.", "pas besoin d'être bête de même.", "si t'aimes pas ça, achètes-en pas."],
      closings: ['', '🙄', 'Respire.'],
    },
  },
  brand: {
    answer: { openings: ['Bonjour {name}!', 'Salut {name},', 'Allô {name}!', 'Bonne question, {name}!'], closings: ['Bonne journée! ☕', 'Au plaisir!', "L'équipe Castor", ''] },
    thanks: {
      openings: ['Merci {name}!', 'Allô {name},', 'Oh wow, merci {name}!', 'Salut {name},'],
      bodies: ['ça nous fait chaud au cœur, merci pour vos beaux mots!', "on transmet ça à toute l'équipe, ils vont être contents.", 'des messages comme le vôtre nous donnent des ailes.'],
      closings: ['Bonne journée! ☕', "L'équipe Castor", 'À bientôt en succursale!', ''],
    },
    apology: { openings: ['Bonjour {name},', 'Salut {name},', 'Bonjour {name}.', '{name},'], closings: ['— Julie, service à la clientèle', "L'équipe Castor", 'Merci de votre patience.', ''] },
    fix: { openings: ['Merci {name}!', 'Bonjour {name},', 'Merci {name}.', 'Suivi, {name}:'], closings: ['Encore désolés pour le trouble.', '— Julie, service à la clientèle', "L'équipe Castor", ''] },
    escalation: { openings: ['{name},', 'Bonjour {name},', 'Bonjour {name}.'], closings: ['— Marc, responsable de la qualité', "L'équipe Castor", ''] },
    update: { openings: ['Merci {name}.', 'Bonjour {name},', '{name},'], closings: ['— Marc, responsable de la qualité', 'On est là si vous avez besoin de quoi que ce soit.', ''] },
    crisisNews: { openings: ['Bonjour {name},', '{name},'], closings: ['— Marc, responsable de la qualité', 'Merci de votre patience.', ''] },
    deEscalation: {
      openings: ['Bonjour {name},', 'Salut {name},'],
      bodies: [
        "on est désolés que vous voyiez ça comme ça. Si quelque chose s'est mal passé avec une commande, écrivez-nous en privé pis on va arranger ça.",
        'on vous entend. Racontez-nous ce qui est arrivé en privé, on va faire notre possible pour régler ça.',
        'on aimerait comprendre ce qui a mal tourné, nos messages privés sont ouverts.',
      ],
      closings: ["L'équipe Castor", '', 'Merci.'],
    },
  },
  posts: {
    product: {
      headlines: ['Le {product} est de retour pour l’été!', 'Nouvelle torréfaction: découvrez le {product}.', 'Dans les coulisses de la torréfaction du {product}.'],
      callsToAction: ['Dites-nous ce que vous en pensez en commentaire!', 'Disponible en ligne et en succursale.', 'Identifiez un ami qui en a besoin ☕'],
    },
    shop: {
      headlines: ['On ouvre une succursale à {place}!', 'Grosse nouvelle: {brand} s’en vient à {place}!'],
      callsToAction: ['Dites-nous ce que vous en pensez en commentaire!', 'On a hâte de vous voir!', 'Identifiez un ami qui reste dans le coin ☕'],
    },
    giveaway: {
      headlines: ['Concours: gagnez un an de {product}.', 'Concours: une année de {product} à gagner!'],
      callsToAction: ['Commentez pis identifiez un ami pour participer!', 'Tirage vendredi, bonne chance!'],
    },
    school: {
      headlines: ['La rentrée scolaire approche: un bon café pour les profs de l’école de votre quartier?', 'Les profs, celle-là est pour vous: 15 % aux écoles tout le mois de septembre.'],
      callsToAction: ['Dites-nous ce que vous en pensez en commentaire!', 'Identifiez un prof qui le mérite ☕'],
    },
  },
};
