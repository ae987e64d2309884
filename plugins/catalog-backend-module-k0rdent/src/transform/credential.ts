/*
 * Credential → Resource. Only the Credential's own name, description, region and
 * readiness reach the catalog: nothing of its identity or the Secrets behind it.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_LABELS,
  ENTITY_TYPES,
  k0rdentEntityName,
  type Credential,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentCatalogConfig } from '../config/readK0rdentCatalogConfig';
import {
  createContext,
  ingests,
  isCopy,
  nonEmpty,
  type TransformContext,
} from './context';
import { buildEntity } from './entity';
import { credentialStatus } from './facets';
import { resolveOwner } from '@k0rdent-backstage/plugin-k0rdent-node';
import { resourceRef } from './references';
import { keyOf, type FleetSnapshot } from './snapshot';

/**
 * The Resource entity of a Credential; undefined for an AccessManagement copy
 * outside the system namespace.
 *
 * @remarks
 * Description from `spec.description`; facets: status (Ready, NotReady) and
 * region (`spec.region`); `dependsOn` its Region. The identity it points at is
 * never copied.
 *
 * @public
 */
export function credentialEntity(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  credential: Credential,
): Entity | undefined {
  return credentialToEntity(createContext(snapshot, config), credential);
}

/** {@link credentialEntity} with a prepared context. */
export function credentialToEntity(
  ctx: TransformContext,
  credential: Credential,
): Entity | undefined {
  if (isCopy(ctx, credential)) {
    return undefined;
  }
  const { managementCluster, config } = ctx;
  const { name, namespace } = credential.metadata;
  const region = nonEmpty(credential.spec?.region);
  return buildEntity(ctx, {
    kind: 'Resource',
    name: k0rdentEntityName({
      managementCluster,
      kind: 'Credential',
      namespace,
      name,
    }),
    title: name,
    description: nonEmpty(credential.spec?.description),
    source: keyOf(credential),
    facets: {
      [ENTITY_LABELS.status]: credentialStatus(credential),
      [ENTITY_LABELS.region]: region,
    },
    spec: {
      type: ENTITY_TYPES.credential,
      owner: resolveOwner(config.ownership, {
        annotations: credential.metadata.annotations,
        namespace,
      }),
      lifecycle: config.lifecycle,
      ...(region && ingests(ctx, 'Region')
        ? {
            dependsOn: [
              resourceRef(managementCluster, 'Region', undefined, region),
            ],
          }
        : {}),
    },
  });
}
