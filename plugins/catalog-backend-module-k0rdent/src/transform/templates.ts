/*
 * ClusterTemplate and ServiceTemplate → Resource. AccessManagement copies are
 * left out: the original in the system namespace stands for them.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_ANNOTATIONS,
  ENTITY_LABELS,
  ENTITY_TYPES,
  infrastructureProviderOf,
  k0rdentEntityName,
  kubernetesVersionOf,
  type ClusterTemplate,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import {
  createContext,
  isCopy,
  nonEmpty,
  type TransformContext,
} from './context';
import { buildEntity, type Facets } from './entity';
import { templateStatus } from './facets';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import { keyOf, type FleetSnapshot } from './snapshot';

/**
 * The Resource entity of a ClusterTemplate; undefined for an AccessManagement
 * copy outside the system namespace.
 *
 * @remarks
 * Description from `status.description`; facets: status (Valid, Invalid),
 * provider (its infrastructure provider) and Kubernetes version (declared, or
 * the chart's default).
 *
 * @public
 */
export function clusterTemplateEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  template: ClusterTemplate,
): Entity | undefined {
  return clusterTemplateToEntity(createContext(snapshot, config), template);
}

/** {@link clusterTemplateEntity} with a prepared context. */
export function clusterTemplateToEntity(
  ctx: TransformContext,
  template: ClusterTemplate,
): Entity | undefined {
  const provider = infrastructureProviderOf(template);
  const kubernetesVersion = kubernetesVersionOf({}, template);
  return templateToEntity(ctx, template, {
    type: ENTITY_TYPES.clusterTemplate,
    facets: {
      [ENTITY_LABELS.provider]: provider,
      [ENTITY_LABELS.kubernetesVersion]: kubernetesVersion,
    },
    annotations: {
      [ENTITY_ANNOTATIONS.kubernetesVersion]: kubernetesVersion,
    },
    tags: [provider],
  });
}

/**
 * The Resource entity of a ServiceTemplate; undefined for an AccessManagement
 * copy outside the system namespace.
 *
 * @remarks
 * Description from `status.description`; facet: status (Valid, Invalid).
 *
 * @public
 */
export function serviceTemplateEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  template: ServiceTemplate,
): Entity | undefined {
  return serviceTemplateToEntity(createContext(snapshot, config), template);
}

/** {@link serviceTemplateEntity} with a prepared context. */
export function serviceTemplateToEntity(
  ctx: TransformContext,
  template: ServiceTemplate,
): Entity | undefined {
  return templateToEntity(ctx, template, {
    type: ENTITY_TYPES.serviceTemplate,
    facets: {},
  });
}

function templateToEntity(
  ctx: TransformContext,
  template: ClusterTemplate | ServiceTemplate,
  extra: {
    type: string;
    facets: Facets;
    annotations?: Record<string, string | undefined>;
    tags?: Array<string | undefined>;
  },
): Entity | undefined {
  if (isCopy(ctx, template)) {
    return undefined;
  }
  const { managementCluster, config } = ctx;
  const { name, namespace } = template.metadata;
  return buildEntity(ctx, {
    kind: 'Resource',
    name: k0rdentEntityName({
      managementCluster,
      kind: template.kind,
      namespace,
      name,
    }),
    title: name,
    description: nonEmpty(template.status?.description),
    source: keyOf(template),
    annotations: extra.annotations,
    facets: {
      [ENTITY_LABELS.status]: templateStatus(template),
      ...extra.facets,
    },
    tags: extra.tags,
    spec: {
      type: extra.type,
      owner: resolveOwner(config.ownership, {
        annotations: template.metadata.annotations,
        namespace,
      }),
      lifecycle: config.lifecycle,
    },
  });
}
