import type { ReadingMode } from '../../core/model/reading-mode';

const KEY = 'boneage.reading';

/** The reader's last choice of reading mode (a preference, not patient data), 'standard' when none
 *  was made or storage is unavailable (private windows may refuse it). */
export function loadReadingPreference(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): ReadingMode {
  try {
    return storage?.getItem(KEY) === 'careful' ? 'careful' : 'standard';
  } catch {
    return 'standard';
  }
}

export function saveReadingPreference(mode: ReadingMode, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, mode);
  } catch {
    // Storage refused (quota, private mode): the choice holds for this visit only.
  }
}
