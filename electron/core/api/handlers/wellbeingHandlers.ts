import type { Handlers } from '../apiServer';
import type { WellbeingService } from '../../wellbeing/wellbeingService';

type WellbeingHandlers = Pick<Handlers, `wellbeing.${string}` & keyof Handlers>;

export function wellbeingHandlers(wellbeing: WellbeingService): WellbeingHandlers {
  return {
    'wellbeing.heartbeat': () => wellbeing.heartbeat(),
    'wellbeing.ledger': ({ days, weeks }) => wellbeing.ledger(days, weeks),
    'wellbeing.breakStart': ({ source }) => wellbeing.breakStart(source),
    'wellbeing.breakEnd': ({ breakId }) => wellbeing.breakEnd(breakId),
    'wellbeing.snoozeReminder': () => wellbeing.snoozeReminder(),
    'wellbeing.settings': () => wellbeing.settings(),
    'wellbeing.setSettings': (settings) => wellbeing.setSettings(settings),
  };
}
