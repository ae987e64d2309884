/*
 * Read access to a seed under construction, shaped like what the controllers read from
 * the store, so that seeded statuses are computed by the controllers' own functions.
 */
import type {
  ClusterTemplate,
  ClusterTemplateChain,
  Credential,
  K0rdentObject,
  MultiClusterService,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import type { JsonSchema } from '../catalog/jsonSchema';
import { typed } from '../kube/objects';
import { schemaFromConfigMap } from '../controllers/templates/schemaConfigMap';

export class SeedWorld {
  private readonly index = new Map<string, KubeObject>();
  private readonly schemas = new Map<string, JsonSchema | undefined>();
  private multiClusterServiceList: MultiClusterService[] | undefined;

  constructor(objects: readonly KubeObject[]) {
    for (const object of objects) this.add(object);
  }

  add(object: KubeObject): void {
    if (object.kind === 'MultiClusterService')
      this.multiClusterServiceList = undefined;
    this.index.set(
      SeedWorld.key(
        object.kind,
        object.metadata.namespace,
        object.metadata.name,
      ),
      object,
    );
  }

  private static key(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): string {
    return `${kind}/${namespace ?? ''}/${name}`;
  }

  get<T extends K0rdentObject>(
    kind: string,
    namespace: string | undefined,
    name: string | undefined,
  ): T | undefined {
    if (!name) return undefined;
    const found = this.index.get(SeedWorld.key(kind, namespace, name));
    return found ? typed<T>(found) : undefined;
  }

  credential(namespace: string | undefined, name: string | undefined) {
    return this.get<Credential>('Credential', namespace, name);
  }

  clusterTemplate(namespace: string | undefined, name: string | undefined) {
    return this.get<ClusterTemplate>('ClusterTemplate', namespace, name);
  }

  serviceTemplate(namespace: string | undefined, name: string | undefined) {
    return this.get<ServiceTemplate>('ServiceTemplate', namespace, name);
  }

  /** The values schema of a template, as the controller reads it from its ConfigMap. */
  valuesSchema(template: ClusterTemplate | undefined): JsonSchema | undefined {
    const name = template?.status?.schemaConfigMapName;
    if (!template || !name) return undefined;
    const key = `${template.metadata.namespace}/${name}`;
    if (!this.schemas.has(key)) {
      this.schemas.set(
        key,
        schemaFromConfigMap(
          this.index.get(
            SeedWorld.key('ConfigMap', template.metadata.namespace, name),
          ),
        ),
      );
    }
    return this.schemas.get(key);
  }

  clusterTemplateChains(namespace: string | undefined): ClusterTemplateChain[] {
    return this.inNamespace<ClusterTemplateChain>(
      'ClusterTemplateChain',
      namespace,
    );
  }

  serviceTemplateChains(namespace: string | undefined): ClusterTemplateChain[] {
    return this.inNamespace<ClusterTemplateChain>(
      'ServiceTemplateChain',
      namespace,
    );
  }

  private inNamespace<T extends K0rdentObject>(
    kind: string,
    namespace: string | undefined,
  ): T[] {
    return [...this.index.values()]
      .filter(o => o.kind === kind && o.metadata.namespace === namespace)
      .map(o => typed<T>(o));
  }

  multiClusterServices(): MultiClusterService[] {
    this.multiClusterServiceList ??= this.inNamespace<MultiClusterService>(
      'MultiClusterService',
      undefined,
    );
    return this.multiClusterServiceList;
  }
}
