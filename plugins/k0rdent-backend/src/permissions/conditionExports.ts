/*
 * What policy authors import to write decisions about k0rdent clusters, e.g.
 * `createK0rdentClusterConditionalDecision(permission,
 *    k0rdentClusterConditions.isClusterOwner({ claims }))`.
 */
import { createConditionExports } from '@backstage/plugin-permission-node';
import { k0rdentClusterPermissionResourceRef } from '@k0rdent-backstage/plugin-k0rdent-node';
import { k0rdentClusterRules } from './rules';

const exported = createConditionExports({
  resourceRef: k0rdentClusterPermissionResourceRef,
  rules: k0rdentClusterRules,
});

/** Conditions on k0rdent clusters, one per rule. @public */
export const k0rdentClusterConditions = exported.conditions;

/** Wraps conditions into a conditional decision for a cluster permission. @public */
export const createK0rdentClusterConditionalDecision =
  exported.createConditionalDecision;
