/*
 * k0rdent objects of one management cluster → Backstage entities: pure
 * functions for full mutations, single keys and the keys a change touches.
 */
export {
  KOF_TENANT_KIND,
  MANAGEMENT_CLUSTER_KIND,
  keyOf,
  type FleetObjectChange,
  type FleetObjectKey,
  type FleetSnapshot,
  type SnapshotObject,
} from './snapshot';
export { transformSnapshot, transformObject } from './transformSnapshot';
export { dependentObjects } from './dependents';
export { entityRefOf } from './references';
export {
  resolveOwner,
  type OwnerInput,
} from '@k0rdent-backstage/plugin-k0rdent-node';
export { clusterDeploymentEntity } from './clusterDeployment';
export { clusterTemplateEntity, serviceTemplateEntity } from './templates';
export { credentialEntity } from './credential';
export { multiClusterServiceEntity } from './multiClusterService';
export { regionEntity } from './region';
export { kofTenantEntity, kofTenantsOf } from './tenant';
export { managementClusterEntity } from './managementCluster';
