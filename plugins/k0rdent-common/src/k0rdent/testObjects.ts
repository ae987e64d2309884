/*
 * Small builders for the helper tests (not exported from the package).
 */
import type { ClusterDeployment } from './clusterDeployment';
import type { Condition, ConditionStatus } from './meta';

export function condition(
  type: string,
  status: ConditionStatus,
  reason = status === 'True' ? 'Succeeded' : 'Failed',
  message = '',
): Condition {
  return {
    type,
    status,
    reason,
    message,
    lastTransitionTime: '2026-08-21T10:00:00Z',
  };
}

export function clusterDeployment(
  overrides: Partial<ClusterDeployment> = {},
): ClusterDeployment {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: { name: 'team-a-aws-dev', namespace: 'kcm-system' },
    spec: { template: 'aws-standalone-cp-1-0-43', credential: 'aws-cred' },
    ...overrides,
  };
}
