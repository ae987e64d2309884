/*
 * Small builders for the helper tests (not exported from the package).
 */
import type { ClusterDeployment } from './clusterDeployment';

export { testCondition as condition } from '../testUtils';

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
