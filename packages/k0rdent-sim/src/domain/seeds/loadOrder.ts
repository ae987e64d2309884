/*
 * The order seeds are loaded in: Namespaces first, then cluster-scoped objects, then
 * namespaced ones with what they reference before what references it.
 */
import type { KubeObject } from '../../store/types';

const KIND_ORDER = [
  'Namespace',
  'Release',
  'Management',
  'ProviderInterface',
  'StateManagementProvider',
  'AccessManagement',
  'ManagementBackup',
  'Region',
  'ConfigMap',
  'Secret',
  'ClusterTemplate',
  'ServiceTemplate',
  'ClusterTemplateChain',
  'ServiceTemplateChain',
  'Credential',
  'ClusterDeployment',
  'MultiClusterService',
  'PromxyServerGroup',
];

export function orderForLoading(objects: KubeObject[]): KubeObject[] {
  const rank = (kind: string) => {
    const index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.length : index;
  };
  return objects
    .map((object, index) => ({ object, index }))
    .sort(
      (a, b) => rank(a.object.kind) - rank(b.object.kind) || a.index - b.index,
    )
    .map(({ object }) => object);
}
