import type { Credential } from '@k0rdent-backstage/plugin-k0rdent-common';
import { object } from '../../seeds/objectBuilders';
import { startHarness } from '../../testing/controllerHarness';
import { NS, fixtureObjects } from '../../testing/fixtures';

describe('CredentialController', () => {
  it('is ready when the identity exists, and follows its Secret', () => {
    const h = startHarness({ objects: fixtureObjects() });
    const cred = (name: string) => h.get<Credential>('Credential', name, NS)!;
    expect(cred('aws-cred').status).toMatchObject({
      ready: true,
      conditions: [
        expect.objectContaining({
          type: 'CredentialReady',
          status: 'True',
          reason: 'Succeeded',
          message: 'Credential is ready',
        }),
      ],
    });
    expect(cred('openstack-cred').status).toMatchObject({
      ready: false,
      conditions: [
        expect.objectContaining({
          status: 'False',
          message:
            'ClusterIdentity object of Kind=Secret kcm-system/openstack-clouds not found',
        }),
      ],
    });

    h.store.create(
      object(
        'Secret',
        { name: 'openstack-clouds', namespace: NS },
        h.clock.now(),
        { data: {} },
      ),
    );
    h.settle();
    expect(cred('openstack-cred').status?.ready).toBe(true);

    h.store.delete({ kind: 'Secret', namespace: NS, name: 'openstack-clouds' });
    h.settle();
    expect(cred('openstack-cred').status?.ready).toBe(false);
    h.stop();
  });

  it('needs the Region it names', () => {
    const h = startHarness({ objects: fixtureObjects() });
    h.store.create(
      object('Credential', { name: 'eu', namespace: NS }, h.clock.now(), {
        spec: {
          region: 'eu',
          identityRef: {
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
            kind: 'AWSClusterStaticIdentity',
            name: 'x',
          },
        },
      }),
    );
    h.settle();
    expect(
      h.get<Credential>('Credential', 'eu', NS)?.status?.conditions?.[0]
        .message,
    ).toBe(
      'failed to get Region eu: regions.k0rdent.mirantis.com "eu" not found',
    );
    h.stop();
  });
});
