/*
 * KCM labels the objects it manages `k0rdent.mirantis.com/component: kcm` (used to
 * select objects for backups); its controllers patch the label on when it is missing.
 */
import { K0RDENT_LABELS } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';

export function hasComponentLabel(object: KubeObject): boolean {
  return object.metadata.labels?.[K0RDENT_LABELS.component] === 'kcm';
}

/** A copy of the object with the label added (and optionally a finalizer). */
export function withComponentLabel(
  object: KubeObject,
  finalizer?: string,
): KubeObject {
  const finalizers = object.metadata.finalizers ?? [];
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: {
        ...(object.metadata.labels ?? {}),
        [K0RDENT_LABELS.component]: 'kcm',
      },
      ...(finalizer && !finalizers.includes(finalizer)
        ? { finalizers: [...finalizers, finalizer] }
        : {}),
    },
  };
}
