/*
 * A ClusterTemplate's values schema as the portal applies it, and the problems
 * of a config against it, worded like the backend's (`region: must NOT have
 * fewer than 1 characters`) so users see the same message in the form as they
 * would get from the API.
 */
import {
  CONTROLLER_FILLED_VALUES,
  relaxedValuesSchema as relaxedSchema,
  type JsonObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';

/** One problem of a config, at a dotted path below it (`controlPlane.instanceType`). @public */
export interface ClusterConfigProblem {
  path: string;
  message: string;
}

/** The subset of an Ajv error the messages are built from. */
interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Most problems reported at once; a wrong schema can produce hundreds. */
const MAX_PROBLEMS = 20;

/**
 * {@link @k0rdent-backstage/plugin-k0rdent-common#relaxedValuesSchema} typed
 * for rjsf.
 *
 * @public
 */
export function relaxedValuesSchema(schema: JsonObject): RJSFSchema {
  return relaxedSchema(schema) as RJSFSchema;
}

/**
 * The values schema as the form shows it: {@link relaxedValuesSchema} without
 * the values the controller fills, which users have nothing to enter for
 * (their required sub-fields would otherwise block the form).
 *
 * @public
 */
export function formValuesSchema(schema: JsonObject): RJSFSchema {
  const relaxed = relaxedValuesSchema(schema);
  const properties = relaxed.properties;
  if (!properties || typeof properties !== 'object') return relaxed;
  return {
    ...relaxed,
    properties: Object.fromEntries(
      Object.entries(properties).filter(
        ([key]) => !CONTROLLER_FILLED_VALUES.includes(key),
      ),
    ),
  };
}

/** `/a/b/0` → `a.b.0` */
function dotted(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Checks a cluster config against its template's values schema.
 *
 * @returns the problems, empty when the config is valid
 * @public
 */
export function findClusterConfigProblems(
  valuesSchema: JsonObject,
  config: JsonObject,
): ClusterConfigProblem[] {
  const { errors = [], validationError } = validator.rawValidation<AjvError>(
    relaxedValuesSchema(valuesSchema),
    config,
  );
  if (validationError) {
    return [
      {
        path: '(schema)',
        message: `the template's values schema cannot be used: ${validationError.message}`,
      },
    ];
  }
  return errors.slice(0, MAX_PROBLEMS).map(error => {
    const path = dotted(error.instancePath);
    if (error.keyword === 'required') {
      return {
        path: join(path, String(error.params.missingProperty)),
        message: 'is required',
      };
    }
    if (error.keyword === 'additionalProperties') {
      return {
        path: join(path, String(error.params.additionalProperty)),
        message: 'is not a value this template knows',
      };
    }
    if (error.keyword === 'enum') {
      const allowed = (error.params.allowedValues as unknown[]) ?? [];
      return {
        path: path || '(config)',
        message: `must be one of ${allowed
          .map(v => JSON.stringify(v))
          .join(', ')}`,
      };
    }
    return { path: path || '(config)', message: error.message ?? 'is invalid' };
  });
}
