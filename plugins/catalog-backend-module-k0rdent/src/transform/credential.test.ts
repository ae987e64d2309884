import { credentialEntity } from './credential';
import {
  credential,
  expectValidEntity,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const LABEL = 'backstage.k0rdent.io';

describe('credentialEntity', () => {
  it('maps a credential with a region, and nothing of its identity', async () => {
    const cred = credential('aws-eu-cred', {
      spec: {
        region: 'eu-region',
        description: 'AWS account for the EU region',
        identityRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          kind: 'AWSClusterStaticIdentity',
          name: 'aws-eu-identity',
        },
      },
      status: { ready: true },
    });
    const entity = credentialEntity(testSnapshot([cred]), testConfig(), cred)!;
    expect(entity.metadata).toMatchObject({
      name: 'mgmt_cred_kcm-system_aws-eu-cred',
      title: 'aws-eu-cred',
      description: 'AWS account for the EU region',
      labels: {
        [`${LABEL}/status`]: 'Ready',
        [`${LABEL}/region`]: 'eu-region',
      },
      tags: ['k0rdent'],
    });
    expect(entity.spec).toEqual({
      type: 'k0rdent-credential',
      owner: 'group:default/platform',
      lifecycle: 'production',
      dependsOn: ['resource:default/mgmt_rgn_eu-region'],
    });
    const text = JSON.stringify(entity);
    expect(text).not.toContain('aws-eu-identity');
    expect(text).not.toContain('AWSClusterStaticIdentity');
    await expectValidEntity(entity);
  });

  it('maps a credential that is not ready, without region or description', async () => {
    const cred = credential('c');
    const entity = credentialEntity(testSnapshot([]), testConfig(), cred)!;
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('NotReady');
    expect(entity.metadata).not.toHaveProperty('description');
    expect(entity.spec).not.toHaveProperty('dependsOn');
    await expectValidEntity(entity);
  });

  it('leaves out AccessManagement copies', () => {
    const copy = credential('c', {
      metadata: {
        namespace: 'team-b',
        labels: { 'k0rdent.mirantis.com/managed': 'true' },
      },
    });
    expect(
      credentialEntity(testSnapshot([]), testConfig(), copy),
    ).toBeUndefined();
  });

  it('does not point at Regions when they are not ingested', () => {
    const cred = credential('c', { spec: { region: 'eu' } as any });
    const entity = credentialEntity(
      testSnapshot([]),
      testConfig({ kinds: new Set(['Credential']) }),
      cred,
    )!;
    expect(entity.spec).not.toHaveProperty('dependsOn');
    expect(entity.metadata.labels?.[`${LABEL}/region`]).toBe('eu');
  });
});
