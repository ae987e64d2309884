import {
  getCondition,
  type Region,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { object } from '../../seeds/objectBuilders';
import { startHarness } from '../../testing/controllerHarness';
import { NS, clusterDeployment, fixtureObjects } from '../../testing/fixtures';

describe('RegionController', () => {
  it('becomes Ready once the ClusterDeployment it onboards is Ready', () => {
    const h = startHarness({
      objects: fixtureObjects(),
      provisioningMillis: 1000,
    });
    h.store.create(
      object('Region', { name: 'eu' }, h.clock.now(), {
        spec: {
          clusterDeployment: { name: 'eu-mgmt', namespace: NS },
          providers: [{ name: 'cluster-api-provider-aws' }],
        },
      }),
    );
    h.settle();
    expect(getCondition(h.get<Region>('Region', 'eu'), 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ConfigurationError',
      message:
        'failed to get ClusterDeployment kcm-system/eu-mgmt: clusterdeployments.k0rdent.mirantis.com "eu-mgmt" not found',
    });

    h.store.create(clusterDeployment('eu-mgmt'));
    h.settle();
    expect(getCondition(h.get<Region>('Region', 'eu'), 'Ready')?.reason).toBe(
      'Progressing',
    );
    h.advance(2000);
    const region = h.get<Region>('Region', 'eu')!;
    expect(getCondition(region, 'Ready')).toMatchObject({
      status: 'True',
      reason: 'AllComponentsHealthy',
    });
    expect(region.status?.availableProviders).toEqual(['infrastructure-aws']);
    expect(
      region.status?.components?.['cluster-api-provider-aws'],
    ).toMatchObject({ success: true });
    h.stop();
  });
});
