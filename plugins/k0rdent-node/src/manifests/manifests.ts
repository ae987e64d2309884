/*
 * The manifests the reconciler applies, built from what users asked for. Each
 * carries only the fields the portal owns (server-side apply leaves the rest,
 * such as k0rdent's own labels, finalizers and status, to their managers).
 */
import {
  apiVersionOf,
  findKind,
  K0RDENT_LABELS,
  OBJECT_ANNOTATIONS,
  K0RDENT_BACKSTAGE_PREFIX,
  type JsonObject,
  type KubeObject,
  type LabelSelector,
  type Service,
  type ServiceInput,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { stringify as toYaml } from 'yaml';

/** The field manager of everything the portal applies. @public */
export const FIELD_MANAGER = 'backstage-k0rdent';

/** Field-path prefix of our own annotations: conflicts there are always ours to take. @public */
export const OWN_ANNOTATIONS_FIELD = `.metadata.annotations.${K0RDENT_BACKSTAGE_PREFIX}/`;

function apiVersion(kind: string): string {
  const info = findKind(kind);
  if (!info) throw new Error(`Unknown kind ${kind}`);
  return apiVersionOf(info);
}

/** Who asked, stamped on the object by every request. @public */
export interface RequestStamp {
  requestId: string;
  requestedBy: string;
  /** Set when the request decides the owner (creation). */
  owner?: string;
}

/** A copy of `manifest` carrying the stamp of the request that applies it. @public */
export function stampManifest(
  manifest: KubeObject,
  stamp: RequestStamp,
): KubeObject {
  const annotations: Record<string, string> = {
    ...manifest.metadata.annotations,
    [OBJECT_ANNOTATIONS.requestId]: stamp.requestId,
    [OBJECT_ANNOTATIONS.requestedBy]: stamp.requestedBy,
  };
  if (stamp.owner) annotations[OBJECT_ANNOTATIONS.owner] = stamp.owner;
  return {
    ...manifest,
    metadata: { ...manifest.metadata, annotations },
  };
}

/** `serviceSpec.services` entries; object values become the YAML text KSM expects. @public */
export function toServices(inputs: readonly ServiceInput[]): Service[] {
  return inputs.map(input => ({
    name: input.name,
    ...(input.namespace ? { namespace: input.namespace } : {}),
    template: input.template,
    ...(input.values !== undefined
      ? {
          values:
            typeof input.values === 'string'
              ? input.values
              : toYaml(input.values),
        }
      : {}),
    ...(input.dependsOn?.length ? { dependsOn: input.dependsOn } : {}),
  }));
}

/** What a new ClusterDeployment is made of, after validation. @public */
export interface ClusterDeploymentParts {
  namespace: string;
  name: string;
  template: string;
  credential: string;
  config: JsonObject;
  tenant?: string;
  kofRole?: 'child' | 'regional';
  labels?: Record<string, string>;
  services?: readonly ServiceInput[];
}

/** The manifest of a new ClusterDeployment. @public */
export function clusterDeploymentManifest(
  parts: ClusterDeploymentParts,
): KubeObject {
  const labels: Record<string, string> = { ...parts.labels };
  if (parts.tenant) labels[K0RDENT_LABELS.kofTenantId] = parts.tenant;
  if (parts.kofRole) labels[K0RDENT_LABELS.kofClusterRole] = parts.kofRole;
  return {
    apiVersion: apiVersion('ClusterDeployment'),
    kind: 'ClusterDeployment',
    metadata: {
      name: parts.name,
      namespace: parts.namespace,
      ...(Object.keys(labels).length ? { labels } : {}),
    },
    spec: {
      template: parts.template,
      credential: parts.credential,
      config: parts.config,
      ...(parts.services?.length
        ? { serviceSpec: { services: toServices(parts.services) } }
        : {}),
    },
  };
}

/**
 * The manifest of a change to an existing object: the previous desired state
 * (when the portal has one) with `change` applied to its spec, or just the
 * identity and the change. Starting from the previous desired state matters:
 * server-side apply removes fields a manager stops sending.
 *
 * @public
 */
export function changedManifest(
  previous: KubeObject | undefined,
  target: { kind: string; namespace?: string; name: string },
  change: (spec: Record<string, unknown>) => Record<string, unknown>,
): KubeObject {
  const base: KubeObject = previous ?? {
    apiVersion: apiVersion(target.kind),
    kind: target.kind,
    metadata: {
      name: target.name,
      ...(target.namespace ? { namespace: target.namespace } : {}),
    },
  };
  const spec = (base.spec as Record<string, unknown> | undefined) ?? {};
  return { ...base, spec: change({ ...spec }) };
}

/** A manifest that only names an object (what a delete request stores). @public */
export function identityManifest(target: {
  kind: string;
  namespace?: string;
  name: string;
}): KubeObject {
  return {
    apiVersion: apiVersion(target.kind),
    kind: target.kind,
    metadata: {
      name: target.name,
      ...(target.namespace ? { namespace: target.namespace } : {}),
    },
  };
}

/** What a MultiClusterService is made of, after validation. @public */
export interface MultiClusterServiceParts {
  name: string;
  clusterSelector: LabelSelector;
  services: readonly ServiceInput[];
  dependsOn?: string[];
}

/** The manifest of a MultiClusterService (cluster-scoped). @public */
export function multiClusterServiceManifest(
  parts: MultiClusterServiceParts,
): KubeObject {
  return {
    apiVersion: apiVersion('MultiClusterService'),
    kind: 'MultiClusterService',
    metadata: { name: parts.name },
    spec: {
      clusterSelector: parts.clusterSelector,
      ...(parts.dependsOn?.length ? { dependsOn: parts.dependsOn } : {}),
      serviceSpec: { services: toServices(parts.services) },
    },
  };
}
