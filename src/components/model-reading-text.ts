import type { ModelCard } from '../../core/model/types';

const RESAMPLING_TEXT: Record<ModelCard['input']['resample'], string> = {
  'area-average': 'each input pixel the mean of the image area it covers',
  'nearest-floor-center': 'each input pixel the image pixel nearest its centre',
};

const TTA_TEXT: Record<NonNullable<ModelCard['output']['tta']>, string> = {
  axis1: 'the mean of 5 readings: the input as is and shifted by 1 px left, right, up and down (test-time augmentation)',
  grid1: 'the mean of 9 readings over a 3×3 grid of 1 px shifts (test-time augmentation)',
};

/** How the page turns a radiograph into the model's input and reads it, in words for the model panel;
 *  `networks` only for an ensemble (core/model/ensemble.ts). */
export function modelReadingText(card: ModelCard): { input: string; reading: string; networks?: string } {
  const { width, height, resample } = card.input;
  const members = card.architecture?.ensemble;
  return {
    input: `${width}×${height} px, grayscale, whole image squashed (aspect ignored), ${RESAMPLING_TEXT[resample] ?? resample}`,
    reading:
      (card.output.tta
        ? TTA_TEXT[card.output.tta] + (members?.length ? `, each reading the mean of ${members.length} networks’ age maps` : '')
        : members?.length
          ? `one pass of each of the ${members.length} networks, their age maps averaged`
          : 'one pass of the network') +
      (card.output.reduce === 'weighted' ? '; each reading the mean of the age map’s cells weighted by a confidence the network learned' : ''),
    ...(members?.length
      ? {
          networks:
            `An ensemble of ${members.length}: ` +
            members.map((m) => `${m.name} v${m.version} (${m.layers}, ${(m.parameters / 1e6).toFixed(2)} M parameters, validation MAE ${m.validationMae.toFixed(1)} months alone)`).join('; ') +
            '. The learned ROIs show the first network’s features.',
        }
      : {}),
  };
}
