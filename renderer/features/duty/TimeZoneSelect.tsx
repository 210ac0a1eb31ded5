const ZONES = Intl.supportedValuesOf('timeZone');

/** Every IANA zone the system knows, for schedules and rotas alike. */
export function TimeZoneSelect({ id, value, onChange }: { id: string; value: string; onChange: (zone: string) => void }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {/* A stored zone the system does not list (renamed since) stays selectable. */}
      {ZONES.includes(value) ? null : <option value={value}>{value}</option>}
      {ZONES.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
    </select>
  );
}
