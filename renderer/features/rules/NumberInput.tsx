import type { InputHTMLAttributes } from 'react';

type NumberInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** NaN while the field is blank: the schema then refuses it, on this field. */
  value: number;
  onChange(value: number): void;
};

/** A whole-number field whose blank is NaN rather than 0, so an emptied field is never saved as zero. */
export function NumberInput({ value, onChange, ...rest }: NumberInputProps) {
  return (
    <input
      {...rest}
      type="number"
      inputMode="numeric"
      value={Number.isNaN(value) ? '' : value}
      onChange={(event) => onChange(event.target.value === '' ? Number.NaN : event.target.valueAsNumber)}
    />
  );
}
