import type {
  ClusterTemplate,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../../store/types';
import { startHarness } from '../../testing/controllerHarness';
import { NS, fixtureObjects } from '../../testing/fixtures';

describe('TemplateController', () => {
  it('marks templates of known charts valid, with providers, defaults and a schema ConfigMap', () => {
    const h = startHarness({ objects: fixtureObjects() });
    const template = h.get<ClusterTemplate>(
      'ClusterTemplate',
      'aws-standalone-cp-1-0-43',
      NS,
    )!;
    expect(template.metadata.labels).toMatchObject({
      'k0rdent.mirantis.com/component': 'kcm',
    });
    expect(template.status).toMatchObject({
      valid: true,
      description:
        'A KCM template to deploy a k0s cluster on AWS with bootstrapped control plane nodes.',
      chartRef: {
        kind: 'HelmChart',
        name: 'aws-standalone-cp-1-0-43',
        namespace: NS,
      },
      chartVersion: '1.0.43',
      providers: [
        'bootstrap-k0sproject-k0smotron',
        'control-plane-k0sproject-k0smotron',
        'infrastructure-aws',
      ],
      providerContracts: { 'infrastructure-aws': 'v1beta2' },
      schemaConfigMapName: 'schema-ct-aws-standalone-cp-1-0-43',
      observedGeneration: 1,
    });
    expect(template.status?.config).toMatchObject({
      controlPlaneNumber: 3,
      workersNumber: 2,
      region: '',
      k0s: { version: 'v1.36.3+k0s.2' },
    });
    const schema = h.get<KubeObject>(
      'ConfigMap',
      'schema-ct-aws-standalone-cp-1-0-43',
      NS,
    )!;
    expect(
      JSON.parse((schema.data as { schema: string }).schema),
    ).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['region', 'controlPlaneNumber']),
    });
    expect(
      h.get<ClusterTemplate>('ClusterTemplate', 'aws-standalone-cp-1-0-40', NS)
        ?.status?.config,
    ).toMatchObject({
      k0s: { version: 'v1.35.6+k0s.0' },
    });
    const service = h.get<ServiceTemplate>(
      'ServiceTemplate',
      'ingress-nginx-4-15-1',
      NS,
    )!;
    expect(service.status).toMatchObject({
      valid: true,
      chartVersion: '4.15.1',
      schemaConfigMapName: 'schema-st-ingress-nginx-4-15-1',
    });
    expect(service.status?.config).toMatchObject({
      'ingress-nginx': { controller: { replicaCount: 1 } },
    });
    h.stop();
  });

  it('marks templates whose chart cannot be pulled invalid', () => {
    const h = startHarness({ objects: fixtureObjects() });
    expect(
      h.get<ClusterTemplate>('ClusterTemplate', 'mystery-0-1-0', NS)?.status,
    ).toEqual({
      valid: false,
      validationError:
        "HelmChart kcm-system/mystery-0-1-0 is not ready: chart pull error: failed to get chart version for remote reference: no 'mystery' chart with version matching '0.1.0' found in HelmRepository kcm-system/elsewhere",
      observedGeneration: 1,
    });
    h.stop();
  });

  it('keeps a status already observed for the generation (seeded as broken)', () => {
    const objects = fixtureObjects();
    const seeded = objects.find(
      o => o.metadata.name === 'aws-standalone-cp-1-0-43',
    )!;
    seeded.status = {
      valid: false,
      validationError: 'chart signature verification failed',
      observedGeneration: 1,
    };
    const h = startHarness({ objects });
    expect(
      h.get<ClusterTemplate>('ClusterTemplate', 'aws-standalone-cp-1-0-43', NS)
        ?.status,
    ).toEqual(seeded.status);
    h.stop();
  });
});
