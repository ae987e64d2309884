/*
 * k0rdent v1beta1 object types, well-known names and the small pure helpers every
 * k0rdent plugin needs.
 */
export * from './meta';
export * from './constants';
export * from './services';
export * from './clusterDeployment';
export * from './templates';
export * from './credential';
export * from './multiClusterService';
export * from './management';
export * from './kof';
export * from './conditions';
export * from './clusterPhase';
export * from './labels';
export * from './providers';
export * from './kubernetesVersion';
export {
  cloudRegionFromConfig,
  kubernetesVersionFromConfig,
} from './clusterValues';
export * from './servicesReady';
export * from './valuesSchema';
