import { cardForReading, type ReadingMode } from '../../core/model/reading-mode';
import type { ModelCard } from '../../core/model/types';
import { useStore } from './store';

/** The card whose figures belong beside an estimate made in `reading` (which may not be the mode now
 *  chosen while the case waits to be read again); the store's card when the reading is not known. */
export function readingCard(storeCard: ModelCard | null, baseCard: ModelCard | null, reading: ReadingMode | undefined): ModelCard | null {
  return reading && baseCard ? cardForReading(baseCard, reading) : storeCard;
}

/** `readingCard` from the store, for components. */
export function useReadingCard(reading: ReadingMode | undefined): ModelCard | null {
  const storeCard = useStore((s) => s.card);
  const baseCard = useStore((s) => s.baseCard);
  return readingCard(storeCard, baseCard, reading);
}

/** `readingCard` from the store as it is now, outside React (e.g. the CSV export). */
export function readingCardNow(reading: ReadingMode | undefined): ModelCard | null {
  const { card, baseCard } = useStore.getState();
  return readingCard(card, baseCard, reading);
}
