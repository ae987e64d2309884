import { clusterTemplateEntity, serviceTemplateEntity } from './templates';
import {
  clusterTemplate,
  expectValidEntity,
  serviceTemplate,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const LABEL = 'backstage.k0rdent.io';
const copyLabels = { 'k0rdent.mirantis.com/managed': 'true' };

describe('clusterTemplateEntity', () => {
  it('maps a valid shipped template', async () => {
    const template = clusterTemplate('aws-standalone-cp-1-0-43', {
      metadata: { labels: { 'helm.toolkit.fluxcd.io/name': 'kcm-templates' } },
      status: {
        valid: true,
        description: 'A KCM template to deploy a k0s cluster on AWS.',
        providers: ['bootstrap-k0sproject-k0smotron', 'infrastructure-aws'],
        config: { k0s: { version: 'v1.36.3+k0s.2' }, region: '' },
      },
    });
    const entity = clusterTemplateEntity(
      testSnapshot([template]),
      testConfig(),
      template,
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
        namespace: 'default',
        title: 'aws-standalone-cp-1-0-43',
        description: 'A KCM template to deploy a k0s cluster on AWS.',
        annotations: {
          'backstage.io/managed-by-location': 'k0rdent:mgmt',
          'backstage.io/managed-by-origin-location': 'k0rdent:mgmt',
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/kind`]: 'ClusterTemplate',
          [`${LABEL}/namespace`]: 'kcm-system',
          [`${LABEL}/name`]: 'aws-standalone-cp-1-0-43',
          [`${LABEL}/kubernetes-version`]: 'v1.36.3+k0s.2',
        },
        labels: {
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/namespace`]: 'kcm-system',
          [`${LABEL}/status`]: 'Valid',
          [`${LABEL}/provider`]: 'aws',
          [`${LABEL}/kubernetes-version`]: 'v1.36.3-k0s.2',
        },
        tags: ['k0rdent', 'aws'],
      },
      spec: {
        type: 'k0rdent-cluster-template',
        owner: 'group:default/platform',
        lifecycle: 'production',
      },
    });
    await expectValidEntity(entity!);
  });

  it('maps an invalid template and one without status', async () => {
    const invalid = clusterTemplate('broken', {
      status: { valid: false, validationError: 'chart not found' },
    });
    const invalidEntity = clusterTemplateEntity(
      testSnapshot([]),
      testConfig(),
      invalid,
    )!;
    expect(invalidEntity.metadata.labels?.[`${LABEL}/status`]).toBe('Invalid');
    expect(invalidEntity.metadata).not.toHaveProperty('description');

    const fresh = clusterTemplate('fresh', {
      spec: { k8sVersion: 'v1.36.3', providers: ['infrastructure-gcp'] },
    });
    const freshEntity = clusterTemplateEntity(
      testSnapshot([]),
      testConfig(),
      fresh,
    )!;
    expect(freshEntity.metadata.labels).not.toHaveProperty(`${LABEL}/status`);
    expect(freshEntity.metadata.labels?.[`${LABEL}/provider`]).toBe('gcp');
    expect(freshEntity.metadata.labels?.[`${LABEL}/kubernetes-version`]).toBe(
      'v1.36.3',
    );
    await expectValidEntity(invalidEntity);
    await expectValidEntity(freshEntity);
  });

  it('leaves out AccessManagement copies outside the system namespace', () => {
    const copy = clusterTemplate('t', {
      metadata: { namespace: 'team-b', labels: copyLabels },
    });
    expect(
      clusterTemplateEntity(testSnapshot([copy]), testConfig(), copy),
    ).toBeUndefined();
  });

  it("keeps a team's own template, and a managed-labelled one in the system namespace", () => {
    const own = clusterTemplate('t', { metadata: { namespace: 'team-b' } });
    const ownEntity = clusterTemplateEntity(
      testSnapshot([own]),
      testConfig(),
      own,
    );
    expect(ownEntity?.metadata.name).toBe('mgmt_clustertmpl_team-b_t');
    expect(ownEntity?.spec?.owner).toBe('group:default/team-b');
    const labelled = clusterTemplate('t', { metadata: { labels: copyLabels } });
    expect(
      clusterTemplateEntity(testSnapshot([labelled]), testConfig(), labelled),
    ).toBeDefined();
  });

  it('takes the owner annotation over the namespace owner', () => {
    const template = clusterTemplate('t', {
      metadata: {
        annotations: { 'backstage.k0rdent.io/owner': 'group:default/sre' },
      },
    });
    expect(
      clusterTemplateEntity(testSnapshot([]), testConfig(), template)?.spec
        ?.owner,
    ).toBe('group:default/sre');
  });
});

describe('serviceTemplateEntity', () => {
  it('maps a service template with its description', async () => {
    const template = serviceTemplate('ingress-nginx-4-15-1', {
      status: { valid: true, description: 'Ingress controller for Kubernetes' },
    });
    const entity = serviceTemplateEntity(
      testSnapshot([]),
      testConfig(),
      template,
    )!;
    expect(entity.metadata.name).toBe(
      'mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
    );
    expect(entity.metadata.description).toBe(
      'Ingress controller for Kubernetes',
    );
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Valid');
    expect(entity.metadata.tags).toEqual(['k0rdent']);
    expect(entity.spec).toEqual({
      type: 'k0rdent-service-template',
      owner: 'group:default/platform',
      lifecycle: 'production',
    });
    await expectValidEntity(entity);
  });

  it('leaves out copies', () => {
    const copy = serviceTemplate('s', {
      metadata: { namespace: 'team-b', labels: copyLabels },
    });
    expect(
      serviceTemplateEntity(testSnapshot([]), testConfig(), copy),
    ).toBeUndefined();
  });
});
