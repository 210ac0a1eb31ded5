import type { z } from 'zod';
import type { scheduleSchema } from '../../../shared/schedule/scheduleSchema';

/** A schedule as a test writes it (before defaults). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
