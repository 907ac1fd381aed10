import type { ReadingMode } from '../../core/model/reading-mode';

const KEY = 'boneage.reading';

/** The browser's storage, read inside the callers' try: with site data blocked, merely reading
 *  `window.localStorage` throws (SecurityError), and this runs while the store is created. */
const browserStorage = (): Storage | null => globalThis.localStorage ?? null;

/** The reader's last choice of reading mode (a preference, not patient data), 'standard' when none
 *  was made or storage is unavailable (private windows may refuse it, blocked site data throws). */
export function loadReadingPreference(storage?: Pick<Storage, 'getItem'> | null): ReadingMode {
  try {
    return (storage === undefined ? browserStorage() : storage)?.getItem(KEY) === 'careful' ? 'careful' : 'standard';
  } catch {
    return 'standard';
  }
}

export function saveReadingPreference(mode: ReadingMode, storage?: Pick<Storage, 'setItem'> | null): void {
  try {
    (storage === undefined ? browserStorage() : storage)?.setItem(KEY, mode);
  } catch {
    // Storage refused (quota, private mode, blocked site data): the choice holds for this visit only.
  }
}
