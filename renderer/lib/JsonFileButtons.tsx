import { useRef } from 'react';

/**
 * Import and Export buttons for a JSON file: Import opens the file chooser (a hidden input, so
 * the button looks like the others and takes the keyboard), Export calls back.
 */
export function JsonFileButtons({ importLabel, exportLabel, onFile, onExport }: { importLabel: string; exportLabel: string; onFile: (file: File) => void; onExport: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>{importLabel}</button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Choosing the same file again is a new choice.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" onClick={onExport}>{exportLabel}</button>
    </>
  );
}
