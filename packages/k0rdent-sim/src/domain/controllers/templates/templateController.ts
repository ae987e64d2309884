/*
 * KCM's template controller: evaluates ClusterTemplates and ServiceTemplates against
 * the simulated chart repositories, writes their status and the `schema-*` ConfigMap.
 * A status already observed for the current generation (e.g. seeded as broken) is kept.
 */
import type {
  ClusterTemplate,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject, StoreEvent } from '../../../store/types';
import type { JsonSchema } from '../../catalog/jsonSchema';
import { deepEqual, typed } from '../../kube/objects';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import {
  QueueController,
  objectKeyString,
  parseKeyString,
} from '../queueController';
import {
  evaluateClusterTemplate,
  evaluateServiceTemplate,
} from './templateStatus';
import { schemaConfigMap } from './schemaConfigMap';

const KINDS = ['ClusterTemplate', 'ServiceTemplate'] as const;
type TemplateKind = (typeof KINDS)[number];

function isTemplateKind(kind: string): kind is TemplateKind {
  return (KINDS as readonly string[]).includes(kind);
}

export class TemplateController extends QueueController {
  readonly name = 'template-controller';

  protected onEvent(event: StoreEvent): void {
    const { object } = event;
    if (event.type !== 'DELETED' && isTemplateKind(object.kind)) {
      this.queue.add(
        `${object.kind}:${objectKeyString(
          object.metadata.namespace,
          object.metadata.name,
        )}`,
      );
    }
  }

  protected resync(): void {
    for (const kind of KINDS) {
      for (const object of this.store.list(kind)) {
        this.queue.add(
          `${kind}:${objectKeyString(
            object.metadata.namespace,
            object.metadata.name,
          )}`,
        );
      }
    }
  }

  protected reconcile(key: string): void {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as TemplateKind;
    const { namespace, name } = parseKeyString(key.slice(colon + 1));
    const object = this.store.get({ kind, namespace, name });
    if (!object || object.metadata.deletionTimestamp) return;
    if (!hasComponentLabel(object)) {
      this.store.update(withComponentLabel(object));
      return;
    }
    const evaluation =
      kind === 'ClusterTemplate'
        ? evaluateClusterTemplate(typed<ClusterTemplate>(object))
        : evaluateServiceTemplate(typed<ServiceTemplate>(object));
    const status = object.status as
      | { valid?: boolean; observedGeneration?: number }
      | undefined;
    const observed =
      typeof status?.valid === 'boolean' &&
      status.observedGeneration === (object.metadata.generation ?? 1);
    if (!observed && !deepEqual(object.status, evaluation.status)) {
      this.store.updateStatus({ kind, namespace, name }, () => ({
        ...evaluation.status,
      }));
      this.context.log(
        `${kind} ${namespace}/${name}: valid=${evaluation.status.valid}`,
      );
    }
    const schemaName = (
      observed
        ? (object.status as { schemaConfigMapName?: string })
        : evaluation.status
    ).schemaConfigMapName;
    if (schemaName && evaluation.schema) {
      this.ensureSchemaConfigMap(object, schemaName, evaluation.schema);
    }
  }

  private ensureSchemaConfigMap(
    template: KubeObject,
    name: string,
    schema: JsonSchema,
  ): void {
    const namespace = template.metadata.namespace;
    if (this.store.get({ kind: 'ConfigMap', namespace, name })) return;
    this.store.create(
      schemaConfigMap(name, namespace ?? '', schema, {
        kind: template.kind,
        name: template.metadata.name,
        uid: template.metadata.uid,
      }),
    );
  }
}
