/** Saves text as a file through a Blob URL: the browser writes it locally, nothing is sent anywhere. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheet programs read non-ASCII file names as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** boneage-worklist-2026-11-30T21-35.csv, in local time. */
export function worklistFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `boneage-worklist-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}-${pad(now.getMinutes())}.csv`;
}
