/*
 * What Helm does with a chart's values.schema.json at install time: validate the
 * merged values (chart defaults, then the user's config) and report errors the way
 * Helm words them. Only the schema keywords our compact schemas use are checked.
 */
import type {
  JsonObject,
  JsonValue,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { JsonSchema, JsonSchemaType } from './jsonSchema';

/**
 * Chart defaults overlaid with user values (objects merge, everything else replaces).
 * Unchanged subtrees are shared with the inputs: treat the result as read-only.
 */
export function mergeValues(
  defaults: JsonObject,
  overrides: JsonObject,
): JsonObject {
  const result: JsonObject = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    const base = result[key];
    result[key] =
      isObject(base) && isObject(value) ? mergeValues(base, value) : value;
  }
  return result;
}

/** Validation errors as `- path: message` lines; empty when the values are valid. */
export function validateValues(
  schema: JsonSchema,
  values: JsonValue,
): string[] {
  const errors: string[] = [];
  check(schema, values, '', errors);
  return errors;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: JsonValue): JsonSchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonSchemaType;
}

function typeMatches(
  expected: JsonSchemaType,
  actual: JsonSchemaType,
): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function check(
  schema: JsonSchema,
  value: JsonValue,
  path: string,
  errors: string[],
): void {
  const at = path || '(root)';
  if (schema.type) {
    const expected = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!expected.some(t => typeMatches(t, actual))) {
      errors.push(
        `- ${at}: Invalid type. Expected: ${expected.join(
          ' or ',
        )}, given: ${actual}`,
      );
      return;
    }
  }
  if (schema.enum && !schema.enum.some(option => option === value)) {
    const options = schema.enum
      .map(option => JSON.stringify(option))
      .join(', ');
    errors.push(`- ${at}: ${at} must be one of the following: ${options}`);
  }
  if (
    typeof value === 'string' &&
    schema.minLength !== undefined &&
    value.length < schema.minLength
  ) {
    errors.push(
      `- ${at}: String length must be greater than or equal to ${schema.minLength}`,
    );
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      errors.push(
        `- ${at}: Must be greater than or equal to ${schema.minimum}`,
      );
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      errors.push(`- ${at}: Must be less than or equal to ${schema.maximum}`);
    }
  }
  if (isObject(value)) {
    for (const required of schema.required ?? []) {
      if (!(required in value)) {
        errors.push(`- ${at}: ${required} is required`);
      }
    }
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (key in value) {
        check(child, value[key], path ? `${path}.${key}` : key, errors);
      }
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) =>
      check(schema.items!, item, `${at}.${index}`, errors),
    );
  }
}
