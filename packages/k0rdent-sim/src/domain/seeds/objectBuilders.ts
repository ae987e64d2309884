/*
 * Builders for the plain objects seeds are made of, with the labels KCM puts on them.
 */
import {
  K0RDENT_LABELS,
  KCM_SYSTEM_NAMESPACE,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject, ObjectMeta } from '../../store/types';
import { apiVersionFor } from '../kube/objects';
import { toKubeTime } from './seedTime';

export const COMPONENT_LABEL = { [K0RDENT_LABELS.component]: 'kcm' };
export const SHIPPED_LABELS = {
  ...COMPONENT_LABEL,
  [K0RDENT_LABELS.fluxHelmName]: 'kcm-templates',
};
export const COPY_LABELS = {
  ...COMPONENT_LABEL,
  [K0RDENT_LABELS.managed]: 'true',
};

/** A k0rdent or core object of a registered kind, created at `createdAt`. */
export function object(
  kind: string,
  meta: ObjectMeta,
  createdAt: number,
  body: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: apiVersionFor(kind),
    kind,
    metadata: {
      ...meta,
      creationTimestamp: toKubeTime(createdAt),
      generation: 1,
    },
    ...body,
  };
}

export function namespace(
  name: string,
  createdAt: number,
  labels?: Record<string, string>,
): KubeObject {
  return object(
    'Namespace',
    { name, ...(labels ? { labels } : {}) },
    createdAt,
    {
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
  );
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** An Opaque Secret whose values are given as plain text (stored base64-encoded). */
export function secret(
  name: string,
  ns: string,
  createdAt: number,
  values: Record<string, string>,
  labels: Record<string, string> = COMPONENT_LABEL,
): KubeObject {
  return object('Secret', { name, namespace: ns, labels }, createdAt, {
    type: 'Opaque',
    data: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, base64(v)]),
    ),
  });
}

/** Gives an object built by a controller helper the creation time it had in the seed's past. */
export function withCreationTime(target: KubeObject, at: number): KubeObject {
  target.metadata = { ...target.metadata, creationTimestamp: toKubeTime(at) };
  return target;
}

/** Copies a namespaced object into another namespace, as AccessManagement does. */
export function copyInto(
  source: KubeObject,
  targetNamespace: string,
  createdAt: number,
): KubeObject {
  const copy = structuredClone(source);
  copy.metadata = {
    name: source.metadata.name,
    namespace: targetNamespace,
    labels: { ...(source.metadata.labels ?? {}), ...COPY_LABELS },
    ...(source.metadata.annotations
      ? { annotations: source.metadata.annotations }
      : {}),
    creationTimestamp: toKubeTime(createdAt),
    generation: 1,
  };
  delete copy.metadata.labels![K0RDENT_LABELS.fluxHelmName];
  return copy;
}

export const SYSTEM = KCM_SYSTEM_NAMESPACE;
