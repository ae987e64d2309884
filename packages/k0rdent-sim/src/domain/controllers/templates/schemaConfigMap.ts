/*
 * The `schema-ct-*` / `schema-st-*` ConfigMap KCM creates next to a template whose chart
 * has a values.schema.json (data key `schema`).
 */
import { K0RDENT_LABELS } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../../store/types';
import type { JsonSchema } from '../../catalog/jsonSchema';

export function schemaConfigMap(
  name: string,
  namespace: string,
  schema: JsonSchema,
  owner?: { kind: string; name: string; uid?: string },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace,
      labels: { [K0RDENT_LABELS.component]: 'kcm' },
      ...(owner?.uid
        ? {
            ownerReferences: [
              {
                apiVersion: 'k0rdent.mirantis.com/v1beta1',
                kind: owner.kind,
                name: owner.name,
                uid: owner.uid,
              },
            ],
          }
        : {}),
    },
    data: { schema: JSON.stringify(schema, null, 2) },
  };
}

/** Parses the schema stored in such a ConfigMap; undefined when absent or not JSON. */
export function schemaFromConfigMap(
  configMap: KubeObject | undefined,
): JsonSchema | undefined {
  const text = (configMap?.data as Record<string, string> | undefined)?.schema;
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as JsonSchema;
  } catch {
    return undefined;
  }
}
