import type { AccountCheck } from '../../../shared/api/accounts';

/** The steps of an account's live check, each a read that passes with what it found or fails with why. */
export class CheckSteps {
  readonly steps: AccountCheck['steps'] = [];

  /** Runs one step; true when it passed, so that a step needing the one before can be skipped. */
  async run(name: string, read: () => Promise<string>): Promise<boolean> {
    try {
      this.steps.push({ step: name, ok: true, detail: await read() });
      return true;
    } catch (error) {
      this.steps.push({ step: name, ok: false, detail: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }
}
