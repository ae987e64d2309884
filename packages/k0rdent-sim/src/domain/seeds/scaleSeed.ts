/*
 * The benchmark seed: the demo's templates and credentials plus `n` Ready
 * ClusterDeployments (`scale-00000` …) spread over namespaces, clouds, environments
 * and KOF tenants, with their kubeconfig Secrets. Deterministic (seeded PRNG) and fast:
 * one status computation per cluster, no services, no MultiClusterServices.
 */
import {
  type ClusterDeploymentStatus,
  K0RDENT_FINALIZERS,
  K0RDENT_LABELS,
  KCM_SYSTEM_NAMESPACE,
  type ClusterDeployment,
  type JsonObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { upgradeStatusOf } from '../controllers/chains/chainController';
import { installRollout } from '../controllers/clusterDeployment/resume';
import {
  regionReadiness,
  regionStatus,
} from '../controllers/regions/regionController';
import type { Region } from '@k0rdent-backstage/plugin-k0rdent-common';
import { typed } from '../kube/objects';
import { clusterContext } from './clusterHistory';
import { succeededHelmOutcome } from '../controllers/clusterDeployment/helmOutcome';
import { rolloutStatus } from '../controllers/clusterDeployment/clusterStatus';
import * as config from './clusterConfigs';
import { settleCredentials } from './credentialObjects';
import { TEAM_NAMESPACES } from './demoFleet';
import { orderForLoading } from './loadOrder';
import { kubeconfigSecret } from '../controllers/clusterDeployment/kubeconfig';
import {
  COMPONENT_LABEL,
  object,
  secret,
  withCreationTime,
} from './objectBuilders';
import {
  TEAM_CREDENTIALS,
  accessRules,
  managementBase,
  platformContent,
} from './platformBase';
import { Prng } from './prng';
import { SeedWorld } from './seedWorld';
import {
  DAY,
  MINUTE,
  SEED_PROVISIONING_MS,
  seedNow,
  toKubeTime,
  type SeedOptions,
} from './seedTime';
import { CLUSTER_TEMPLATE as CT } from './templateObjects';

type Cloud = 'aws' | 'azure' | 'gcp' | 'openstack' | 'vsphere';

interface Family {
  cloud: Cloud;
  template: string;
  /** Weight among families. */
  weight: number;
  config(rng: Prng): JsonObject;
  /** Only kcm-system has credentials for it. */
  systemOnly?: boolean;
}

const AWS_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
];
const AZURE_LOCATIONS = ['westeurope', 'northeurope', 'eastus', 'westus2'];
const GCP_REGIONS = ['us-central1', 'us-east1', 'europe-west1', 'asia-east1'];

const FAMILIES: Family[] = [
  {
    cloud: 'aws',
    template: CT['aws-standalone-cp'],
    weight: 30,
    config: r =>
      config.awsStandalone(
        r.pick(AWS_REGIONS),
        r.pick(['m5.large', 'm5.xlarge']),
        r.pick(['t3.xlarge', 'm5.2xlarge', 'c5.2xlarge']),
        r.int(2, 8),
      ),
  },
  {
    cloud: 'aws',
    template: 'aws-standalone-cp-1-0-40',
    weight: 3,
    config: r =>
      config.awsStandalone(
        r.pick(AWS_REGIONS),
        't3.large',
        't3.xlarge',
        r.int(1, 4),
        1,
      ),
  },
  {
    cloud: 'aws',
    template: CT['aws-eks'],
    weight: 12,
    config: r =>
      config.awsEks(
        r.pick(AWS_REGIONS),
        r.pick(['m5.large', 'm5.xlarge']),
        r.int(2, 10),
      ),
  },
  {
    cloud: 'aws',
    template: CT['aws-hosted-cp'],
    weight: 5,
    config: r =>
      config.awsHosted(
        r.pick(AWS_REGIONS),
        r.pick(['t3.large', 't3.xlarge']),
        r.int(1, 5),
      ),
  },
  {
    cloud: 'azure',
    template: CT['azure-standalone-cp'],
    weight: 12,
    config: r =>
      config.azureStandalone(
        r.pick(AZURE_LOCATIONS),
        'Standard_D4s_v5',
        r.pick(['Standard_D4s_v5', 'Standard_D8s_v5']),
        r.int(2, 6),
      ),
  },
  {
    cloud: 'azure',
    template: 'azure-standalone-cp-1-0-44',
    weight: 2,
    config: r =>
      config.azureStandalone(
        r.pick(AZURE_LOCATIONS),
        'Standard_D4s_v5',
        'Standard_D4s_v5',
        r.int(1, 3),
        1,
      ),
  },
  {
    cloud: 'azure',
    template: CT['azure-aks'],
    weight: 8,
    config: r =>
      config.azureAks(
        r.pick(AZURE_LOCATIONS),
        r.pick(['Standard_D4s_v5', 'Standard_E8s_v5']),
        3,
        r.int(1, 6),
      ),
  },
  {
    cloud: 'gcp',
    template: CT['gcp-gke'],
    weight: 14,
    config: r =>
      config.gcpGke(
        'acme-fleet',
        r.pick(GCP_REGIONS),
        r.pick(['e2-standard-4', 'n2-standard-8']),
        r.int(1, 4) * 3,
      ),
  },
  {
    cloud: 'gcp',
    template: CT['gcp-standalone-cp'],
    weight: 6,
    config: r =>
      config.gcpStandalone(
        'acme-fleet',
        r.pick(GCP_REGIONS),
        'n2-standard-4',
        r.pick(['n2-standard-8', 'c2-standard-8']),
        r.int(2, 6),
      ),
  },
  {
    cloud: 'openstack',
    template: CT['openstack-standalone-cp'],
    weight: 4,
    systemOnly: true,
    config: r =>
      config.openstackStandalone(
        'RegionOne',
        'm1.large',
        r.pick(['m1.large', 'm1.xlarge']),
        r.int(2, 5),
      ),
  },
  {
    cloud: 'vsphere',
    template: CT['vsphere-standalone-cp'],
    weight: 4,
    systemOnly: true,
    config: r =>
      config.vsphereStandalone(
        `10.40.${r.int(0, 255)}.${r.int(1, 254)}`,
        4,
        8192,
        r.int(2, 5),
      ),
  },
];

/** The credential for a cloud in a namespace (team namespaces only have their own). */
function credentialFor(namespace: string, family: Family): string | undefined {
  if (namespace === KCM_SYSTEM_NAMESPACE) {
    if (family.template === CT['azure-aks']) return 'azure-aks-cred';
    return `${family.cloud}-cred`;
  }
  const teamCredentials =
    TEAM_CREDENTIALS[namespace as (typeof TEAM_NAMESPACES)[number]] ?? [];
  const aks = family.template === CT['azure-aks'];
  return teamCredentials.find(name =>
    aks
      ? name.startsWith('azure-aks') || name.startsWith('azure')
      : name.startsWith(`${family.cloud}-`) && !name.startsWith('azure-aks'),
  );
}

const TEAM_TENANT: Record<string, string | undefined> = {
  'team-payments': 'payments',
  'team-data': 'analytics',
  'team-ml': 'ml',
  'team-platform': undefined,
};

const SYSTEM_TENANTS = [
  'retail',
  'logistics',
  'marketing',
  'finance',
  'hr-apps',
  'search',
  'checkout',
  'identity',
  'media',
  'iot',
  'risk',
  'billing',
  'support',
  'growth',
  'catalog',
  'warehouse',
  'fraud',
  'recsys',
  'mobile',
  'edge',
];

/** Most kcm-system clusters belong to a business unit's tenant, a few to PLATFORM. */
function systemTenant(rng: Prng): string | undefined {
  return rng.next() < 0.8 ? rng.pick(SYSTEM_TENANTS) : undefined;
}

const NAMESPACE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  [KCM_SYSTEM_NAMESPACE, 40],
  ...TEAM_NAMESPACES.map(ns => [ns, 15] as const),
];

/** A status computed for one cluster, moved to another cluster's name and ready time. */
function restamp(
  status: ClusterDeploymentStatus,
  from: string,
  to: string,
  at: string,
): ClusterDeploymentStatus {
  return {
    ...status,
    conditions: status.conditions?.map(c => ({
      ...c,
      lastTransitionTime: at,
      message: c.message.replace(`/${from}.v`, `/${to}.v`),
    })),
  };
}

export function scaleSeed(n: number, options: SeedOptions = {}): KubeObject[] {
  const now = seedNow(options);
  const installedAt = now - 400 * DAY;
  const times = { installedAt, now };
  const rules = accessRules(installedAt);
  const objects: KubeObject[] = [
    ...managementBase(times, true, rules),
    ...platformContent(times, rules),
  ];

  // A Region registered by kubeconfig, so that the regional credential is usable.
  const region = object(
    'Region',
    { name: 'eu-region', labels: COMPONENT_LABEL },
    installedAt + DAY,
    {
      spec: { kubeConfig: { name: 'eu-region-kubeconfig', key: 'value' } },
    },
  );
  typed<Region>(region).status = regionStatus(
    typed<Region>(region),
    regionReadiness(
      typed<Region>(region),
      () => undefined,
      () => true,
    ),
    installedAt + DAY + 10 * MINUTE,
  );
  objects.push(
    region,
    secret('eu-region-kubeconfig', KCM_SYSTEM_NAMESPACE, installedAt + DAY, {
      value: 'apiVersion: v1\nkind: Config\n',
    }),
  );
  settleCredentials(objects, installedAt + DAY + 10 * MINUTE);

  const world = new SeedWorld(objects);
  const chains = new Map<
    string,
    ReturnType<SeedWorld['clusterTemplateChains']>
  >();
  const chainsIn = (kind: 'cluster' | 'service', ns: string) => {
    const key = `${kind}/${ns}`;
    if (!chains.has(key)) {
      chains.set(
        key,
        kind === 'cluster'
          ? world.clusterTemplateChains(ns)
          : world.serviceTemplateChains(ns),
      );
    }
    return chains.get(key)!;
  };

  // Clusters of the same namespace, template and credential differ only in name and
  // time: the controller's status is computed once per such shape, then re-stamped.
  const shapes = new Map<
    string,
    { status: ClusterDeploymentStatus; createdAt: number; name: string }
  >();
  const readyStatus = (
    cd: ClusterDeployment,
    readyAt: number,
  ): ClusterDeploymentStatus => {
    const createdAt = readyAt - SEED_PROVISIONING_MS;
    const shape = `${cd.metadata.namespace}/${cd.spec!.template}/${
      cd.spec!.credential
    }`;
    const known = shapes.get(shape);
    if (known)
      return restamp(
        known.status,
        known.name,
        cd.metadata.name,
        toKubeTime(readyAt),
      );
    const context = clusterContext(cd, world, readyAt);
    const rollout = installRollout(cd, createdAt, SEED_PROVISIONING_MS);
    // Generated configs are valid by construction (the seed tests check them against the schemas).
    rollout.helmOutcome = succeededHelmOutcome(
      'install',
      cd,
      context.template,
      1,
    );
    const status = {
      ...rolloutStatus(cd, rollout, context),
      ...upgradeStatusOf(
        cd,
        chainsIn('cluster', cd.metadata.namespace!),
        chainsIn('service', cd.metadata.namespace!),
        () => undefined,
      ),
    };
    shapes.set(shape, { status, createdAt, name: cd.metadata.name });
    return status;
  };

  const rng = new Prng(0x6b30726e ^ n);
  const families = (ns: string) =>
    FAMILIES.filter(
      f =>
        (!f.systemOnly || ns === KCM_SYSTEM_NAMESPACE) && credentialFor(ns, f),
    ).map(f => [f, f.weight] as const);
  const clusters: KubeObject[] = [];
  const kubeconfigs: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const namespace = rng.weighted(NAMESPACE_WEIGHTS);
    const family = rng.weighted(families(namespace));
    // Labels deliberately outside the demo's MultiClusterService selectors (no
    // kof-version, other env values): merged with the demo seed, the benchmark fleet stays still.
    const env = rng.weighted([
      ['production', 3],
      ['preprod', 2],
      ['dev', 5],
    ] as const);
    const tenant =
      namespace === KCM_SYSTEM_NAMESPACE
        ? systemTenant(rng)
        : TEAM_TENANT[namespace];
    const regional = i % 250 === 7;
    const labels: Record<string, string> = {
      env,
      team: tenant ?? 'platform',
      [K0RDENT_LABELS.kofClusterRole]: regional ? 'regional' : 'child',
      ...(tenant && !regional ? { [K0RDENT_LABELS.kofTenantId]: tenant } : {}),
      ...COMPONENT_LABEL,
    };
    const createdAt = now - rng.int(1, 360) * DAY - rng.int(0, 86_399) * 1000;
    const cd = typed<ClusterDeployment>(
      object(
        'ClusterDeployment',
        {
          name: `scale-${String(i).padStart(5, '0')}`,
          namespace,
          labels,
          finalizers: [K0RDENT_FINALIZERS.clusterDeployment],
        },
        createdAt,
        {
          spec: {
            template: family.template,
            credential: credentialFor(namespace, family)!,
            config: family.config(rng),
          },
        },
      ),
    );
    const readyAt = createdAt + SEED_PROVISIONING_MS;
    cd.status = readyStatus(cd, readyAt);
    clusters.push(cd as unknown as KubeObject);
    if (!cd.status.region) {
      kubeconfigs.push(
        withCreationTime(
          kubeconfigSecret(cd),
          readyAt - 0.3 * SEED_PROVISIONING_MS,
        ),
      );
    }
  }
  return orderForLoading([...objects, ...clusters, ...kubeconfigs]);
}
