import type { ChangeEvent } from 'react';
import { openFile } from '../state/actions';

/** The "Open image…" button. Any extension is allowed: DICOM files often have none. */
export function FilePicker() {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // so choosing the same file again still fires
    if (file) void openFile(file);
  };
  return (
    <label className="button file-picker">
      Open image…
      <input type="file" className="visually-hidden" data-testid="file-input" onChange={onChange} />
    </label>
  );
}
