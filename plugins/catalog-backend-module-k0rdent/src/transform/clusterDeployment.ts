/*
 * ClusterDeployment → Resource of type kubernetes-cluster.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_ANNOTATIONS,
  ENTITY_LABELS,
  ENTITY_TYPES,
  infrastructureProviderOf,
  k0rdentEntityName,
  KUBERNETES_PLUGIN_ANNOTATIONS,
  kofRoleOf,
  kubernetesVersionOf,
  tenantOf,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
  cloudRegionFromConfig,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import {
  createContext,
  ingests,
  nonEmpty,
  type TransformContext,
} from './context';
import { buildEntity, refList } from './entity';
import { phaseStatus } from './facets';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  resolveNamespacedReference,
  resourceRef,
  tenantSystemRef,
} from './references';
import { activeServiceTemplates } from './services';
import { keyOf, type FleetSnapshot } from './snapshot';

/**
 * The Resource entity of a ClusterDeployment.
 *
 * @remarks
 * - `dependsOn`: its ClusterTemplate, its Credential, its Region and the
 *   ServiceTemplates of its own (enabled, installed) services, each resolved
 *   in the cluster's namespace, with AccessManagement copies standing for the
 *   original in the system namespace.
 * - `system`: the System of its KOF tenant (the tenant label, `PLATFORM` without it).
 * - Facets: status (Ready, Provisioning, Failed, Deleting), provider (from the
 *   template), region (KCM Region), cloud region, Kubernetes version,
 *   template, KOF role, tenant.
 * - Ready clusters carry `backstage.io/kubernetes-cluster` and
 *   `backstage.io/kubernetes-id` = the entity name: the name under which the
 *   Kubernetes backend's k0rdent module supplies the cluster.
 *
 * Relations only point at kinds that are ingested.
 *
 * @public
 */
export function clusterDeploymentEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  cluster: ClusterDeployment,
): Entity {
  return clusterDeploymentToEntity(createContext(snapshot, config), cluster);
}

/** {@link clusterDeploymentEntity} with a prepared context. */
export function clusterDeploymentToEntity(
  ctx: TransformContext,
  cluster: ClusterDeployment,
): Entity {
  const { managementCluster, config } = ctx;
  const { name, namespace } = cluster.metadata;

  const template = resolveNamespacedReference(
    ctx,
    'ClusterTemplate',
    namespace,
    cluster.spec?.template,
  );
  const credential = resolveNamespacedReference(
    ctx,
    'Credential',
    namespace,
    cluster.spec?.credential,
  );
  const templateObject = template?.object as ClusterTemplate | undefined;
  const credentialObject = credential?.object as Credential | undefined;

  const region =
    nonEmpty(cluster.status?.region) ??
    nonEmpty(credentialObject?.spec?.region);
  const tenant = tenantOf(cluster);
  const provider = infrastructureProviderOf(templateObject);
  const kubernetesVersion = kubernetesVersionOf(cluster, templateObject);
  const status = phaseStatus(cluster);
  const entityName = k0rdentEntityName({
    managementCluster,
    kind: 'ClusterDeployment',
    namespace,
    name,
  });

  const dependsOn = refList([
    ingests(ctx, 'ClusterTemplate') ? template?.entityRef : undefined,
    ingests(ctx, 'Credential') ? credential?.entityRef : undefined,
    ingests(ctx, 'Region') && region
      ? resourceRef(managementCluster, 'Region', undefined, region)
      : undefined,
    ...(ingests(ctx, 'ServiceTemplate')
      ? activeServiceTemplates(cluster.spec?.serviceSpec).map(
          service =>
            resolveNamespacedReference(
              ctx,
              'ServiceTemplate',
              namespace,
              service,
            )?.entityRef,
        )
      : []),
  ]);

  return buildEntity(ctx, {
    kind: 'Resource',
    name: entityName,
    title: name,
    source: keyOf(cluster),
    annotations: {
      [ENTITY_ANNOTATIONS.kubernetesVersion]: kubernetesVersion,
      // Only Ready clusters are supplied to the Kubernetes plugin. Without the
      // cluster annotation the Kubernetes tab would ask every cluster.
      ...(status === 'Ready'
        ? {
            [KUBERNETES_PLUGIN_ANNOTATIONS.cluster]: entityName,
            [KUBERNETES_PLUGIN_ANNOTATIONS.id]: entityName,
          }
        : {}),
    },
    facets: {
      [ENTITY_LABELS.status]: status,
      [ENTITY_LABELS.provider]: provider,
      [ENTITY_LABELS.region]: region,
      [ENTITY_LABELS.cloudRegion]: cloudRegionFromConfig(cluster.spec?.config),
      [ENTITY_LABELS.kubernetesVersion]: kubernetesVersion,
      [ENTITY_LABELS.template]: nonEmpty(cluster.spec?.template),
      [ENTITY_LABELS.kofRole]: kofRoleOf(cluster),
      [ENTITY_LABELS.tenant]: tenant,
    },
    tags: [provider],
    spec: {
      type: ENTITY_TYPES.cluster,
      owner: resolveOwner(config.ownership, {
        annotations: cluster.metadata.annotations,
        tenant,
        namespace,
      }),
      lifecycle: config.lifecycle,
      ...(ingests(ctx, 'KofTenant')
        ? { system: tenantSystemRef(managementCluster, tenant) }
        : {}),
      ...(dependsOn.length ? { dependsOn } : {}),
    },
  });
}
