/*
 * The small JSON Schema vocabulary our hand-written chart schemas use, builders that
 * keep them short, and defaults derived from the schema (the chart's default values
 * are exactly the schema's `default`s, so the two never drift apart).
 */
import type {
  JsonObject,
  JsonValue,
} from '@k0rdent-backstage/plugin-k0rdent-common';

export type JsonSchemaType =
  | 'object'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'array'
  | 'null';

export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: JsonValue[];
  examples?: JsonValue[];
  default?: JsonValue;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  uniqueItems?: boolean;
}

type Extra = Omit<JsonSchema, 'type' | 'description'>;

export const str = (description: string, extra: Extra = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});
export const int = (description: string, extra: Extra = {}): JsonSchema => ({
  type: 'integer',
  description,
  ...extra,
});
export const num = (description: string, extra: Extra = {}): JsonSchema => ({
  type: 'number',
  description,
  ...extra,
});
export const bool = (description: string, value: boolean): JsonSchema => ({
  type: 'boolean',
  description,
  default: value,
});
export const list = (
  description: string,
  items: JsonSchema,
  extra: Extra = {},
): JsonSchema => ({ type: 'array', description, items, ...extra });
export const obj = (
  description: string,
  properties: Record<string, JsonSchema>,
  required?: string[],
): JsonSchema => ({
  type: 'object',
  description,
  properties,
  ...(required?.length ? { required } : {}),
});
/** A free-form string map such as clusterLabels. */
export const stringMap = (description: string): JsonSchema => ({
  type: 'object',
  description,
  additionalProperties: true,
  default: {},
});

/** The root of a chart's values schema. */
export function valuesSchema(
  description: string,
  properties: Record<string, JsonSchema>,
  required: string[],
): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    description,
    type: 'object',
    required,
    properties,
  };
}

/** The default values a schema describes: every `default`, nested as the schema nests. */
export function defaultsOf(schema: JsonSchema): JsonObject {
  const value = defaultValue(schema);
  return value && typeof value === 'object' && !Array.isArray(value)
    ? value
    : {};
}

function defaultValue(schema: JsonSchema): JsonValue | undefined {
  if (schema.default !== undefined) {
    return structuredClone(schema.default);
  }
  if (!schema.properties) {
    return undefined;
  }
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    const value = defaultValue(child);
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
