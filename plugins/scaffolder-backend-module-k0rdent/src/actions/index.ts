/*
 * The action creators, for adopters who register them by hand.
 */
export {
  CLUSTER_CREATE_ACTION_ID,
  createClusterCreateAction,
  type ClusterActionOptions,
} from './clusterCreate';
export {
  CLUSTER_UPGRADE_ACTION_ID,
  createClusterUpgradeAction,
} from './clusterUpgrade';
export {
  CLUSTER_DELETE_ACTION_ID,
  createClusterDeleteAction,
} from './clusterDelete';
export {
  SERVICE_DEPLOY_ACTION_ID,
  createServiceDeployAction,
  type ServiceDeployActionOptions,
} from './serviceDeploy';
export type { PollingOptions } from './waitForCluster';
