// Importing the model package registers the custom layer with tfjs serialization (page and Node alike).
export { SpatialTransformer, affineSample } from './spatial-transformer';
export { buildBoNet, CELL_LOGIT_LAYER, hasCellWeights } from './bonet';
export { BoneAgeModel } from './bone-age-model';
export { cellWeightsFromLogits, mapMean, rawToMonths, mapSideFor, readingForSex, splitChannels } from './age-map';
export { DEFAULT_BONET, THUMBNAIL_INPUT } from './constants';
export type * from './types';
export { ENSEMBLE_MEAN_LAYER, ensembleMembers, roiNetwork } from './ensemble';
