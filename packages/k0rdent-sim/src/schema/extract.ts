/*
 * Turns an upstream CustomResourceDefinition into the simulator's own definition of
 * the kind: the storage version's schema with every schema `description` removed
 * (they make up most of the CRD text and the simulator does not need them), plus
 * the CRD's names, scope, subresources and printer columns. Used by
 * `scripts/extract-crd-schemas.ts` to write `definitions/*.json`, and by the
 * contract tests to check those files still match upstream.
 */
import type {
  JSONSchemaProps,
  PrinterColumn,
  ResourceDefinition,
  ResourceNames,
} from './types';

/** The parts of a CustomResourceDefinition (apiextensions.k8s.io/v1) read here. */
export interface CustomResourceDefinition {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    group: string;
    names: ResourceNames;
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      schema?: { openAPIV3Schema: JSONSchemaProps };
      subresources?: { status?: Record<string, unknown> };
      additionalPrinterColumns?: PrinterColumn[];
    }>;
  };
}

/** Whether a parsed YAML document is a CustomResourceDefinition. */
export function isCustomResourceDefinition(
  doc: unknown,
): doc is CustomResourceDefinition {
  const d = doc as Partial<CustomResourceDefinition> | null;
  return (
    !!d &&
    d.kind === 'CustomResourceDefinition' &&
    typeof d.apiVersion === 'string' &&
    d.apiVersion.startsWith('apiextensions.k8s.io/') &&
    !!d.spec
  );
}

/**
 * A copy of a schema without the `description` keyword on any node. Only schema
 * nodes are walked (properties, items, additionalProperties, anyOf/oneOf/allOf,
 * not), so a property that happens to be named "description" and values inside
 * `default`, `enum` or `example` are left alone.
 */
export function stripDescriptions(schema: JSONSchemaProps): JSONSchemaProps {
  const out: JSONSchemaProps = {};
  for (const [key, value] of Object.entries(schema) as Array<
    [keyof JSONSchemaProps, unknown]
  >) {
    if (key === 'description') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JSONSchemaProps>).map(
          ([name, sub]) => [name, stripDescriptions(sub)],
        ),
      );
    } else if (key === 'items' || key === 'not') {
      out[key] = stripDescriptions(value as JSONSchemaProps);
    } else if (key === 'additionalProperties' && typeof value === 'object') {
      out.additionalProperties = stripDescriptions(value as JSONSchemaProps);
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      out[key] = (value as JSONSchemaProps[]).map(stripDescriptions);
    } else {
      (out as Record<string, unknown>)[key] = structuredClone(value);
    }
  }
  return out;
}

/** The simulator's definition of the kind a CRD defines (its storage version). */
export function crdToDefinition(
  crd: CustomResourceDefinition,
): ResourceDefinition {
  const storage = crd.spec.versions.find(v => v.storage);
  if (!storage) {
    throw new Error(`CRD ${crd.metadata.name} has no storage version`);
  }
  if (!storage.schema?.openAPIV3Schema) {
    throw new Error(
      `CRD ${crd.metadata.name} version ${storage.name} has no openAPIV3Schema`,
    );
  }
  // Key order as in the JSON files: naming first, the long schema last.
  return {
    group: crd.spec.group,
    version: storage.name,
    names: structuredClone(crd.spec.names),
    scope: crd.spec.scope,
    ...(storage.subresources
      ? { subresources: structuredClone(storage.subresources) }
      : {}),
    ...(storage.additionalPrinterColumns
      ? {
          additionalPrinterColumns: structuredClone(
            storage.additionalPrinterColumns,
          ),
        }
      : {}),
    schema: stripDescriptions(storage.schema.openAPIV3Schema),
  };
}

/** The file a definition is kept in: `<plural>.<group>.json`, as a CRD is named. */
export function definitionFileName(definition: ResourceDefinition): string {
  return `${definition.names.plural}.${definition.group}.json`;
}
