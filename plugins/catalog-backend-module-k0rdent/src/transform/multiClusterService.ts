/*
 * MultiClusterService (cluster-scoped) → Resource.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_LABELS,
  ENTITY_TYPES,
  k0rdentEntityName,
  type MultiClusterService,
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
import { resourceRef } from './references';
import { activeServiceTemplates } from './services';
import { keyOf, type FleetSnapshot } from './snapshot';

/**
 * The Resource entity of a MultiClusterService.
 *
 * @remarks
 * - `dependsOn`: its ServiceTemplates, resolved in the system namespace (an MCS
 *   is cluster-scoped; k0rdent requires its templates there), and the
 *   MultiClusterServices named in `spec.dependsOn`.
 * - Facet: status from its Ready condition (Ready, Provisioning, Failed, Deleting).
 * - Owner: annotation, else the system namespace's owner, else the default.
 *
 * An empty cluster selector matches no cluster; the entity is the same.
 *
 * @public
 */
export function multiClusterServiceEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  mcs: MultiClusterService,
): Entity {
  return multiClusterServiceToEntity(createContext(snapshot, config), mcs);
}

/** {@link multiClusterServiceEntity} with a prepared context. */
export function multiClusterServiceToEntity(
  ctx: TransformContext,
  mcs: MultiClusterService,
): Entity {
  const { managementCluster, config } = ctx;
  const { name } = mcs.metadata;
  const templateRefs = ingests(ctx, 'ServiceTemplate')
    ? activeServiceTemplates(mcs.spec?.serviceSpec).map(template =>
        resourceRef(
          managementCluster,
          'ServiceTemplate',
          config.systemNamespace,
          template,
        ),
      )
    : [];
  const mcsDependencies = mcs.spec?.dependsOn;
  const mcsRefs =
    ingests(ctx, 'MultiClusterService') && Array.isArray(mcsDependencies)
      ? mcsDependencies
          .map(nonEmpty)
          .map(other =>
            other
              ? resourceRef(
                  managementCluster,
                  'MultiClusterService',
                  undefined,
                  other,
                )
              : undefined,
          )
      : [];
  const dependsOn = refList([...templateRefs, ...mcsRefs]);

  return buildEntity(ctx, {
    kind: 'Resource',
    name: k0rdentEntityName({
      managementCluster,
      kind: 'MultiClusterService',
      name,
    }),
    title: name,
    source: keyOf(mcs),
    facets: {
      [ENTITY_LABELS.status]: phaseStatus(mcs),
    },
    spec: {
      type: ENTITY_TYPES.multiClusterService,
      owner: resolveOwner(config.ownership, {
        annotations: mcs.metadata.annotations,
        namespace: config.systemNamespace,
      }),
      lifecycle: config.lifecycle,
      ...(dependsOn.length ? { dependsOn } : {}),
    },
  });
}
