import { regionEntity } from './region';
import {
  condition,
  expectValidEntity,
  region,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const LABEL = 'backstage.k0rdent.io';

describe('regionEntity', () => {
  it('maps a Region onboarded from a ClusterDeployment', async () => {
    const eu = region('eu-region', {
      spec: {
        clusterDeployment: {
          name: 'eu-regional-mgmt',
          namespace: 'kcm-system',
        },
      },
      status: { conditions: [condition('Ready', 'True')] },
    });
    const entity = regionEntity(testSnapshot([eu]), testConfig(), eu);
    expect(entity.metadata).toMatchObject({
      name: 'mgmt_rgn_eu-region',
      title: 'eu-region',
      labels: {
        [`${LABEL}/status`]: 'Ready',
        [`${LABEL}/region`]: 'eu-region',
      },
    });
    expect(entity.spec).toEqual({
      type: 'k0rdent-region',
      owner: 'group:default/platform',
      lifecycle: 'production',
      dependsOn: ['resource:default/mgmt_clusterd_kcm-system_eu-regional-mgmt'],
    });
    await expectValidEntity(entity);
  });

  it('maps a Region with a kubeconfig and a configuration error, without the secret name', async () => {
    const bad = region('lab', {
      spec: { kubeConfig: { name: 'lab-kubeconfig', key: 'value' } },
      status: {
        conditions: [condition('Ready', 'False', 'ConfigurationError')],
      },
    });
    const entity = regionEntity(testSnapshot([]), testConfig(), bad);
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Failed');
    expect(entity.spec).not.toHaveProperty('dependsOn');
    expect(JSON.stringify(entity)).not.toContain('kubeconfig');
    await expectValidEntity(entity);
  });
});
