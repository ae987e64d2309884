import {
  K0RDENT_LABELS,
  clusterPhase,
  getCondition,
  isReady,
  tenantOf,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
  type MultiClusterService,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { parse } from 'yaml';
import type { KubeObject } from '../../store/types';
import { schemaFromConfigMap } from '../controllers/templates/schemaConfigMap';
import { mergeValues, validateValues } from '../catalog/valuesValidation';
import { injectedValues } from '../controllers/clusterDeployment/helmOutcome';
import { demoSeed } from './demoSeed';
import { emptySeed } from './emptySeed';
import { scaleSeed } from './scaleSeed';
import { DEFAULT_SEED_NOW } from './seedTime';

const key = (o: KubeObject) =>
  `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const ofKind = <T>(objects: KubeObject[], kind: string) =>
  objects.filter(o => o.kind === kind) as unknown as T[];
const find = <T>(
  objects: KubeObject[],
  kind: string,
  namespace: string | undefined,
  name: string,
) =>
  objects.find(
    o =>
      o.kind === kind &&
      o.metadata.namespace === namespace &&
      o.metadata.name === name,
  ) as unknown as T | undefined;

function countByKind(objects: KubeObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

/** Shared structural checks for every seed. */
function expectWellFormed(objects: KubeObject[]) {
  expect(new Set(objects.map(key)).size).toBe(objects.length);
  const firstOther = objects.findIndex(o => o.kind !== 'Namespace');
  expect(objects.slice(firstOther).some(o => o.kind === 'Namespace')).toBe(
    false,
  );
  const namespaces = new Set(
    ofKind<KubeObject>(objects, 'Namespace').map(n => n.metadata.name),
  );
  for (const o of objects) {
    if (o.metadata.namespace)
      expect([key(o), namespaces.has(o.metadata.namespace)]).toEqual([
        key(o),
        true,
      ]);
    expect(o.apiVersion).toBeTruthy();
    expect(Date.parse(o.metadata.creationTimestamp!)).toBeLessThanOrEqual(
      DEFAULT_SEED_NOW,
    );
  }
  // Every ClusterDeployment references a template and a credential of its own namespace.
  for (const cd of ofKind<ClusterDeployment>(objects, 'ClusterDeployment')) {
    const ns = cd.metadata.namespace;
    expect([
      cd.metadata.name,
      Boolean(find(objects, 'ClusterTemplate', ns, cd.spec!.template)),
    ]).toEqual([cd.metadata.name, true]);
    expect([
      cd.metadata.name,
      Boolean(find(objects, 'Credential', ns, cd.spec!.credential!)),
    ]).toEqual([cd.metadata.name, true]);
    expect(cd.metadata.finalizers).toContain(
      'k0rdent.mirantis.com/cluster-deployment',
    );
    expect(cd.status?.observedGeneration).toBe(1);
  }
}

describe('demoSeed', () => {
  const objects = demoSeed();
  const clusters = ofKind<ClusterDeployment>(objects, 'ClusterDeployment');
  const phases = (phase: string) =>
    clusters
      .filter(cd => clusterPhase(cd) === phase)
      .map(cd => cd.metadata.name)
      .sort();

  it('is deterministic and relative to "now"', () => {
    expect(JSON.stringify(demoSeed())).toBe(JSON.stringify(objects));
    const later = demoSeed({ now: DEFAULT_SEED_NOW + 86_400_000 });
    const cd = (list: KubeObject[]) =>
      find<ClusterDeployment>(
        list,
        'ClusterDeployment',
        'team-ml',
        'ml-gpu-aws',
      )!;
    expect(
      Date.parse(cd(later).metadata.creationTimestamp!) -
        Date.parse(cd(objects).metadata.creationTimestamp!),
    ).toBe(86_400_000);
  });

  it('is well formed', () => {
    expectWellFormed(objects);
    expect(objects.length).toBeGreaterThan(300);
  });

  it('has the expected shape', () => {
    expect(countByKind(objects)).toMatchObject({
      Namespace: 6,
      Management: 1,
      Release: 1,
      AccessManagement: 1,
      Region: 1,
      ClusterDeployment: 34,
      MultiClusterService: 6,
      PromxyServerGroup: 1,
    });
    expect(
      ofKind<KubeObject>(objects, 'Namespace').map(n => n.metadata.name),
    ).toEqual([
      'kcm-system',
      'kof',
      'team-payments',
      'team-data',
      'team-ml',
      'team-platform',
    ]);
    expect(new Set(clusters.map(tenantOf))).toEqual(
      new Set(['PLATFORM', 'payments', 'analytics', 'ml']),
    );
    expect(
      clusters
        .filter(
          cd =>
            cd.metadata.labels?.[K0RDENT_LABELS.kofClusterRole] === 'regional',
        )
        .map(c => c.metadata.name),
    ).toEqual(['kof-regional-usw2']);
  });

  it('has clusters in every phase, failing for the real reasons', () => {
    expect(phases('Failed')).toEqual(['os-staging', 'payments-aws-canary']);
    expect(phases('Deleting')).toEqual(['decommission-gcp']);
    expect(phases('Provisioning')).toEqual([
      'data-aws-spark',
      'edge-vsphere-02',
      'eu-prod-02',
      'ml-aws-hosted',
      'payments-eks-staging',
    ]);
    expect(phases('Ready')).toHaveLength(26);
    const byName = (name: string) =>
      clusters.find(c => c.metadata.name === name)!;
    expect(getCondition(byName('os-staging'), 'CredentialReady')?.message).toBe(
      'the Credential kcm-system/openstack-staging-cred is not ready',
    );
    expect(
      getCondition(byName('payments-aws-canary'), 'HelmReleaseReady'),
    ).toMatchObject({ status: 'False', reason: 'InstallFailed' });
    expect(byName('decommission-gcp').metadata.deletionTimestamp).toBeDefined();
    expect(getCondition(byName('decommission-gcp'), 'Deleting')?.reason).toBe(
      'WaitingForClusterDeletion',
    );
  });

  it('keeps statuses consistent with the phases', () => {
    const inPhase = (phase: string) =>
      clusters.filter(cd => clusterPhase(cd) === phase);
    const settled = [
      'CredentialReady',
      'TemplateReady',
      'HelmChartReady',
      'HelmReleaseReady',
      'CAPIClusterSummary',
      'ServicesInReadyState',
    ];
    for (const cd of inPhase('Ready')) {
      expect([
        cd.metadata.name,
        settled.map(t => getCondition(cd, t)?.status),
      ]).toEqual([cd.metadata.name, Array(6).fill('True')]);
      expect(
        (cd.status?.services ?? []).filter(s => s.state !== 'Deployed'),
      ).toEqual([]);
    }
    expect(
      new Set(
        inPhase('Provisioning').map(cd => getCondition(cd, 'Ready')?.reason),
      ),
    ).toEqual(new Set(['Progressing']));
    expect(
      new Set(
        inPhase('Failed').map(
          cd =>
            `${getCondition(cd, 'Ready')?.status}/${
              getCondition(cd, 'Ready')?.reason
            }`,
        ),
      ),
    ).toEqual(new Set(['False/Failed']));
  });

  it('offers upgrades from older templates and marks the regional clusters', () => {
    const byName = (name: string) =>
      clusters.find(c => c.metadata.name === name)!;
    expect(byName('sandbox-aws').status?.availableUpgrades).toEqual([
      'aws-standalone-cp-1-0-43',
    ]);
    expect(byName('payments-azure-dr').status?.availableUpgrades).toEqual([
      'azure-standalone-cp-1-0-45',
    ]);
    expect(byName('eu-hosted-01').status?.region).toBe('eu-region');
    expect(byName('payments-aws-dev').status?.servicesUpgradePaths).toEqual([
      expect.objectContaining({
        name: 'ingress-nginx',
        availableUpgrades: [
          { versions: [{ name: 'ingress-nginx-4-15-1', version: '4.15.1' }] },
        ],
      }),
    ]);
  });

  it('has valid shipped templates with schemas, copies in the team namespaces and one broken template', () => {
    const templates = ofKind<ClusterTemplate>(objects, 'ClusterTemplate');
    const system = templates.filter(t => t.metadata.namespace === 'kcm-system');
    expect(
      system.filter(t => !t.status?.valid).map(t => t.metadata.name),
    ).toEqual(['acme-aws-hardened-0-2-0']);
    for (const template of templates.filter(t => t.status?.valid)) {
      const schema = schemaFromConfigMap(
        find(
          objects,
          'ConfigMap',
          template.metadata.namespace,
          template.status!.schemaConfigMapName!,
        ),
      );
      expect([template.metadata.name, schema?.type]).toEqual([
        template.metadata.name,
        'object',
      ]);
    }
    const copies = templates.filter(t => t.metadata.namespace !== 'kcm-system');
    expect(copies.length).toBeGreaterThan(0);
    expect(
      copies.every(t => t.metadata.labels?.[K0RDENT_LABELS.managed] === 'true'),
    ).toBe(true);
    expect(
      ofKind<KubeObject>(objects, 'ServiceTemplate')
        .filter(t => t.metadata.namespace === 'kcm-system')
        .map(t => t.metadata.name),
    ).toEqual(
      expect.arrayContaining([
        'cert-manager-1-21-1',
        'ingress-nginx-4-14-3',
        'ingress-nginx-4-15-1',
        'kof-collectors-1-10-0',
        'kof-storage-1-10-0',
      ]),
    );
  });

  it('has one not-ready and one regional credential', () => {
    const credentials = ofKind<Credential>(objects, 'Credential').filter(
      c => c.metadata.namespace === 'kcm-system',
    );
    expect(
      credentials.filter(c => !isReady(c)).map(c => c.metadata.name),
    ).toEqual(['openstack-staging-cred']);
    expect(
      credentials
        .filter(c => c.spec?.region)
        .map(c => [c.metadata.name, c.spec?.region]),
    ).toEqual([['aws-eu-cred', 'eu-region']]);
  });

  it('rolls MultiClusterServices out, one depending on another, one on the management cluster only', () => {
    const services = ofKind<MultiClusterService>(
      objects,
      'MultiClusterService',
    );
    const byName = (name: string) =>
      services.find(s => s.metadata.name === name)!;
    expect(byName('prod-ingress').spec?.dependsOn).toEqual(['security-base']);
    expect(
      byName('mgmt-cert-manager').status?.matchingClusters,
    ).toBeUndefined();
    expect(
      getCondition(byName('mgmt-cert-manager'), 'ClusterInReadyState')?.message,
    ).toBe('1/1');
    expect(
      byName('kof-child-cluster').status?.matchingClusters?.length,
    ).toBeGreaterThan(15);
    const payments = clusters.find(
      c => c.metadata.name === 'payments-aws-prod',
    )!;
    expect(payments.status?.services?.map(s => s.name)).toEqual(
      expect.arrayContaining([
        'cert-manager',
        'ingress-nginx',
        'kof-operators',
        'kof-collectors',
        'kyverno',
        'external-dns',
      ]),
    );
  });

  it('has kubeconfig Secrets for clusters with a control plane on the management cluster', () => {
    const secrets = ofKind<KubeObject>(objects, 'Secret').filter(
      s =>
        s.metadata.name.endsWith('-kubeconfig') &&
        s.metadata.labels?.['cluster.x-k8s.io/cluster-name'],
    );
    const names = secrets.map(
      s => s.metadata.labels!['cluster.x-k8s.io/cluster-name'],
    );
    for (const cd of clusters.filter(
      c => clusterPhase(c) === 'Ready' && !c.status?.region,
    )) {
      expect(names).toContain(cd.metadata.name);
    }
    expect(names).not.toContain('eu-hosted-01');
    expect(names).not.toContain('os-staging');
    const kubeconfig = parse(
      Buffer.from(
        (secrets[0].data as { value: string }).value,
        'base64',
      ).toString(),
    );
    expect(kubeconfig).toMatchObject({ apiVersion: 'v1', kind: 'Config' });
  });

  it('has a PromxyServerGroup for the regional KOF cluster', () => {
    expect(ofKind<KubeObject>(objects, 'PromxyServerGroup')[0]).toMatchObject({
      metadata: { namespace: 'kof' },
      spec: {
        cluster_name: 'kof-regional-usw2',
        path_prefix: '/vm/select/0/prometheus',
        scheme: 'https',
      },
    });
  });
});

describe('emptySeed', () => {
  it('is a bare k0rdent', () => {
    const objects = emptySeed();
    expectWellFormed(objects);
    expect(countByKind(objects)).toEqual({
      Namespace: 2,
      Release: 1,
      Management: 1,
      ProviderInterface: 7,
      StateManagementProvider: 1,
      AccessManagement: 1,
      ManagementBackup: 1,
    });
  });
});

describe('scaleSeed', () => {
  it('generates 10,000 Ready clusters', () => {
    const objects = scaleSeed(10_000);
    const clusters = ofKind<ClusterDeployment>(objects, 'ClusterDeployment');
    expect(clusters).toHaveLength(10_000);
    expect(clusters[42].metadata.name).toBe('scale-00042');
    expect(clusters.every(cd => clusterPhase(cd) === 'Ready')).toBe(true);
    const namespaces = new Set(clusters.map(cd => cd.metadata.namespace));
    expect(namespaces.size).toBe(5);
    expect(
      new Set(clusters.map(cd => cd.spec?.template)).size,
    ).toBeGreaterThanOrEqual(10);
    expect(new Set(clusters.map(tenantOf)).size).toBeGreaterThan(20);
  });

  it('is deterministic and well formed', () => {
    const objects = scaleSeed(300);
    expect(JSON.stringify(scaleSeed(300))).toBe(JSON.stringify(objects));
    expectWellFormed(objects);
  });

  it('generates configs the charts accept', () => {
    const objects = scaleSeed(500);
    for (const cd of ofKind<ClusterDeployment>(objects, 'ClusterDeployment')) {
      const template = find<ClusterTemplate>(
        objects,
        'ClusterTemplate',
        cd.metadata.namespace,
        cd.spec!.template,
      )!;
      const credential = find<Credential>(
        objects,
        'Credential',
        cd.metadata.namespace,
        cd.spec!.credential!,
      );
      const schema = schemaFromConfigMap(
        find(
          objects,
          'ConfigMap',
          cd.metadata.namespace,
          template.status!.schemaConfigMapName!,
        ),
      )!;
      const values = mergeValues(
        template.status!.config!,
        injectedValues(cd, credential),
      );
      expect([cd.metadata.name, validateValues(schema, values)]).toEqual([
        cd.metadata.name,
        [],
      ]);
    }
  });
});
