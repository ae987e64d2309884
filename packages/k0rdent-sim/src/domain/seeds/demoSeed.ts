/*
 * The demo seed: a realistic k0rdent management cluster with ~35 clusters across
 * clouds, four KOF tenants plus PLATFORM, a Region, MultiClusterServices and KOF's
 * Promxy wiring. Every status is computed by the controllers' own functions, playing
 * each object's history forward to "now".
 */
import {
  CONDITION_TYPES,
  K0RDENT_ANNOTATIONS,
  K0RDENT_FINALIZERS,
  KCM_SYSTEM_NAMESPACE,
  getCondition,
  type ClusterDeployment,
  type JsonObject,
  type MultiClusterService,
  type Region,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { kubeconfigSecret } from '../controllers/clusterDeployment/kubeconfig';
import { servicesUpgradePathsOf } from '../controllers/chains/upgradePaths';
import { upgradeStatusOf } from '../controllers/chains/chainController';
import { planMultiClusterService } from '../controllers/multiClusterService/mcsPlan';
import { SERVICE_ROLLOUT_SHARE } from '../controllers/multiClusterService/multiClusterServiceController';
import {
  regionReadiness,
  regionStatus,
} from '../controllers/regions/regionController';
import { typed } from '../kube/objects';
import {
  replayBlocked,
  replayDeletion,
  replayInstall,
  settleCluster,
} from './clusterHistory';
import { settleCredentials } from './credentialObjects';
import { DEMO_FLEET, type FleetCluster } from './demoFleet';
import { multiClusterServiceObjects } from './demoMultiClusterServices';
import { promxyServerGroup } from './kofObjects';
import { COMPONENT_LABEL, object, withCreationTime } from './objectBuilders';
import { accessRules, managementBase, platformContent } from './platformBase';
import { SeedWorld } from './seedWorld';
import {
  DAY,
  HOUR,
  MINUTE,
  SEED_PROVISIONING_MS,
  seedNow,
  type SeedOptions,
} from './seedTime';
import { orderForLoading } from './loadOrder';

/** k0rdent was installed this long before "now". */
const INSTALLED_DAYS_AGO = 240;

/** CAPI wrote the kubeconfig once the control plane came up (regional clusters keep it there). */
function hasKubeconfig(cd: ClusterDeployment): boolean {
  const capi = getCondition(cd, CONDITION_TYPES.capiClusterSummary);
  const helm = getCondition(cd, CONDITION_TYPES.helmReleaseReady);
  const infrastructureOnly =
    capi?.status === 'False' &&
    capi.message.startsWith('* InfrastructureReady');
  return (
    Boolean(capi) &&
    !infrastructureOnly &&
    helm?.status === 'True' &&
    !cd.status?.region
  );
}

function clusterObject(
  cluster: FleetCluster,
  createdAt: number,
): ClusterDeployment {
  const spec: ClusterDeployment['spec'] = {
    template: cluster.template,
    credential: cluster.credential,
    config: structuredClone(cluster.config) as JsonObject,
    ...(cluster.cleanupOnDeletion ? { cleanupOnDeletion: true } : {}),
    ...(cluster.services
      ? {
          serviceSpec: {
            provider: { name: 'ksm-projectsveltos' },
            services: structuredClone(cluster.services),
          },
        }
      : {}),
  };
  return typed<ClusterDeployment>(
    object(
      'ClusterDeployment',
      {
        name: cluster.name,
        namespace: cluster.namespace,
        labels: { ...cluster.labels, ...COMPONENT_LABEL },
        ...(cluster.annotations ? { annotations: cluster.annotations } : {}),
        finalizers: [K0RDENT_FINALIZERS.clusterDeployment],
      },
      createdAt,
      { spec },
    ),
  );
}

/** When each cluster was created: days ago, or just long enough ago to be at its progress. */
function createdAtOf(cluster: FleetCluster, now: number): number {
  if (cluster.state.phase === 'Provisioning') {
    return now - Math.round(cluster.state.progress * SEED_PROVISIONING_MS);
  }
  return now - cluster.ageDays * DAY - (cluster.name.length % 7) * HOUR;
}

function playHistory(
  cd: ClusterDeployment,
  cluster: FleetCluster,
  world: SeedWorld,
  now: number,
): void {
  const createdAt = Date.parse(cd.metadata.creationTimestamp!);
  switch (cluster.state.phase) {
    case 'FailedCredential':
      replayBlocked(cd, world, createdAt + 5_000);
      break;
    case 'Deleting': {
      replayInstall(cd, world, createdAt, createdAt + SEED_PROVISIONING_MS);
      replayDeletion(cd, world, now - cluster.state.minutesAgo * MINUTE, now);
      break;
    }
    default:
      replayInstall(
        cd,
        world,
        createdAt,
        cluster.state.phase === 'Provisioning'
          ? now
          : createdAt + SEED_PROVISIONING_MS,
      );
  }
}

/** Rolls the MultiClusterServices out over the Ready clusters, as the controller did. */
function settleMultiClusterServices(
  multiClusterServices: MultiClusterService[],
  clusters: ClusterDeployment[],
  ready: ClusterDeployment[],
  world: SeedWorld,
  now: number,
): void {
  const serviceRolloutMs = SERVICE_ROLLOUT_SHARE * SEED_PROVISIONING_MS;
  const byKey = new Map(
    clusters.map(cd => [`${cd.metadata.namespace}/${cd.metadata.name}`, cd]),
  );
  const chains = world.serviceTemplateChains(KCM_SYSTEM_NAMESPACE);
  const planAll = (targets: ClusterDeployment[], at: number): boolean => {
    let changed = false;
    for (const mcs of multiClusterServices) {
      const plan = planMultiClusterService({
        mcs,
        clusters: targets,
        multiClusterServices,
        credential: (ns, name) => world.credential(ns, name),
        serviceTemplate: (ns, name) => world.serviceTemplate(ns, name),
        upgradePaths: servicesUpgradePathsOf(
          mcs.spec?.serviceSpec?.services ?? [],
          chains,
          name => world.serviceTemplate(KCM_SYSTEM_NAMESPACE, name),
        ),
        now: at,
        serviceRolloutMs,
      });
      for (const [key, services] of plan.clusterServices) {
        const cd = byKey.get(key)!;
        const { services: _old, ...rest } = cd.status ?? {};
        cd.status = services.length > 0 ? { ...rest, services } : rest;
        changed = true;
      }
      mcs.status = plan.status;
    }
    return changed;
  };
  const start = now - 2 * HOUR;
  for (let round = 0; round < 20; round++) {
    if (!planAll(ready, start + round * serviceRolloutMs)) break;
  }
  planAll(clusters, now);
}

export function demoSeed(options: SeedOptions = {}): KubeObject[] {
  const now = seedNow(options);
  const installedAt = now - INSTALLED_DAYS_AGO * DAY;
  const times = { installedAt, now };
  const rules = accessRules(installedAt);

  const objects: KubeObject[] = [
    ...managementBase(times, true, rules),
    ...platformContent(times, rules),
  ];
  const region = object(
    'Region',
    { name: 'eu-region', labels: COMPONENT_LABEL },
    now - 115 * DAY,
    {
      spec: {
        clusterDeployment: {
          name: 'eu-regional-mgmt',
          namespace: KCM_SYSTEM_NAMESPACE,
        },
        providers: [
          { name: 'cluster-api-provider-k0sproject-k0smotron' },
          { name: 'cluster-api-provider-aws' },
          { name: 'projectsveltos' },
        ],
      },
    },
  );
  objects.push(region);
  settleCredentials(objects, installedAt + DAY + 10 * MINUTE);

  const multiClusterServices = multiClusterServiceObjects(now - 100 * DAY);
  const world = new SeedWorld([...objects, ...multiClusterServices]);

  const clusters = DEMO_FLEET.map(cluster => {
    const cd = clusterObject(cluster, createdAtOf(cluster, now));
    world.add(cd as unknown as KubeObject);
    return { cluster, cd };
  });
  for (const { cluster, cd } of clusters) playHistory(cd, cluster, world, now);

  const all = clusters.map(c => c.cd);
  const ready = clusters
    .filter(c => c.cluster.state.phase === 'Ready')
    .map(c => c.cd);
  settleMultiClusterServices(
    multiClusterServices.map(m => typed<MultiClusterService>(m)),
    all,
    ready,
    world,
    now,
  );
  for (const cd of ready) settleCluster(cd, world, now);
  for (const cd of all) {
    Object.assign(
      (cd.status ??= {}),
      upgradeStatusOf(
        cd,
        world.clusterTemplateChains(cd.metadata.namespace),
        world.serviceTemplateChains(cd.metadata.namespace),
        name => world.serviceTemplate(cd.metadata.namespace, name),
      ),
    );
  }

  typed<Region>(region).status = regionStatus(
    typed<Region>(region),
    regionReadiness(
      typed<Region>(region),
      (ns, name) =>
        all.find(
          cd => cd.metadata.namespace === ns && cd.metadata.name === name,
        ),
      () => false,
    ),
    now - 110 * DAY,
  );

  const kubeconfigs = all
    .filter(hasKubeconfig)
    .map(cd =>
      withCreationTime(
        kubeconfigSecret(cd),
        Date.parse(cd.metadata.creationTimestamp!) + 0.7 * SEED_PROVISIONING_MS,
      ),
    );

  const regional = DEMO_FLEET.find(c => c.name === 'kof-regional-usw2')!;
  const domain = (regional.config.clusterAnnotations as Record<string, string>)[
    K0RDENT_ANNOTATIONS.kofRegionalDomain
  ];

  return orderForLoading([
    ...objects,
    ...all.map(cd => cd as unknown as KubeObject),
    ...multiClusterServices,
    ...kubeconfigs,
    promxyServerGroup(
      regional.name,
      domain,
      createdAtOf(regional, now) + 3 * HOUR,
    ),
  ]);
}
