export type SnoozeChoice = 'laterToday' | 'tomorrowMorning' | 'nextWeek';

const MORNING_HOUR = 9;

/**
 * When each snooze choice ends, in the person's local time: later today is three hours on;
 * tomorrow morning is 09:00 tomorrow; next week is 09:00 next Monday.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date): number {
  const at = new Date(now);
  switch (choice) {
    case 'laterToday':
      return now.getTime() + 3 * 3_600_000;
    case 'tomorrowMorning':
      at.setDate(at.getDate() + 1);
      break;
    case 'nextWeek':
      at.setDate(at.getDate() + (((8 - at.getDay()) % 7) || 7));
      break;
  }
  at.setHours(MORNING_HOUR, 0, 0, 0);
  return at.getTime();
}
