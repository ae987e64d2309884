/*
 * Which other entities a change touches. An entity is computed from its own
 * object and a few objects it refers to; when one of those changes, the
 * referring entities must be computed again.
 */
import {
  infrastructureProviderOf,
  kubernetesVersionOf,
  MANAGEMENT_NAME,
  tenantOf,
  type ClusterDeployment,
  type ClusterTemplate,
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
import { activeServiceTemplates } from './services';
import {
  keyOf,
  KOF_TENANT_KIND,
  MANAGEMENT_CLUSTER_KIND,
  type FleetObjectChange,
  type FleetObjectKey,
  type FleetSnapshot,
  type SnapshotObject,
} from './snapshot';

/** What the entities of clusters read from an object, as comparable text. */
type Facts = (ctx: TransformContext, object: SnapshotObject) => string;

const copyFacts: Facts = (ctx, object) => JSON.stringify([isCopy(ctx, object)]);

const clusterTemplateFacts: Facts = (ctx, object) => {
  const template = object as ClusterTemplate;
  return JSON.stringify([
    isCopy(ctx, template),
    infrastructureProviderOf(template) ?? null,
    kubernetesVersionOf({}, template) ?? null,
  ]);
};

const credentialFacts: Facts = (ctx, object) => {
  const credential = object as Credential;
  return JSON.stringify([
    isCopy(ctx, credential),
    nonEmpty(credential.spec?.region) ?? null,
  ]);
};

/**
 * The keys whose entities must be computed again after `change`, besides the
 * changed object's own entity.
 *
 * @remarks
 * - ClusterDeployment: the KOF tenants it belonged to and belongs to (their
 *   System appears with the first cluster and goes with the last) when added,
 *   deleted or moved to another tenant.
 * - ClusterTemplate: the clusters using it (provider and Kubernetes version
 *   facets, and the ref when a copy appears or goes), unless only fields they
 *   do not use changed.
 * - Credential: the clusters using it (region facet and ref), likewise.
 * - ServiceTemplate: the clusters whose services use it, when it appears, goes
 *   or becomes a copy.
 * - Management `kcm`: the management cluster's Domain (its owner annotation).
 *
 * "Using" is by name in the object's namespace; an object in the system
 * namespace is also used by clusters of other namespaces (through copies, or as
 * the fallback when they have none). Without `change.previous` (an addition or
 * deletion) every dependent is returned. Keys are unique and of ingested kinds.
 *
 * @public
 */
export function dependentObjects(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  change: FleetObjectChange,
): FleetObjectKey[] {
  const ctx = createContext(snapshot, config);
  const { object, previous } = change;
  let keys: FleetObjectKey[];
  switch (object.kind) {
    case 'ClusterDeployment':
      keys = tenantsTouched(ctx, object, previous);
      break;
    case 'ClusterTemplate':
      keys = sameFacts(ctx, clusterTemplateFacts, object, previous)
        ? []
        : clustersUsing(ctx, object, cd => [cd.spec?.template]);
      break;
    case 'Credential':
      keys = sameFacts(ctx, credentialFacts, object, previous)
        ? []
        : clustersUsing(ctx, object, cd => [cd.spec?.credential]);
      break;
    case 'ServiceTemplate':
      keys = sameFacts(ctx, copyFacts, object, previous)
        ? []
        : clustersUsing(ctx, object, cd =>
            activeServiceTemplates(cd.spec?.serviceSpec),
          );
      break;
    case 'Management':
      keys =
        object.metadata.name === MANAGEMENT_NAME &&
        ingests(ctx, 'ManagementCluster')
          ? [{ kind: MANAGEMENT_CLUSTER_KIND, name: ctx.managementCluster }]
          : [];
      break;
    default:
      keys = [];
  }
  return unique(keys);
}

function tenantsTouched(
  ctx: TransformContext,
  cluster: SnapshotObject,
  previous: SnapshotObject | undefined,
): FleetObjectKey[] {
  if (!ingests(ctx, 'KofTenant')) {
    return [];
  }
  const tenant = tenantOf(cluster);
  if (previous && tenantOf(previous) === tenant) {
    return [];
  }
  const tenants = previous ? [tenantOf(previous), tenant] : [tenant];
  return tenants.map(name => ({ kind: KOF_TENANT_KIND, name }));
}

function sameFacts(
  ctx: TransformContext,
  facts: Facts,
  object: SnapshotObject,
  previous: SnapshotObject | undefined,
): boolean {
  return previous !== undefined && facts(ctx, previous) === facts(ctx, object);
}

/**
 * Clusters that refer to `object` by name (`namesOf` lists the names a cluster
 * refers to), in its namespace or, for an object in the system namespace, in
 * any namespace.
 */
function clustersUsing(
  ctx: TransformContext,
  object: SnapshotObject,
  namesOf: (cluster: ClusterDeployment) => unknown[],
): FleetObjectKey[] {
  if (!ingests(ctx, 'ClusterDeployment')) {
    return [];
  }
  const { name, namespace } = object.metadata;
  const anyNamespace = namespace === ctx.config.systemNamespace;
  const keys: FleetObjectKey[] = [];
  for (const candidate of ctx.snapshot.list('ClusterDeployment')) {
    const cluster = candidate as ClusterDeployment;
    if (
      (anyNamespace || cluster.metadata.namespace === namespace) &&
      namesOf(cluster).includes(name)
    ) {
      keys.push(keyOf(cluster));
    }
  }
  return keys;
}

function unique(keys: FleetObjectKey[]): FleetObjectKey[] {
  const seen = new Set<string>();
  return keys.filter(key => {
    const id = `${key.kind}/${key.namespace ?? ''}/${key.name}`;
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}
