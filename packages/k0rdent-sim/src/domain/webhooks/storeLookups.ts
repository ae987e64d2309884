/*
 * Typed reads the webhooks share.
 */
import type {
  ClusterTemplate,
  Credential,
  K0rdentObject,
  ServiceTemplate,
  TemplateChainSpec,
  TemplateChainStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ObjectStore } from '../../store/types';
import { typed } from '../kube/objects';

function lookup<T extends K0rdentObject>(
  store: ObjectStore,
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined {
  if (!name) return undefined;
  const found = store.get({ kind, namespace, name });
  return found ? typed<T>(found) : undefined;
}

export const getClusterTemplate = (
  store: ObjectStore,
  namespace: string | undefined,
  name: string,
) => lookup<ClusterTemplate>(store, 'ClusterTemplate', namespace, name);
export const getServiceTemplate = (
  store: ObjectStore,
  namespace: string | undefined,
  name: string,
) => lookup<ServiceTemplate>(store, 'ServiceTemplate', namespace, name);
export const getCredential = (
  store: ObjectStore,
  namespace: string | undefined,
  name: string,
) => lookup<Credential>(store, 'Credential', namespace, name);
export const getServiceTemplateChain = (
  store: ObjectStore,
  namespace: string | undefined,
  name: string,
) =>
  lookup<
    K0rdentObject<
      'ServiceTemplateChain',
      TemplateChainSpec,
      TemplateChainStatus
    >
  >(store, 'ServiceTemplateChain', namespace, name);
