/*
 * Checks a cluster's config against its template's values.schema.json, the way
 * Helm would at install time, so a bad value is refused in the portal instead
 * of surfacing minutes later in the cluster's HelmReleaseReady condition.
 */
import {
  relaxedValuesSchema,
  type JsonObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One problem, at a JSON path below the config (`.controlPlane.instanceType`). */
export interface ValuesProblem {
  path: string;
  message: string;
}

/** Compiles schemas once per schema object and validates configs against them. */
export class ValuesSchemaValidator {
  readonly #ajv: Ajv;
  readonly #compiled = new WeakMap<object, ValidateFunction>();

  constructor() {
    this.#ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.#ajv);
  }

  validate(schema: JsonObject, config: JsonObject): ValuesProblem[] {
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(relaxedValuesSchema(schema));
      this.#compiled.set(schema, validate);
    }
    if (validate(config)) return [];
    return (validate.errors ?? []).slice(0, 20).map(error => {
      const path = error.instancePath.replace(/\//g, '.');
      if (error.keyword === 'required') {
        const missing = (error.params as { missingProperty: string })
          .missingProperty;
        return { path: `${path}.${missing}`, message: 'is required' };
      }
      if (error.keyword === 'additionalProperties') {
        const extra = (error.params as { additionalProperty: string })
          .additionalProperty;
        return {
          path: `${path}.${extra}`,
          message: 'is not a value this template knows',
        };
      }
      if (error.keyword === 'enum') {
        const allowed = (error.params as { allowedValues: unknown[] })
          .allowedValues;
        return {
          path,
          message: `must be one of ${allowed
            .map(v => JSON.stringify(v))
            .join(', ')}`,
        };
      }
      return { path, message: error.message ?? 'is invalid' };
    });
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values Helm renders with: `values` over the chart's `defaults`, maps
 * merged key by key, anything else replaced, `null` removing a default.
 */
export function coalesceValues(
  defaults: JsonObject,
  values: JsonObject,
): JsonObject {
  const result: JsonObject = { ...defaults };
  for (const [key, value] of Object.entries(values)) {
    if (value === null) {
      delete result[key];
    } else if (isObject(value) && isObject(result[key])) {
      result[key] = coalesceValues(result[key] as JsonObject, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}
