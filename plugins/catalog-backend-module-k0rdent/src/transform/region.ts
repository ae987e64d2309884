/*
 * Region (cluster-scoped) → Resource.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_LABELS,
  ENTITY_TYPES,
  k0rdentEntityName,
  type Region,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import {
  createContext,
  ingests,
  nonEmpty,
  type TransformContext,
} from './context';
import { buildEntity } from './entity';
import { phaseStatus } from './facets';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import { resourceRef } from './references';
import { keyOf, type FleetSnapshot } from './snapshot';

/**
 * The Resource entity of a KCM Region.
 *
 * @remarks
 * Facets: status from its Ready condition, region (its own name). When the
 * Region runs on a ClusterDeployment (`spec.clusterDeployment`) it `dependsOn`
 * that cluster. Clusters deployed through the Region point at it themselves
 * (`dependsOn`), so a new cluster never changes the Region entity.
 *
 * @public
 */
export function regionEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  region: Region,
): Entity {
  return regionToEntity(createContext(snapshot, config), region);
}

/** {@link regionEntity} with a prepared context. */
export function regionToEntity(ctx: TransformContext, region: Region): Entity {
  const { managementCluster, config } = ctx;
  const { name } = region.metadata;
  const host = region.spec?.clusterDeployment;
  const hostName = nonEmpty(host?.name);
  const hostNamespace = nonEmpty(host?.namespace);
  return buildEntity(ctx, {
    kind: 'Resource',
    name: k0rdentEntityName({ managementCluster, kind: 'Region', name }),
    title: name,
    source: keyOf(region),
    facets: {
      [ENTITY_LABELS.status]: phaseStatus(region),
      [ENTITY_LABELS.region]: name,
    },
    spec: {
      type: ENTITY_TYPES.region,
      owner: resolveOwner(config.ownership, {
        annotations: region.metadata.annotations,
        namespace: config.systemNamespace,
      }),
      lifecycle: config.lifecycle,
      ...(hostName && hostNamespace && ingests(ctx, 'ClusterDeployment')
        ? {
            dependsOn: [
              resourceRef(
                managementCluster,
                'ClusterDeployment',
                hostNamespace,
                hostName,
              ),
            ],
          }
        : {}),
    },
  });
}
