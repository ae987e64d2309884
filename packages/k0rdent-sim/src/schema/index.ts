/*
 * Schema validation of the simulated management cluster: the simulator's own
 * definitions of every kind it serves (derived from the upstream k0rdent CRDs,
 * hand-written for core kinds), a structural-schema validator with Kubernetes'
 * messages, and the OpenAPI documents kubectl reads.
 */
export type {
  JSONSchemaProps,
  PrinterColumn,
  ResourceDefinition,
  ResourceNames,
  ValidationRule,
} from './types';
export {
  UNKNOWN_FIELD_REASON,
  invalidStatusMessage,
  strictDecodingMessage,
} from './fieldErrors';
export {
  applyDefaults,
  collectRules,
  prune,
  unknownFields,
  validateValue,
} from './validate';
export type { ValidateValueOptions } from './validate';
export { CEL_RULES, evaluateRule, isKnownRule } from './celRules';
export { OBJECT_META_SCHEMA, validateObjectMeta } from './objectMeta';
export type { NameRule } from './objectMeta';
export {
  crdToDefinition,
  definitionFileName,
  isCustomResourceDefinition,
  stripDescriptions,
} from './extract';
export type { CustomResourceDefinition } from './extract';
export {
  apiVersionOfDefinition,
  getSchema,
  listDefinitions,
  prepareWrite,
  resourceSchema,
  validateObject,
  validateResource,
} from './resources';
export type {
  FieldValidation,
  PreparedWrite,
  ValidateObjectOptions,
} from './resources';
export {
  definitionName,
  openApiV2Document,
  openApiV3Discovery,
  openApiV3Document,
} from './openapi';
