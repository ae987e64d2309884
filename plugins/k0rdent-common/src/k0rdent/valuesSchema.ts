/*
 * A ClusterTemplate's values schema (values.schema.json) as the portal checks
 * configs against it: the k0rdent controller fills some values itself, so a
 * user must never be asked for them.
 */
import type { JsonObject } from './meta';

/**
 * Helm values the k0rdent controller fills in itself (API fact sheet §3.1):
 * a chart's schema may require them, but users must not have to give them.
 * @public
 */
export const CONTROLLER_FILLED_VALUES: readonly string[] = Object.freeze([
  'clusterIdentity',
  'auth',
  'audit',
  'global',
]);

/**
 * The values schema as validation uses it: without `$schema` (validators'
 * default draft reads the drafts charts use) and without requiring the values
 * the controller fills.
 * @public
 */
export function relaxedValuesSchema(schema: JsonObject): JsonObject {
  const { $schema: _ignored, ...rest } = schema;
  if (Array.isArray(rest.required)) {
    rest.required = rest.required.filter(
      key => !CONTROLLER_FILLED_VALUES.includes(String(key)),
    );
  }
  return rest;
}
