/*
 * The object shape shared by the fleet cache and the Kubernetes client is the one
 * of -common. Objects handed out by the fleet cache are shared, not copied: treat
 * them as read-only.
 */
export type {
  KubeObject,
  KubeObjectMeta,
} from '@k0rdent-backstage/plugin-k0rdent-common';
