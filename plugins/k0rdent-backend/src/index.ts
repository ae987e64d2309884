/**
 * The k0rdent backend plugin: fleet API, desired-state requests reconciled
 * into the management clusters, and the permission rules of k0rdent clusters.
 *
 * @packageDocumentation
 */
export { k0rdentPlugin as default } from './plugin';
export {
  isClusterOwner,
  isInManagementCluster,
  isInNamespace,
  isTenantMember,
  k0rdentClusterRules,
} from './permissions/rules';
export {
  createK0rdentClusterConditionalDecision,
  k0rdentClusterConditions,
} from './permissions/conditionExports';
