/**
 * The hub's schema is not the one this Pieuvre speaks. Nothing was written. `reason` lets the
 * UI word it: a newer hub needs this app updated; an older one needs the team's owner to open
 * it with this version, which upgrades it.
 */
export class HubSchemaError extends Error {
  override name = 'HubSchemaError';
  constructor(
    readonly reason: 'newer' | 'older',
    readonly hubVersion: number,
    readonly appVersion: number,
  ) {
    super(
      reason === 'newer'
        ? `The team hub's schema is version ${hubVersion}, newer than this Pieuvre knows (version ${appVersion}): update Pieuvre to use it.`
        : `The team hub's schema is version ${hubVersion}, older than this Pieuvre needs (version ${appVersion}): the team's owner opens it with this version of Pieuvre to upgrade it.`,
    );
  }
}
