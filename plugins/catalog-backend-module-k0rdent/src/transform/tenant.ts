/*
 * KOF tenants → System of type kof-tenant. A tenant is not a Kubernetes object:
 * it is a value of the tenant label on ClusterDeployments (`PLATFORM` without it).
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_ANNOTATIONS,
  ENTITY_LABELS,
  ENTITY_TYPES,
  kofTenantEntityName,
  tenantOf,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import { createContext, ingests, type TransformContext } from './context';
import { buildEntity } from './entity';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import { domainRef } from './references';
import type { FleetSnapshot } from './snapshot';

/**
 * The KOF tenants of a management cluster: the tenant of every
 * ClusterDeployment (its tenant label, `PLATFORM` without one), whatever its
 * KOF role, sorted.
 *
 * @public
 */
export function kofTenantsOf(snapshot: FleetSnapshot): string[] {
  const tenants = new Set<string>();
  for (const cluster of snapshot.list('ClusterDeployment')) {
    tenants.add(tenantOf(cluster as ClusterDeployment));
  }
  return [...tenants].sort();
}

/** Whether any ClusterDeployment of the snapshot belongs to the tenant. */
export function hasKofTenant(snapshot: FleetSnapshot, tenant: string): boolean {
  return snapshot
    .list('ClusterDeployment')
    .some(cluster => tenantOf(cluster as ClusterDeployment) === tenant);
}

/**
 * The System entity of a KOF tenant (whether any cluster still belongs to it is
 * the caller's question; see {@link kofTenantsOf}).
 *
 * @remarks
 * Owner: the tenant's owner from config, else the default. `spec.domain`: the
 * management cluster's Domain. Annotations name the management cluster and
 * the tenant id.
 *
 * @public
 */
export function kofTenantEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  tenant: string,
): Entity {
  return kofTenantToEntity(createContext(snapshot, config), tenant);
}

/** {@link kofTenantEntity} with a prepared context. */
export function kofTenantToEntity(
  ctx: TransformContext,
  tenant: string,
): Entity {
  const { managementCluster, config, snapshot } = ctx;
  const title = snapshot.managementCluster.title ?? managementCluster;
  return buildEntity(ctx, {
    kind: 'System',
    name: kofTenantEntityName(managementCluster, tenant),
    title: tenant,
    description: `KOF tenant ${tenant} on management cluster ${title}`,
    annotations: { [ENTITY_ANNOTATIONS.tenant]: tenant },
    facets: { [ENTITY_LABELS.tenant]: tenant },
    spec: {
      type: ENTITY_TYPES.tenant,
      owner: resolveOwner(config.ownership, { tenant }),
      ...(ingests(ctx, 'ManagementCluster')
        ? { domain: domainRef(managementCluster) }
        : {}),
    },
  });
}
