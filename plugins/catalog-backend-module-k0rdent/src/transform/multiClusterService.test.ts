import { multiClusterServiceEntity } from './multiClusterService';
import {
  condition,
  expectValidEntity,
  multiClusterService,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const LABEL = 'backstage.k0rdent.io';

describe('multiClusterServiceEntity', () => {
  it('depends on its ServiceTemplates in the system namespace and the MCSs it waits for', async () => {
    const mcs = multiClusterService('prod-ingress', {
      spec: {
        clusterSelector: { matchLabels: { env: 'prod' } },
        dependsOn: ['security-base', ''],
        serviceSpec: {
          services: [
            {
              name: 'ingress-nginx',
              namespace: 'ingress-nginx',
              template: 'ingress-nginx-4-15-1',
            },
            { name: 'off', template: 'off-1-0-0', disable: true },
          ],
        },
      },
      status: {
        conditions: [
          condition('ClusterInReadyState', 'True', 'Succeeded', '3/3'),
          condition('Ready', 'True'),
        ],
      },
    });
    const entity = multiClusterServiceEntity(
      testSnapshot([mcs]),
      testConfig(),
      mcs,
    );
    expect(entity.metadata).toMatchObject({
      name: 'mgmt_mcs_prod-ingress',
      title: 'prod-ingress',
      labels: {
        [`${LABEL}/management-cluster`]: 'mgmt',
        [`${LABEL}/status`]: 'Ready',
      },
    });
    expect(entity.metadata.annotations).not.toHaveProperty(
      `${LABEL}/namespace`,
    );
    expect(entity.metadata.labels).not.toHaveProperty(`${LABEL}/namespace`);
    expect(entity.spec).toEqual({
      type: 'k0rdent-multi-cluster-service',
      owner: 'group:default/platform',
      lifecycle: 'production',
      dependsOn: [
        'resource:default/mgmt_mcs_security-base',
        'resource:default/mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
      ],
    });
    await expectValidEntity(entity);
  });

  it('maps an MCS with an empty selector and no status', async () => {
    const mcs = multiClusterService('mgmt-cert-manager', {
      spec: {
        clusterSelector: {},
        serviceSpec: {
          provider: { selfManagement: true },
          services: [
            { name: 'cert-manager', template: 'cert-manager-v1-19-3' },
          ],
        },
      },
    });
    const entity = multiClusterServiceEntity(
      testSnapshot([]),
      testConfig(),
      mcs,
    );
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Provisioning');
    expect(entity.spec?.dependsOn).toEqual([
      'resource:default/mgmt_svctmpl_kcm-system_cert-manager-v1-19-3',
    ]);
    await expectValidEntity(entity);
  });

  it('maps an MCS without spec', async () => {
    const mcs = { ...multiClusterService('bare'), spec: undefined };
    const entity = multiClusterServiceEntity(
      testSnapshot([]),
      testConfig(),
      mcs,
    );
    expect(entity.spec).not.toHaveProperty('dependsOn');
    await expectValidEntity(entity);
  });

  it.each([
    [[condition('Ready', 'False', 'Failed', 'template missing')], 'Failed'],
    [[condition('Ready', 'False', 'Progressing')], 'Provisioning'],
    [[condition('Ready', 'False', 'Deleting')], 'Deleting'],
  ])('status %j → %s', (conditions, expected) => {
    const mcs = multiClusterService('m', { status: { conditions } });
    expect(
      multiClusterServiceEntity(testSnapshot([]), testConfig(), mcs).metadata
        .labels?.[`${LABEL}/status`],
    ).toBe(expected);
  });

  it('owner: annotation, else the system namespace owner, else the default', () => {
    const annotated = multiClusterService('m', {
      metadata: { annotations: { 'backstage.k0rdent.io/owner': 'user:jane' } },
    });
    expect(
      multiClusterServiceEntity(testSnapshot([]), testConfig(), annotated).spec
        ?.owner,
    ).toBe('user:default/jane');
    const config = testConfig();
    const noNamespaceOwner = testConfig({
      ownership: { ...config.ownership, namespaces: new Map() },
    });
    expect(
      multiClusterServiceEntity(
        testSnapshot([]),
        noNamespaceOwner,
        multiClusterService('m'),
      ).spec?.owner,
    ).toBe('group:default/everyone');
  });
});
