export { Deconvnet, type ForwardRecord, type Projection } from './deconvnet';
export { planStages, stagesFromLayersModel, type DeconvStage, type StagePlan } from './stages';
export { poolSwitches, switchMask, topMaps, type MapPick } from './switches';
export { DEFAULT_BOX_FRACTION, projectionRegion, toImageFrame, type Box, type Point, type ProjectionRegion } from './region';
export { roiHits, boxArea, intersectionArea, contains, type LabelledRegion, type RoiHit } from './roi-hits';
export { learnedRois, type LearnedRoi, type LearnedRoiOptions } from './learned-rois';
