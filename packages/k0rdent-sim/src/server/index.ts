/*
 * The API server's entry points, for src/index.ts and the CLI. (Types the schema
 * module also exports, FieldValidation and PrinterColumn, are left out so that both
 * can be re-exported from the package root.)
 */
export {
  startApiServer,
  type ApiServer,
  type ApiServerOptions,
} from './apiServer';
export { ServiceProxyRegistry, type ServiceProxyHandler } from './serviceProxy';
export type {
  ValidateFunction,
  ValidationContext,
  ValidationResult,
} from './writePipeline';
export type {
  OpenApiSchema,
  OpenApiSchemaProvider,
  OpenApiSource,
} from './openapi';
export type { PrinterColumnsProvider } from './table';
export {
  MemoryObjectStore,
  type MemoryObjectStoreOptions,
} from '../store/memoryStore';
export { FaultInjector } from '../faults/faultInjector';
export type {
  FailOptions,
  FaultMatch,
  FaultStatus,
  DropMode,
} from '../faults/faultInjector';
export {
  selfSignedCertificate,
  type TlsCredentials,
} from './selfSignedCertificate';
export { kubeconfigYaml, type KubeconfigOptions } from './kubeconfig';
export { SimApiError } from '../errors';
