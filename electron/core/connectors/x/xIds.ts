/** X ids are 64-bit snowflakes growing with time, as decimal strings: compared by length, then digits. */
export function isNewerXId(id: string, than: string): boolean {
  return id.length !== than.length ? id.length > than.length : id > than;
}
