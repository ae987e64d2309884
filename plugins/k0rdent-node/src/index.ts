/**
 * Kubernetes access to k0rdent management clusters for the k0rdent Backstage
 * plugins: connections from config, the fleet cache (one list+watch per kind,
 * indexed in memory, with change events and health), and a client for
 * server-side apply.
 *
 * @packageDocumentation
 */

export type { KubeObject, KubeObjectMeta } from './types';
export {
  DEFAULT_FLEET_KINDS,
  DEFAULT_FLEET_SETTINGS,
  readFleetSettings,
  readManagementClusterConfigs,
} from './config/readConfig';
export type {
  EmbeddedConnection,
  FleetSettings,
  KubeconfigConnection,
  ManagementClusterConfig,
  ManagementClusterConnection,
  ServiceAccountConnection,
  TokenConnection,
} from './config/types';
export {
  ConnectionResolver,
  kubeConfigForToken,
} from './config/ConnectionResolver';
export type {
  ConnectionResolverOptions,
  EmbeddedClusterEndpoint,
  EmbeddedClusterFactory,
  EmbeddedClusterRequest,
  ResolvedConnection,
} from './config/ConnectionResolver';
export { KubernetesApiError } from './kubernetes/KubernetesApiError';
export type {
  KubernetesApiErrorOptions,
  KubernetesStatusCause,
} from './kubernetes/KubernetesApiError';
export { K0rdentKubernetesClient } from './kubernetes/K0rdentKubernetesClient';
export type {
  ServiceProxyRequestOptions,
  ServiceProxyResponse,
  ServiceProxyTarget,
} from './kubernetes/serviceProxy';
export type {
  ApplyOptions,
  DeleteOptions,
  K0rdentKubernetesClientOptions,
} from './kubernetes/K0rdentKubernetesClient';
export { Backoff } from './fleet/Backoff';
export type { BackoffOptions } from './fleet/Backoff';
export { parseLabelSelector } from './fleet/labelSelector';
export type {
  CompiledLabelSelector,
  LabelSelector,
} from './fleet/labelSelector';
export { ClientNodeTransport } from './kubernetes/transport';
export type {
  FleetTransport,
  FleetTransportListOptions,
  FleetTransportListPage,
  FleetTransportWatch,
  FleetTransportWatchEvent,
  FleetTransportWatchOptions,
} from './kubernetes/transport';
export { ObjectIndex } from './fleet/ObjectIndex';
export type {
  FleetIndexDefinition,
  FleetListOptions,
  ObjectChange,
} from './fleet/ObjectIndex';
export { DEFAULT_FLEET_INDEXES, kofSeriesKey } from './fleet/indexes';
export { FleetCache, stripManagedFields } from './fleet/FleetCache';
export type { FleetCacheOptions } from './fleet/FleetCache';
export { K0rdentFleet } from './fleet/K0rdentFleet';
export type {
  K0rdentFleetFromConfigOptions,
  K0rdentFleetOptions,
  K0rdentFleetService,
  ManagementClusterInfo,
} from './fleet/K0rdentFleet';
export type {
  FleetChangeEvent,
  FleetChangeListener,
  FleetClusterHealth,
  FleetHealthListener,
  FleetKindHealth,
  FleetKindState,
} from './fleet/types';
export {
  k0rdentEmbeddedClusterFactoryServiceRef,
  k0rdentFleetServiceRef,
} from './service';
export * from './ownership';
export { k0rdentClusterPermissionResourceRef } from './permissions';
export type {
  K0rdentClusterFilter,
  K0rdentClusterResource,
} from './permissions';
export {
  changedManifest,
  clusterDeploymentManifest,
  FIELD_MANAGER,
  identityManifest,
  multiClusterServiceManifest,
  OWN_ANNOTATIONS_FIELD,
  stampManifest,
  toServices,
} from './manifests/manifests';
export type {
  ClusterDeploymentParts,
  MultiClusterServiceParts,
  RequestStamp,
} from './manifests/manifests';
