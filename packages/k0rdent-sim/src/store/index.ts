export * from './types';
export * from './memoryStore';
export { parseLabelSelector, type LabelSelector } from './labelSelector';
export { parseFieldSelector, type FieldSelector } from './fieldSelector';
