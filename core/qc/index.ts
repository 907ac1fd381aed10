export * from './types';
export * from './classes';
export * from './transforms';
export * from './exposure';
export * from './qc-input';
export * from './decide';
export * from './qc-model';
