import type { ChangeEvent } from 'react';
import { openFiles } from '../state/actions';

/** The "Open image…" button; several files at once make a worklist. Any extension is allowed: DICOM files often have none. */
export function FilePicker() {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // so choosing the same file again still fires
    if (files.length) openFiles(files);
  };
  return (
    <label className="button file-picker">
      Open image…
      <input type="file" className="visually-hidden" data-testid="file-input" multiple onChange={onChange} />
    </label>
  );
}
