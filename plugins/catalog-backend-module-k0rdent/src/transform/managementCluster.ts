/*
 * The management cluster → Domain. Its tenants' Systems belong to it.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  MANAGEMENT_NAME,
  managementClusterEntityName,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import { createContext, type TransformContext } from './context';
import { buildEntity } from './entity';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import type { FleetSnapshot } from './snapshot';

/**
 * The Domain entity of the management cluster.
 *
 * @remarks
 * Name: the management cluster's name; title: its title from config. Owner:
 * the owner annotation on the Management object `kcm` (when the snapshot has
 * it), else the system namespace's owner, else the default.
 *
 * @public
 */
export function managementClusterEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
): Entity {
  return managementClusterToEntity(createContext(snapshot, config));
}

/** {@link managementClusterEntity} with a prepared context. */
export function managementClusterToEntity(ctx: TransformContext): Entity {
  const { managementCluster, config, snapshot } = ctx;
  const title = snapshot.managementCluster.title ?? managementCluster;
  const management = snapshot.get('Management', undefined, MANAGEMENT_NAME);
  return buildEntity(ctx, {
    kind: 'Domain',
    name: managementClusterEntityName(managementCluster),
    title,
    description: `k0rdent management cluster ${title}`,
    facets: {},
    spec: {
      owner: resolveOwner(config.ownership, {
        annotations: management?.metadata.annotations,
        namespace: config.systemNamespace,
      }),
    },
  });
}
