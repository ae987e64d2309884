/*
 * Whole-object validation, as the API server runs it for a create or update:
 * apiVersion/kind, then ObjectMeta rules, then the kind's schema (after pruning
 * and defaulting), list types and CEL rules. `validateResource` works with any
 * definition (the contract tests pass upstream ones); `validateObject` and
 * `prepareWrite` look the kind up among the simulator's own definitions.
 */
import type { FieldCause, KubeObject } from '../store/types';
import { CORE_DEFINITIONS, nameRuleFor, validateCoreExtras } from './core';
import { CRD_DEFINITIONS } from './definitions';
import { invalid, required, unknownField } from './fieldErrors';
import { OBJECT_META_SCHEMA, validateObjectMeta } from './objectMeta';
import type { JSONSchemaProps, ResourceDefinition } from './types';
import { applyDefaults, prune, unknownFields, validateValue } from './validate';

const DEFINITIONS: ReadonlyMap<string, ResourceDefinition> = new Map(
  [...CORE_DEFINITIONS, ...CRD_DEFINITIONS].map(d => [d.names.kind, d]),
);

/** The simulator's definition (schema, names, scope, columns) of a kind; undefined when it has none. */
export function getSchema(kind: string): ResourceDefinition | undefined {
  return DEFINITIONS.get(kind);
}

/** Every definition the simulator has: the core kinds, then the custom resources. */
export function listDefinitions(): ResourceDefinition[] {
  return [...DEFINITIONS.values()];
}

/** `group/version`, or just the version for the core group. */
export function apiVersionOfDefinition(definition: ResourceDefinition): string {
  return definition.group
    ? `${definition.group}/${definition.version}`
    : definition.version;
}

const resourceSchemas = new WeakMap<ResourceDefinition, JSONSchemaProps>();
/**
 * The schema of a whole object: the definition's schema with `metadata` described
 * as ObjectMeta (a CRD only says `type: object` there, the server knows the rest).
 */
export function resourceSchema(
  definition: ResourceDefinition,
): JSONSchemaProps {
  let schema = resourceSchemas.get(definition);
  if (!schema) {
    schema = {
      ...definition.schema,
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        ...definition.schema.properties,
        metadata: OBJECT_META_SCHEMA,
      },
    };
    resourceSchemas.set(definition, schema);
  }
  return schema;
}

/** Options of object validation. */
export interface ValidateObjectOptions {
  /**
   * Report fields the schema does not know (`fieldValidation=Strict`) as causes
   * with reason UNKNOWN_FIELD_REASON. Otherwise they are ignored, as the server
   * prunes them.
   */
  strict?: boolean;
}

function typeMetaCauses(
  definition: ResourceDefinition,
  object: KubeObject,
): FieldCause[] {
  const causes: FieldCause[] = [];
  const expectedApiVersion = apiVersionOfDefinition(definition);
  if (object.kind !== definition.names.kind) {
    causes.push(
      object.kind
        ? invalid('kind', object.kind, `must be ${definition.names.kind}`)
        : required('kind'),
    );
  }
  if (object.apiVersion !== expectedApiVersion) {
    causes.push(
      object.apiVersion
        ? invalid(
            'apiVersion',
            object.apiVersion,
            `must be ${expectedApiVersion}`,
          )
        : required('apiVersion'),
    );
  }
  return causes;
}

/** Prunes unknown fields and applies defaults, as the server does before validating. */
function normalize(
  definition: ResourceDefinition,
  object: KubeObject,
): KubeObject {
  const schema = resourceSchema(definition);
  return applyDefaults(schema, prune(schema, object));
}

/**
 * Validates an object against a definition, as the API server validates a write:
 *
 * 1. apiVersion and kind must match the definition (if not, nothing else is checked);
 * 2. with `strict`, every unknown field is a cause (`unknown field "spec.x"`);
 * 3. the object is pruned and defaulted, then checked: ObjectMeta rules (name,
 *    namespace by scope, labels, annotations, finalizers), the schema, list types
 *    and CEL rules. `oldObject` (the stored object, on updates) feeds the
 *    transition rules such as `self == oldSelf`.
 *
 * Returns no causes when the object is valid. The object is not changed.
 */
export function validateResource(
  definition: ResourceDefinition,
  object: KubeObject,
  oldObject?: KubeObject,
  options: ValidateObjectOptions = {},
): FieldCause[] {
  const typeCauses = typeMetaCauses(definition, object);
  if (typeCauses.length > 0) return typeCauses;

  const schema = resourceSchema(definition);
  const causes: FieldCause[] = options.strict
    ? unknownFields(schema, object).map(unknownField)
    : [];
  const prepared = normalize(definition, object);
  const old = oldObject ? normalize(definition, oldObject) : undefined;
  causes.push(
    ...validateObjectMeta(prepared.metadata, {
      namespaced: definition.scope === 'Namespaced',
      nameRule: nameRuleFor(definition),
    }),
    ...validateValue(schema, prepared, { oldValue: old }),
  );
  if (definition.group === '') {
    causes.push(...validateCoreExtras(definition.names.kind, prepared));
  }
  return causes;
}

function definitionOrThrow(kind: string): ResourceDefinition {
  const definition = getSchema(kind);
  if (!definition) {
    throw new Error(`The simulator has no schema for kind ${kind}`);
  }
  return definition;
}

/**
 * Validates an object of a kind the simulator serves (see `validateResource`).
 * Throws for a kind without a definition.
 */
export function validateObject(
  kind: string,
  object: KubeObject,
  oldObject?: KubeObject,
  options: ValidateObjectOptions = {},
): FieldCause[] {
  return validateResource(definitionOrThrow(kind), object, oldObject, options);
}

/** How unknown fields are handled on a write, as the `fieldValidation` query parameter says. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** What `prepareWrite` returns. */
export interface PreparedWrite {
  /** The object as it would be stored: pruned and defaulted. */
  object: KubeObject;
  /**
   * Why the write is rejected; empty when it may proceed. With Strict, unknown
   * fields are causes with reason UNKNOWN_FIELD_REASON: answer those with
   * 400 BadRequest and `strictDecodingMessage(unknownFields)`, the rest with 422.
   */
  causes: FieldCause[];
  /** Paths of the fields that were pruned, e.g. `spec.foo`. */
  unknownFields: string[];
  /** With Warn: `unknown field "spec.foo"`, one per field, for `Warning` headers. */
  warnings: string[];
}

/**
 * Everything the API server does to a written object before storing it: finds and
 * prunes unknown fields, applies defaults and validates. Defaults to Warn, as
 * Kubernetes does when a client sends no `fieldValidation`.
 */
export function prepareWrite(
  kind: string,
  object: KubeObject,
  oldObject?: KubeObject,
  options: { fieldValidation?: FieldValidation } = {},
): PreparedWrite {
  const definition = definitionOrThrow(kind);
  const mode = options.fieldValidation ?? 'Warn';
  const unknown = unknownFields(resourceSchema(definition), object);
  const causes = validateResource(definition, object, oldObject, {
    strict: mode === 'Strict',
  });
  return {
    object: normalize(definition, object),
    causes,
    unknownFields: unknown,
    warnings:
      mode === 'Warn'
        ? unknown.map(f => `unknown field ${JSON.stringify(f)}`)
        : [],
  };
}
