import type { LanguageCorpus } from './languageCorpus';

/** Canadian English, for the brand's anglophone and Ontario customers. */
export const ENGLISH_CORPUS: LanguageCorpus = {
  question: {
    openings: ['Hi!', 'Hey there,', 'Hello {brand} team,', 'Quick question:', 'Hi folks,', '', 'Good morning!', 'Sorry to bother you, but'],
    closings: ['Thanks!', 'Thanks in advance 🙏', 'Have a great day!', 'Looking forward to your answer.', '', 'Cheers!', 'Much appreciated.', 'Thank you!'],
    generic: [
      {
        asks: ['is the {product} still in stock at the {place} shop?', 'do you still have the {product} at {place}?'],
        answers: ['yes, the {place} shop has plenty of {product}, and it is online too.', 'the {place} shop got a fresh batch of {product} this morning!'],
      },
      {
        asks: ["do you ship to {place}? I don't have a car this week.", 'can you deliver to {place}?'],
        answers: ['yes, we ship to {place} in 2 to 4 business days, free over $40.', 'we do! Orders to {place} usually arrive in 2 or 3 days.'],
      },
      {
        asks: ["I ordered {days} days ago and still haven't received my package, is that normal?"],
        answers: ["that's longer than usual, sorry! DM us your order number and we'll check with Canada Post.", "it shouldn't take that long. Could you DM us your order number? We'll track it down."],
      },
      {
        asks: ['how would you describe the {product}? More fruity or more chocolatey?', 'is the {product} a dark roast?'],
        answers: ['the {product} is on the chocolatey side, with notes of caramel and toasted hazelnut.', "it's a medium roast: milk chocolate, red apple and a little brown sugar."],
      },
      { asks: ['is your {product} fair trade and organic?'], answers: ['yes, the {product} is fair trade and certified organic, like all our coffees.'] },
      { asks: ['what time do you open on weekends in {place}?'], answers: ['the {place} shop opens at 8 a.m. on weekends and 7 a.m. on weekdays.'] },
      {
        asks: ['I want to buy a gift for my partner, would the {product} be a good idea?'],
        answers: ['great idea! The {product} comes in a gift box, and we can add a handwritten card.'],
      },
      {
        asks: ["I'm still waiting for a reply to my email from last week, can someone get back to me?"],
        answers: ["sorry for the delay, we're catching up on emails: someone from customer care will reply today."],
      },
      { asks: ['does the {product} work well in a moka pot?'], answers: ['yes! Ask for a fine grind, a little coarser than espresso.'] },
      {
        asks: ["how do I cancel my monthly subscription? I can't find the button."],
        answers: ['you can manage your subscription under "My account", in the Deliveries tab. Cancelling takes two clicks.'],
      },
      { asks: ['can I pay with a gift card I got for Christmas?'], answers: ['yes, gift cards work online and in all our shops.'] },
      {
        asks: ['are you hiring for the summer? My son is looking for a student job in {place}.'],
        answers: ['yes, the {place} shop is hiring for the summer! He can apply on our website, under Jobs.'],
      },
      { asks: ['is the {product} ground or whole bean?'], answers: ['both! Pick whole bean or the grind you need when you order.'] },
    ],
    themed: {
      shop: [
        { asks: ['when does the new {place} shop open?', 'any date for the opening in {place}?'], answers: ['we open the doors in {days} days, with free coffee all morning!'] },
        { asks: ['will there be seating and wifi at the {place} shop?'], answers: ['yes: 40 seats, fast wifi and a patio for the summer.'] },
        { asks: ['are you hiring at the new {place} shop?'], answers: ["yes! We're hiring baristas for {place}, apply on our website under Jobs."] },
      ],
      product: [
        { asks: ['is the {product} available in whole bean?'], answers: ['yes, whole bean or ground to order, online and in our shops.'] },
        { asks: ['what does the {product} taste like?'], answers: ['dark chocolate and cherry, with a long sweet finish.'] },
        { asks: ['how long will the {product} be available?'], answers: ['until the end of the season, or until the beans run out!'] },
      ],
      giveaway: [
        { asks: ['how do we enter the giveaway?'], answers: ['just comment and tag a friend! The winner is drawn on Friday.'] },
        { asks: ['is the giveaway open outside Québec?'], answers: ["yes, it's open across Canada!"] },
        { asks: ['when do you announce the winner?'], answers: ['on Friday at noon, right here in the comments!'] },
      ],
      school: [
        {
          asks: ['do you have a discount for teachers? We want coffee for the staff room at our school.'],
          answers: ['yes, we offer 15% off to schools and non-profits, send us a DM!'],
        },
        { asks: ['do you deliver to schools in {place}?'], answers: ['yes, we deliver to schools in {place} every Monday morning.'] },
        { asks: ['could you sponsor our school fundraiser?'], answers: ["we love school fundraisers! Send us a DM with the date and we'll see what we can do."] },
      ],
    },
  },
  praise: {
    openings: ['Wow!', 'Honestly,', 'I have to say it:', 'Shout-out to the team!', '', 'Obsessed:', 'Okay,', 'Just a little love note:'],
    closings: ['Keep it up!', 'Thank you!', 'Long live {brand}!', '❤️', 'You guys rock.', '', 'See you next week.', 'Hats off!'],
    generic: [
      { praises: ['your {product} is the best coffee I have had all summer.', 'the {product} is my new favourite coffee.'], thanks: ["we're so happy you're enjoying the {product}!"] },
      { praises: ['got my order in two days, packaging was perfect.'], thanks: ["we'll tell our shipping team, they'll be thrilled."] },
      { praises: ['the staff at the {place} shop are always so friendly.'], thanks: ["we'll pass this on to the {place} team, it'll make their day."] },
      { praises: ['we served your {product} at the school fundraiser and everyone wanted more.'], thanks: ['thanks for thinking of us for the fundraiser!'] },
      { praises: ['my husband is now addicted to the {product}, thanks (I think).'], thanks: ['sorry (not sorry) 😄'] },
      { praises: ['best latte in town, and I know my coffee.'], thanks: ['our baristas will be proud!'] },
      { praises: ['three years as a subscriber and never disappointed.'], thanks: ["thanks for sticking with us all these years, you're the reason we're still here."] },
      { praises: ['your quick reply to my delivery issue really impressed me.'], thanks: ["we're glad we could sort it out quickly."] },
      { praises: ['the smell when you open a bag of {product}... heaven.'], thanks: ["that's our favourite moment of the day too."] },
      { praises: ['the {place} location is gorgeous, love the patio.'], thanks: ['see you on the patio!'] },
    ],
    themed: {
      shop: [
        { praises: ['finally a shop in {place}! I live two streets away.'], thanks: ["we can't wait to welcome you in {place}!"] },
        { praises: ['great news for {place}, the neighbourhood needed a real café.'], thanks: ['we already love the neighbourhood, see you at the opening!'] },
      ],
      product: [
        { praises: ['the {product} is my favourite, so happy to see it!'], thanks: ['the {product} is one of our favourites too!'] },
        { praises: ['I tried the {product} last week, it is amazing.'], thanks: ["we're so glad you like the {product}!"] },
      ],
      giveaway: [
        { praises: ['count me in! Tagging my sister, she drinks your coffee every morning.'], thanks: ['good luck in the draw!'] },
        { praises: ["I'd love to win, the {product} is my go-to."], thanks: ['fingers crossed for you!'] },
      ],
      school: [
        { praises: ['our staff room runs on your coffee, the teachers thank you!'], thanks: ['teachers deserve good coffee, have a great school year!'] },
        { praises: ['what a nice idea for the teachers at our school.'], thanks: ['our teachers are heroes, we had to do something!'] },
      ],
    },
  },
  complaint: {
    openings: ['Well.', 'Really disappointed.', 'Seriously,', 'Hello?', 'Not happy.', '', 'Hate to say it, but', 'Once again,'],
    closings: ['I would like an answer.', 'Please fix this.', 'Not great.', '', 'Please follow up.', "I'll shop elsewhere if this keeps up.", 'Disappointed.', 'I want a refund.'],
    subjects: [
      {
        complaints: ['my {product} order arrived with the bag torn open.'],
        apologies: ["we're so sorry, that's not how your {product} should arrive. Could you send us your order number?", 'sorry about that! Could you share your order number and a photo of the bag?'],
        details: ['order #{order}. Coffee all over the box.', "it's #{order}, delivered {days} days ago."],
        fixes: ['a new bag of {product} ships today, no charge.', "all set: we're sending a replacement for order #{order}, it should arrive in 2 to 3 days."],
      },
      {
        complaints: ["I've been waiting {days} days for customer service to answer."],
        apologies: ["we're sorry for the wait, we're behind on emails this week. What's your order number?"],
        details: ["it's about order #{order}, the one that never arrived.", 'order #{order}. I wrote twice already.'],
        fixes: ['found it! Customer care just answered your email, and order #{order} is being reshipped today.'],
      },
      {
        complaints: ['coffee was cold and the service super slow at {place} this morning.'],
        apologies: ['sorry about your visit to {place}. Around what time were you there?'],
        details: ['around 8:15, there were only two people behind the counter.', 'just after 7, before work.'],
        fixes: ["we've shared this with the {place} manager and we're adding a barista on morning shifts. Your next latte is on us."],
      },
      {
        complaints: ['I was charged twice for the same order.'],
        apologies: ['sorry about that! Could you DM us your order number so we can check the payment?'],
        details: ['sent by DM: order #{order}, both charges are on my card statement.'],
        fixes: ["we've refunded the duplicate charge on order #{order}. It will show on your card within 3 to 5 business days."],
      },
      {
        complaints: ['the {product} tastes burnt since the new batch, did you change something?'],
        apologies: ["thanks for telling us. Do you have the lot number? It's printed under the roasting date."],
        details: ['the lot number is {order}, roasted {days} days ago.'],
        fixes: ['our head roaster checked lot {order}: it ran too dark. A fresh bag of {product} from the next roast is on its way to you.'],
      },
      {
        complaints: ['my subscription renewed without me asking.'],
        apologies: ['sorry about the surprise! Could you DM us the email on your account?'],
        details: ['sent by DM. The renewal is order #{order}.'],
        fixes: ['done: your subscription is cancelled and order #{order} has been refunded.'],
      },
      {
        complaints: ['I got the wrong coffee in my box, not the {product} I ordered. Not funny at 6 a.m.'],
        apologies: ['oh no, sorry for the rough morning! What is your order number?'],
        details: ['#{order}. The label says {product} but the bag inside is something else.'],
        fixes: ['the right bag of {product} ships today. Keep the other one, on us.'],
      },
      {
        complaints: ['the {product} went up $3 in a year, that is steep.'],
        apologies: ['we understand. Green coffee prices nearly doubled in two years, and we chose to keep paying our farmers fairly.'],
        details: ["I get it, but it's still a lot for a 340 g bag.", 'okay, I understand it better now.'],
        fixes: ['fair enough. Subscribers still get 10% off every bag, and the {product} is on sale next week.'],
      },
      {
        complaints: ['your checkout page crashes every time I try to pay.'],
        apologies: ['sorry! Which browser and device are you using?'],
        details: ['Safari on my iPhone, it freezes at the payment step.', 'Chrome on my laptop, I get an error after entering my card.'],
        fixes: ['our web team found the bug and fixed it this morning. Could you try again? Shipping is on us.'],
      },
      {
        complaints: ['the grinder broke after two weeks and nobody calls me back.'],
        apologies: ["sorry! It's under warranty: could you send us your order number?"],
        details: ['#{order}. It just stopped turning.'],
        fixes: ['a new grinder ships tomorrow, and the courier will pick up the broken one at the same time.'],
      },
      {
        complaints: ['parking near the {place} shop is a nightmare, there is never a spot.'],
        apologies: ["sorry about that! There's a free lot behind the {place} shop, on the side street."],
        details: ["I didn't know that, thanks.", "I'll try it next time."],
        fixes: ["we'll put up a sign so it's easier to find. See you soon!"],
      },
    ],
  },
  crisis: {
    openings: ['URGENT:', 'Warning to everyone:', "I'm in shock.", "I'm writing from the ER.", 'Parents, heads up:', ''],
    closings: ['I have pictures.', 'I am filing a complaint.', 'I want an answer today.', 'Health Canada will hear about this.', 'This is not a joke.', ''],
    subjects: [
      {
        reports: ['my whole family got food poisoning after drinking your {product}.'],
        escalations: ["we're so sorry and we hope everyone feels better soon. Please DM us your phone number and the lot number on the bag: our quality manager will call you today."],
        details: ['I sent everything by DM. The lot number is {order}.'],
        updates: ["we've pulled lot {order} from sale as a precaution and sent samples to an independent lab. Our quality manager will call you within the hour."],
        followUps: ['any news from the lab?', 'is the rest of the {product} safe to drink?'],
        news: ["the lab results for lot {order} came back: a storage problem, now fixed, and the whole lot has been destroyed.", "we're still waiting for the lab results on lot {order}, we'll write to you as soon as we have them."],
      },
      {
        reports: ['I found a piece of glass in my bag of {product}.'],
        escalations: ['this is extremely serious and we are so sorry. Please stop using the bag and DM us your contact details.'],
        details: ['done. Lot {order}, I kept the bag and the piece of glass.'],
        updates: ["lot {order} has been pulled from every shop and from our website, and we've notified the CFIA. A courier will pick up the bag today."],
        followUps: ['did you find where the glass came from?', 'has the courier picked up the bag yet?'],
        news: ['our inspection found a cracked part on the packing line: it has been replaced and lot {order} destroyed.', 'the courier picked up the bag this morning, and the CFIA has our full report.'],
      },
      {
        reports: ['is there a product recall on the {product} batch? My daughter got sick at school.'],
        escalations: ["we're so sorry she's sick. There's no recall at this time, but we want to check: could you DM us the lot number on the bag?"],
        details: ['the lot number is {order}, we bought it at the {place} shop.'],
        updates: ['our lab tested lot {order} this morning and found nothing, but our quality manager will call you to follow up. We hope your daughter feels better soon.'],
        followUps: ['any news about lot {order}?', 'she is better, but is the {product} safe or not?'],
        news: ['a second lab test on lot {order} also came back clean: the {product} is safe to drink.', 'both lab tests on lot {order} came back clean. We hope your daughter is feeling better.'],
      },
      {
        reports: ['my lawyer will be contacting you, this is unacceptable.'],
        escalations: ["we're sorry it came to this. Could you DM us what happened so our management can look into it today?"],
        details: ["everything is in your DMs. It's about order #{order}."],
        updates: ['our director has your file for order #{order} and will call you this afternoon.'],
        followUps: ["still waiting for your director's call.", 'my lawyer is asking for your answer.'],
        news: ['our director tried to call you this morning, could you DM us a good time?', 'our director sent you a written answer by email today.'],
      },
      {
        reports: ['the cup lid melted and my son got burned.'],
        escalations: ["we're so sorry, we hope your son is okay. Please DM us your number, our manager will call you right away."],
        details: ['I sent it. It happened at the {place} shop yesterday around 4 p.m.'],
        updates: ["we've pulled that batch of lids from all our shops, and we'll cover any medical costs. The {place} manager will call you tonight."],
        followUps: ['my son is doing better, but nobody has called yet.', "still waiting for the manager's call."],
        news: ['sorry for the delay: the {place} manager will call you before noon.', "we've switched lid suppliers at every shop, and our manager will call you today."],
      },
      {
        reports: ['there was mould in the {product} I received yesterday.'],
        escalations: ["please don't drink it, and we're so sorry. Could you DM us a photo and the lot number?"],
        details: ['photos sent. Lot {order}.'],
        updates: ["you'll get a full refund, and our roaster is inspecting every bag of lot {order} today."],
        followUps: ['still waiting for my refund.', 'did you find out what happened with lot {order}?'],
        news: ['your refund went out this morning, it will show on your card within 3 to 5 days.', 'it was a humidity problem in one storage room: every bag of lot {order} has been destroyed.'],
      },
      {
        reports: ['I saw a mouse in the {place} location, calling the health inspector.'],
        escalations: ['thank you for telling us, we take this very seriously. When were you at the {place} shop?'],
        details: ['this morning around 10. I took a video.'],
        updates: ['the {place} shop is closed today while an exterminator inspects it. We will share the inspection report.'],
        followUps: ['is the {place} shop open again?', 'any news about the inspection?'],
        news: ['the {place} shop passed its inspection and reopens tomorrow. The report is on our website.', 'the exterminator found how it got in and sealed it; the {place} shop reopens after a second inspection.'],
      },
    ],
  },
  spam: {
    openings: ['Hey!', 'Congratulations 🎉', 'Dear friend,', '🔥🔥', '', 'Special offer:'],
    closings: ['Click fast!', 'Limited offer ⏳', 'DM me.', '', '#crypto #money #freedom', "Don't miss out!"],
    pitches: {
      crypto: ['I make $5,000 a week with crypto from home, DM me to learn how 💰', 'invest in Bitcoin with my mentor, guaranteed returns in 48h!'],
      followers: ['want more followers? DM me for followers, 10k real ones in 24h.', 'grow your page fast: 10k followers for $9.99!'],
      phishing: ['your page has been reported, verify your account here: https://meta-support-verify.co/login', 'your account will be disabled in 24h, confirm your identity: https://meta-support-verify.co/login'],
      giveaway: ['win a free iPhone by answering this survey: https://bit.ly/free-gift-now', 'you have been selected for a $500 gift card: https://bit.ly/free-gift-now'],
      forex: ['my forex coach paid me $3,000 yesterday, message her on WhatsApp.', 'forex trading changed my life, my coach is on WhatsApp.'],
      shop: ['exclusive deal on sunglasses for $19.99 → https://shades-sale.shop', 'designer sunglasses 90% off today only → https://shades-sale.shop'],
    },
    again: {
      openings: ['', 'Hello?', 'Again:', '👉'],
      lines: {
        crypto: ['still 3 spots in my crypto group, message me!', 'check my profile for proof 💰', 'my mentor only takes 5 people this week.', 'I just withdrew $2,000 this morning 🚀', 'why work 9 to 5 when crypto works for you?'],
        followers: ['still available, message me!', 'real followers, not bots, check my page.', 'only 3 spots left today.', 'your page deserves more reach 📈', 'payment after delivery, 100% safe.'],
        phishing: ['final notice: verify now or your page will be removed.', 'we have not received your verification yet.', 'this is your last warning from the security team.', 'your page was flagged for copyright violation.', 'reply within 12 hours to keep your account.'],
        giveaway: ['only 3 gifts left, hurry!', 'the survey takes 30 seconds!', 'winners are announced tonight.', 'you are one of our lucky visitors today!', 'claim your prize before midnight.'],
        forex: ['she helped me and 200 others, message her!', 'check my profile for proof 💰', 'DM me before it is too late.', 'I was skeptical too, now I trade from home.', 'her students earn every single week.'],
        shop: ['only a few pairs left!', 'free shipping today only.', 'last day of the sale!', 'new designs just dropped 😎', 'use code SUMMER for another 10% off.'],
      },
      closings: ['', '🔥🔥', '⏳', "Don't miss out!"],
    },
  },
  hostile: {
    openings: ['Honestly,', 'Hey clowns,', 'Seriously,', '', 'Stop with the ads,', 'Wow.'],
    bodies: [
      'you are the worst coffee company in Canada.',
      'your coffee tastes like dishwater and you sell it for the price of gold.',
      'do you need a clown degree to work there?',
      "bunch of incompetents, you can't even ship a bag of coffee.",
      'stop deleting my comments, cowards.',
      'whoever runs this account should find another job, pathetic.',
    ],
    closings: ['Shame on you.', 'Boycott!', '', 'Everyone will hear about this.', 'Total joke.', 'Bye.'],
  },
  emojiLines: ['Best coffee ever', 'My morning ritual', 'Patio season with a cold brew', 'Arrived today!!', 'Coffee + croissant = happiness', 'Hooked on the {product}', 'Mondays, am I right', 'First sip of the day'],
  longSentences: [
    "I'm writing because it has now been three weeks since I started trying to get a clear answer about my {product} order.",
    'At first I was really happy with the service: delivery was quick and the coffee was fresh, nothing to complain about.',
    "But since the summer things have changed, and I'm clearly not the only one in my neighbourhood who has noticed.",
    'I called twice, sent an email, and even stopped by the {place} shop on my way back from dropping the kids at school.',
    'Every time I am told someone will call me back, but I never got a call or a follow-up email.',
    'I understand you are a small local business and that you are swamped, and I really do want to support you.',
    'My neighbour told me she had the same problem with her monthly subscription, which was billed twice in August.',
    "I genuinely love your {product}, it's what we have been drinking every morning at home for years.",
    'Honestly, if the service does not improve I will have to shop somewhere else, and that would make me sad.',
    'I will send you my order number by private message, hoping for a faster answer this time.',
    'To be fair, the barista at the {place} shop was super kind and did her best to help me.',
  ],
  longSubject: {
    apologies: [
      "we're truly sorry for the runaround, that is not how we want to treat you. Could you DM us your order number so we can look at your file today?",
      'thank you for taking the time to write all this, and sorry that nobody called you back. Could you send us your order number by DM?',
    ],
    details: ['sent by DM: order #{order}.', 'done, it is order #{order}. Thanks for answering this time.'],
    fixes: [
      'we found order #{order}: the double charge has been refunded, and our customer care manager will call you this afternoon.',
      'order #{order} is sorted: your {product} ships today and the extra charge has been refunded.',
    ],
  },
  followUps: {
    also: ['Also,', 'One more thing:', 'While I have you,', 'Oh, and', 'Another thing:'],
    bump: {
      openings: ['Hello?', '', 'Anyone?', 'Up 🙂', 'Still waiting...'],
      bodies: ['still no answer?', 'any update on this?', 'can someone answer please?', 'is anyone reading these?'],
      closings: ['', 'Thanks.', '🙄', 'Seriously.'],
    },
    thanks: {
      openings: ['Perfect,', 'Great,', 'Awesome,', 'Oh nice,', 'Okay,'],
      bodies: ['thanks!', 'thanks for the quick answer!', 'thank you so much.', "that's what I needed to know.", 'thanks for getting back to me.'],
      closings: ['', '🙏', 'Have a good one!', '☕'],
    },
    details: { openings: ['', '', 'Hi again,', 'Thanks for the reply.'], closings: ['', 'Thanks.', 'Let me know.'] },
    satisfied: {
      openings: ['Great,', 'Perfect,', 'Okay,', 'Wow,'],
      bodies: ['thanks for the follow-up!', 'that was quick, thank you.', 'problem solved, thanks.', 'thanks for sorting it out.', 'I appreciate it.'],
      closings: ['', 'See you soon.', '☕', 'You keep a customer.'],
    },
    praiseReply: {
      openings: ['', 'Aww,', 'Ha,'],
      bodies: ['thank you!', "you're the best!", 'see you Saturday!', 'keep up the good work!', 'thank YOU.'],
      closings: ['', '❤️', '☕', '🙌'],
    },
    crisisAck: {
      openings: ['', 'Okay.', 'Got it.'],
      bodies: ['thanks for taking this seriously.', "I'll wait for the call.", 'I kept the bag for you.', 'I hope nobody else gets hurt.'],
      closings: ['', 'Please keep me posted.', 'I am still upset.'],
    },
    crisisFollowUp: { openings: ['', 'Hello,', 'Hi again,'], closings: ['', 'Please keep me posted.', 'This is taking long.'] },
    rant: {
      openings: ['', 'And', 'Oh, and', 'Typical.', 'LOL'],
      bodies: [
        'nobody answers, of course.',
        "go ahead, delete this one too, I'll post it again.",
        'I am telling all my friends to stay away.',
        'your prices are a scam and you know it.',
        'worst customer service in the country.',
        "I'll keep posting until someone answers.",
      ],
      closings: ['', 'Pathetic.', '🤡', 'Clowns.'],
    },
    calmDown: {
      openings: ['', 'Fine.', 'Okay.', 'Whatever.'],
      bodies: ['I sent you a DM.', "we'll see.", 'at least you answer.', 'I still think your coffee is overpriced.'],
      closings: ['', 'Bye.', 'Not convinced.'],
    },
  },
  bystanders: {
    question: {
      openings: ['', 'Same question!', '+1,', 'Good question,', '{name},'],
      bodies: ['I was wondering the same thing.', 'I would like to know too.', 'following this thread 👀', 'I asked them the same thing last month, they are quick to answer.'],
      closings: ['', '🙏', 'Thanks for asking.'],
    },
    praise: {
      openings: ['', 'So true!', 'Agreed,', '{name},'],
      bodies: ['totally agree, their {product} is amazing.', "it's my go-to café too.", '100% agree!', 'same here, never had a bad cup.'],
      closings: ['', '❤️', '☕', '🙌'],
    },
    complaint: {
      openings: ['', 'Ugh,', 'Same,', '{name},'],
      bodies: ['same thing happened to me last month.', 'I had the same problem, they sorted it out in the end though.', 'hope they fix it for you.', 'that happened to my neighbour too.'],
      closings: ['', 'Keep us posted.', '🤞'],
    },
    crisis: {
      openings: ['', 'Oh no,', '{name},', 'Wow,'],
      bodies: ['I just bought the {product} too, is it safe?', 'hope your family is okay.', "that's scary, please keep us posted.", 'I hope they answer you quickly.'],
      closings: ['', '🙏', 'Take care.'],
    },
    spam: {
      openings: ['', 'Careful,', 'Everyone:', 'Lol'],
      bodies: ["this is a scam, don't click the link.", 'reported.', 'bots everywhere 🙄', 'nobody falls for this.'],
      closings: ['', '🚩', 'Reported.'],
    },
    hostile: {
      openings: ['', 'Come on,', 'Relax,', 'Dude,'],
      bodies: ["it's a small local business.", "they've always been great with me.", 'no need to be rude.', "if you don't like it, don't buy it."],
      closings: ['', '🙄', 'Chill.'],
    },
  },
  brand: {
    answer: { openings: ['Hi {name}!', 'Hey {name},', 'Hello {name}!', 'Good question, {name}!'], closings: ['Have a great day! ☕', 'Cheers!', 'The Castor team', ''] },
    thanks: {
      openings: ['Thanks {name}!', 'Hey {name},', 'Aww, thank you {name}!', 'Hi {name},'],
      bodies: ['this made our day, thank you for the kind words!', "we'll pass this on to the whole team, they'll be thrilled.", 'messages like yours keep us going.'],
      closings: ['Have a great day! ☕', 'The Castor team', 'See you at the shop!', ''],
    },
    apology: { openings: ['Hi {name},', 'Hello {name},', 'Hi {name}.', '{name},'], closings: ['— Julie, customer care', 'The Castor team', 'Thanks for your patience.', ''] },
    fix: { openings: ['Thanks {name}!', 'Hi {name},', 'Thank you {name}.', 'Update, {name}:'], closings: ['Sorry again for the trouble.', '— Julie, customer care', 'The Castor team', ''] },
    escalation: { openings: ['{name},', 'Hello {name},', 'Hi {name}.'], closings: ['— Marc, quality manager', 'The Castor team', ''] },
    update: { openings: ['Thank you {name}.', 'Hi {name},', '{name},'], closings: ['— Marc, quality manager', 'We are here if you need anything.', ''] },
    crisisNews: { openings: ['Hi {name},', '{name},'], closings: ['— Marc, quality manager', 'Thank you for your patience.', ''] },
    deEscalation: {
      openings: ['Hi {name},', 'Hello {name},'],
      bodies: [
        "we're sorry you feel this way. If something went wrong with an order, DM us and we'll make it right.",
        "we hear you. Tell us what happened by DM and we'll do our best to fix it.",
        "we'd like to understand what went wrong, our DMs are open.",
      ],
      closings: ['The Castor team', '', 'Thanks.'],
    },
  },
  posts: {
    product: {
      headlines: ['The {product} is back for the summer!', 'New roast: meet the {product}.', 'Behind the scenes of roasting the {product}.'],
      callsToAction: ['Tell us what you think in the comments!', 'Available online and in our shops.', 'Tag a friend who needs this ☕'],
    },
    shop: {
      headlines: ["We're opening a shop in {place}!", 'Big news: {brand} is coming to {place}!'],
      callsToAction: ['Tell us what you think in the comments!', 'See you soon!', 'Tag a friend who lives nearby ☕'],
    },
    giveaway: {
      headlines: ['Giveaway: win a year of {product}.', 'Giveaway time: a year of {product} for one lucky winner!'],
      callsToAction: ['Comment and tag a friend to enter!', 'Winner drawn on Friday, good luck!'],
    },
    school: {
      headlines: ['Back to school: treat the teachers at your local school to good coffee?', 'Teachers, this one is for you: 15% off for schools all September.'],
      callsToAction: ['Tell us what you think in the comments!', 'Tag a teacher who deserves it ☕'],
    },
  },
};
