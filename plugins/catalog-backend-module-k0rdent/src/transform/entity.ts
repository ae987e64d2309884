/*
 * The parts every produced entity shares: the managed-by annotations, the
 * annotations that point back at the k0rdent object, the facet labels (valid
 * label values, `Stale` while the management cluster does not answer) and tags.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  type Entity,
} from '@backstage/catalog-model';
import {
  ENTITY_ANNOTATIONS,
  ENTITY_LABELS,
  toLabelValue,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { TransformContext } from './context';
import { toTag } from './facets';
import type { FleetObjectKey } from './snapshot';

/** The status facet of every entity while the snapshot is stale. */
export const STALE_STATUS = 'Stale';

/** Tag on every entity the module produces. */
export const K0RDENT_TAG = 'k0rdent';

/** The location every entity of a management cluster is managed by. */
export function managedByLocation(managementCluster: string): string {
  return `k0rdent:${managementCluster}`;
}

/** Facet labels by key (ENTITY_LABELS values); undefined values are left out. */
export type Facets = Partial<
  Record<(typeof ENTITY_LABELS)[keyof typeof ENTITY_LABELS], string | undefined>
>;

/** What one entity is made of, before the shared parts are added. */
export interface EntityParts {
  kind: 'Resource' | 'System' | 'Domain';
  name: string;
  title: string;
  description?: string;
  /** The k0rdent object the entity is made from (kind, namespace and name annotations). */
  source?: FleetObjectKey;
  /** Further annotations (ENTITY_ANNOTATIONS keys). */
  annotations?: Record<string, string | undefined>;
  facets: Facets;
  /** Tags besides `k0rdent`; made valid, empty ones left out. */
  tags?: Array<string | undefined>;
  spec: NonNullable<Entity['spec']>;
}

/** Builds the entity: shared annotations, valid labels and tags, stale marking. */
export function buildEntity(ctx: TransformContext, parts: EntityParts): Entity {
  const { managementCluster, snapshot } = ctx;
  const location = managedByLocation(managementCluster);

  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [ENTITY_ANNOTATIONS.managementCluster]: managementCluster,
  };
  if (parts.source) {
    annotations[ENTITY_ANNOTATIONS.kind] = parts.source.kind;
    if (parts.source.namespace) {
      annotations[ENTITY_ANNOTATIONS.namespace] = parts.source.namespace;
    }
    annotations[ENTITY_ANNOTATIONS.name] = parts.source.name;
  }
  for (const [key, value] of Object.entries(parts.annotations ?? {})) {
    if (value !== undefined && value !== '') {
      annotations[key] = value;
    }
  }
  if (snapshot.stale) {
    annotations[ENTITY_ANNOTATIONS.staleSince] =
      snapshot.stale.since.toISOString();
  }

  const facets: Facets = {
    [ENTITY_LABELS.managementCluster]: managementCluster,
    [ENTITY_LABELS.namespace]: parts.source?.namespace,
    ...parts.facets,
  };
  if (snapshot.stale) {
    facets[ENTITY_LABELS.status] = STALE_STATUS;
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(facets)) {
    const label = toLabelValue(value);
    if (label) {
      labels[key] = label;
    }
  }

  const tags = [
    ...new Set(
      [K0RDENT_TAG, ...(parts.tags ?? [])]
        .map(toTag)
        .filter((tag): tag is string => tag !== undefined),
    ),
  ];

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: parts.kind,
    metadata: {
      name: parts.name,
      namespace: DEFAULT_NAMESPACE,
      title: parts.title,
      ...(parts.description ? { description: parts.description } : {}),
      annotations,
      labels,
      tags,
    },
    spec: parts.spec,
  };
}

/** Sorted, without duplicates and empty entries: stable output for stable input. */
export function refList(refs: Array<string | undefined>): string[] {
  return [...new Set(refs.filter((r): r is string => Boolean(r)))].sort();
}
