/*
 * A validator for Kubernetes structural schemas (the `openAPIV3Schema` of a CRD
 * version), doing what the API server does to a custom resource on write:
 *
 *   prune(schema, obj)          drop fields the schema does not know (unless
 *                               x-kubernetes-preserve-unknown-fields);
 *   unknownFields(schema, obj)  the same fields, listed (strict field validation);
 *   applyDefaults(schema, obj)  drop nulls of non-nullable fields, fill `default`s;
 *   validateValue(schema, obj)  OpenAPI keywords, list types and CEL rules, with
 *                               the messages of kube-openapi and apiextensions.
 *
 * Error text follows k8s.io/kube-openapi/pkg/validation (e.g. "spec.x in body
 * should match '^a$'") wrapped as field errors the way apiextensions-apiserver
 * does (FieldValueInvalid, FieldValueTypeInvalid, ...). Paths are written as
 * Kubernetes writes them: `spec.services[0].template`, map keys after a dot.
 * All functions are pure: they never change their arguments.
 */
import type { FieldCause } from '../store/types';
import { evaluateRule, isTransitionRule, jsonEqual } from './celRules';
import {
  duplicate,
  goFloat,
  invalid,
  notSupported,
  required,
  tooLong,
  tooMany,
  typeInvalid,
} from './fieldErrors';
import { OBJECT_META_SCHEMA } from './objectMeta';
import type { JSONSchemaProps, ValidationRule } from './types';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepCopy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** Path of a property: `spec` + `template` = `spec.template`. */
function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Path of a list item: `spec.services[0]`. */
function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** The JSON type of a value, as kube-openapi names it ("integer" for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

/**
 * The schema as it applies to a value: an embedded resource (a whole object inside
 * a field) implicitly has apiVersion, kind and ObjectMeta metadata.
 */
const embeddedSchemas = new WeakMap<JSONSchemaProps, JSONSchemaProps>();
function effective(schema: JSONSchemaProps): JSONSchemaProps {
  if (!schema['x-kubernetes-embedded-resource']) return schema;
  let result = embeddedSchemas.get(schema);
  if (!result) {
    result = {
      ...schema,
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        ...schema.properties,
        metadata: OBJECT_META_SCHEMA,
      },
    };
    embeddedSchemas.set(schema, result);
  }
  return result;
}

/** The schema of an object's field: a declared property or the additionalProperties schema. */
function fieldSchema(
  schema: JSONSchemaProps,
  key: string,
): JSONSchemaProps | undefined {
  const property = schema.properties?.[key];
  if (property) return property;
  const additional = schema.additionalProperties;
  return isObject(additional) ? (additional as JSONSchemaProps) : undefined;
}

/** Whether fields without a schema are kept as they are. */
function keepsUnknownFields(schema: JSONSchemaProps): boolean {
  return (
    schema['x-kubernetes-preserve-unknown-fields'] === true ||
    schema.additionalProperties === true
  );
}

// ---------------------------------------------------------------------------
// Pruning and unknown fields

function pruneValue(
  schema: JSONSchemaProps,
  value: unknown,
  path: string,
  dropped: string[],
): unknown {
  const s = effective(schema);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [key, fieldValue] of Object.entries(value)) {
      const sub = fieldSchema(s, key);
      if (sub) {
        out[key] = pruneValue(sub, fieldValue, child(path, key), dropped);
      } else if (keepsUnknownFields(s)) {
        out[key] = deepCopy(fieldValue);
      } else {
        dropped.push(child(path, key));
      }
    }
    return out;
  }
  if (Array.isArray(value)) {
    const items = s.items;
    return value.map((item, i) =>
      items ? pruneValue(items, item, index(path, i), dropped) : deepCopy(item),
    );
  }
  return value;
}

/**
 * Removes the fields the schema does not know, as the API server prunes a custom
 * resource (silently, unless field validation is Strict). Returns a new value.
 */
export function prune<T>(schema: JSONSchemaProps, value: T): T {
  return pruneValue(schema, value, '', []) as T;
}

/**
 * The paths of fields `prune` would remove, e.g. `spec.foo` or
 * `spec.services[0].bar`: what strict field validation reports as
 * `unknown field "spec.foo"`.
 */
export function unknownFields(
  schema: JSONSchemaProps,
  value: unknown,
  path = '',
): string[] {
  const dropped: string[] = [];
  pruneValue(schema, value, path, dropped);
  return dropped;
}

// ---------------------------------------------------------------------------
// Defaulting

/** A null where the schema does not allow null (Kubernetes drops or defaults it). */
function isNonNullableNull(value: unknown, schema: JSONSchemaProps): boolean {
  return value === null && !schema.nullable;
}

function defaultValue(schema: JSONSchemaProps, value: unknown): unknown {
  const s = effective(schema);
  if (isObject(value)) {
    const out: JsonObject = { ...value };
    for (const [key, property] of Object.entries(s.properties ?? {})) {
      const current = out[key];
      if (current === undefined || isNonNullableNull(current, property)) {
        if (property.default !== undefined) {
          out[key] = deepCopy(property.default);
        } else if (current === null) {
          delete out[key];
        }
      }
    }
    for (const [key, current] of Object.entries(out)) {
      const sub = fieldSchema(s, key);
      if (!sub) continue;
      if (isNonNullableNull(current, sub) && !s.properties?.[key]) {
        // A null map value: defaulted when the value schema has a default, else dropped.
        if (sub.default !== undefined) out[key] = deepCopy(sub.default);
        else delete out[key];
        continue;
      }
      out[key] = defaultValue(sub, current);
    }
    return out;
  }
  if (Array.isArray(value) && s.items) {
    const items = s.items;
    return value.map(item =>
      isNonNullableNull(item, items) && items.default !== undefined
        ? deepCopy(items.default)
        : defaultValue(items, item),
    );
  }
  return value;
}

/**
 * Applies what the API server does before validation: nulls in fields that are not
 * `nullable` are dropped (or replaced by the field's default), missing fields that
 * have a `default` get it, and defaults apply inside defaulted values too.
 * Returns a new value.
 */
export function applyDefaults<T>(schema: JSONSchemaProps, value: T): T {
  return defaultValue(schema, value) as T;
}

// ---------------------------------------------------------------------------
// Validation

/** Errors by the API server pass that finds them, kept apart to report them in its order. */
interface Findings {
  schema: FieldCause[];
  listTypes: FieldCause[];
  rules: FieldCause[];
}

const newFindings = (): Findings => ({ schema: [], listTypes: [], rules: [] });

/** The stored value at the same place as the value being validated, when there is one. */
type Old = { value: unknown } | undefined;

const patternCache = new Map<string, RegExp | null>();
function compilePattern(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    try {
      patternCache.set(pattern, new RegExp(pattern));
    } catch {
      // A pattern JavaScript cannot compile (RE2-only syntax) is not enforced.
      patternCache.set(pattern, null);
    }
  }
  return patternCache.get(pattern)!;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;

function validDate(y: number, m: number, d: number): boolean {
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

/**
 * The string formats checked, as go-openapi's strfmt does; other formats
 * (int32, int64, uri, ...) are accepted without a check, as Kubernetes accepts
 * unknown formats and does not range-check int32/int64.
 */
const FORMATS: Record<string, (value: string) => boolean> = {
  'date-time': value => {
    const m = DATE_TIME_RE.exec(value);
    return (
      !!m &&
      validDate(+m[1], +m[2], +m[3]) &&
      +m[4] < 24 &&
      +m[5] < 60 &&
      (m[6] === undefined || +m[6] < 60)
    );
  },
  date: value => {
    const m = DATE_RE.exec(value);
    return !!m && validDate(+m[1], +m[2], +m[3]);
  },
  byte: value => /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0,
};
FORMATS.datetime = FORMATS['date-time'];

/** A bound in a message: integer data is compared as int64, anything else as float64. */
function formatBound(bound: number, value: number): string {
  return Number.isInteger(value) ? String(Math.trunc(bound)) : goFloat(bound);
}

function expectedTypes(schema: JSONSchemaProps): string[] {
  if (schema['x-kubernetes-int-or-string']) return ['integer', 'string'];
  return schema.type ? [schema.type] : [];
}

function typeMatches(expected: string[], actual: string): boolean {
  return (
    expected.includes(actual) ||
    (actual === 'integer' && expected.includes('number'))
  );
}

function validateString(
  schema: JSONSchemaProps,
  value: string,
  path: string,
  out: Findings,
): void {
  // Lengths count characters (runes), as Go's utf8.RuneCountInString.
  const length = [...value].length;
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    out.schema.push(tooLong(path, schema.maxLength));
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    out.schema.push(
      invalid(
        path,
        value,
        `${path} in body should be at least ${schema.minLength} chars long`,
      ),
    );
  }
  if (schema.pattern !== undefined) {
    const re = compilePattern(schema.pattern);
    if (re && !re.test(value)) {
      out.schema.push(
        invalid(
          path,
          value,
          `${path} in body should match '${schema.pattern}'`,
        ),
      );
    }
  }
  const check = schema.format ? FORMATS[schema.format] : undefined;
  if (check && !check(value)) {
    out.schema.push(
      typeInvalid(
        path,
        value,
        `${path} in body must be of type ${schema.format}: ${JSON.stringify(
          value,
        )}`,
      ),
    );
  }
}

function validateNumber(
  schema: JSONSchemaProps,
  value: number,
  path: string,
  out: Findings,
): void {
  if (schema.multipleOf !== undefined && schema.multipleOf > 0) {
    const quotient = value / schema.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) {
      out.schema.push(
        invalid(
          path,
          value,
          `${path} in body should be a multiple of ${formatBound(
            schema.multipleOf,
            value,
          )}`,
        ),
      );
    }
  }
  if (schema.maximum !== undefined) {
    const exclusive = schema.exclusiveMaximum === true;
    if (exclusive ? value >= schema.maximum : value > schema.maximum) {
      const relation = exclusive ? 'less than' : 'less than or equal to';
      out.schema.push(
        invalid(
          path,
          value,
          `${path} in body should be ${relation} ${formatBound(
            schema.maximum,
            value,
          )}`,
        ),
      );
    }
  }
  if (schema.minimum !== undefined) {
    const exclusive = schema.exclusiveMinimum === true;
    if (exclusive ? value <= schema.minimum : value < schema.minimum) {
      const relation = exclusive ? 'greater than' : 'greater than or equal to';
      out.schema.push(
        invalid(
          path,
          value,
          `${path} in body should be ${relation} ${formatBound(
            schema.minimum,
            value,
          )}`,
        ),
      );
    }
  }
}

/** The key of a list-map item: the values of its key fields (absent keys left out). */
function listMapKey(item: JsonObject, keys: string[]): JsonObject {
  const key: JsonObject = {};
  for (const name of keys) {
    if (item[name] !== undefined) key[name] = item[name];
  }
  return key;
}

function validateListType(
  schema: JSONSchemaProps,
  value: unknown[],
  path: string,
  out: Findings,
): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    value.forEach((item, i) => {
      if (value.slice(0, i).some(earlier => jsonEqual(earlier, item))) {
        out.listTypes.push(duplicate(index(path, i), item));
      }
    });
  } else if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const seen: JsonObject[] = [];
    value.forEach((item, i) => {
      if (!isObject(item)) {
        out.listTypes.push(
          invalid(
            index(path, i),
            item,
            'must be an object for an array of list-type map',
          ),
        );
        return;
      }
      const key = listMapKey(item, keys);
      if (seen.some(k => jsonEqual(k, key))) {
        out.listTypes.push(duplicate(index(path, i), key));
      }
      seen.push(key);
    });
  }
}

/**
 * The stored item matching a list item: only list-type=map items have an identity
 * (their keys); items of other lists are not correlated, as in Kubernetes.
 */
function oldListItem(schema: JSONSchemaProps, item: unknown, old: Old): Old {
  if (schema['x-kubernetes-list-type'] !== 'map') return undefined;
  if (!old || !Array.isArray(old.value) || !isObject(item)) return undefined;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  const key = listMapKey(item, keys);
  const match = old.value.find(
    o => isObject(o) && jsonEqual(listMapKey(o, keys), key),
  );
  return match === undefined ? undefined : { value: match };
}

function oldField(old: Old, key: string): Old {
  if (!old || !isObject(old.value) || !(key in old.value)) return undefined;
  return { value: old.value[key] };
}

function validateArray(
  schema: JSONSchemaProps,
  value: unknown[],
  path: string,
  old: Old,
  out: Findings,
  withRules: boolean,
): void {
  if (schema.items) {
    const items = schema.items;
    value.forEach((item, i) =>
      validateNode(
        items,
        item,
        index(path, i),
        oldListItem(schema, item, old),
        out,
        withRules,
      ),
    );
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    out.schema.push(
      invalid(
        path,
        value.length,
        `${path} in body should have at least ${schema.minItems} items`,
      ),
    );
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    out.schema.push(tooMany(path, value.length, schema.maxItems));
  }
  if (
    schema.uniqueItems &&
    value.some((item, i) => value.slice(0, i).some(e => jsonEqual(e, item)))
  ) {
    out.schema.push(
      invalid(path, '', `${path} in body shouldn't contain duplicates`),
    );
  }
  validateListType(schema, value, path, out);
}

function validateObjectValue(
  schema: JSONSchemaProps,
  value: JsonObject,
  path: string,
  old: Old,
  out: Findings,
  withRules: boolean,
): void {
  const keys = Object.keys(value);
  // kube-openapi stops at a property-count violation without looking inside.
  if (
    schema.minProperties !== undefined &&
    keys.length < schema.minProperties
  ) {
    out.schema.push(
      invalid(
        path,
        keys.length,
        `${path} in body should have at least ${schema.minProperties} properties`,
      ),
    );
    return;
  }
  if (
    schema.maxProperties !== undefined &&
    keys.length > schema.maxProperties
  ) {
    out.schema.push(tooMany(path, keys.length, schema.maxProperties));
    return;
  }
  if (schema.additionalProperties === false) {
    for (const key of keys) {
      if (!schema.properties?.[key]) {
        out.schema.push(
          invalid(
            path,
            key,
            `${child(path, key)} in body is a forbidden property`,
          ),
        );
      }
    }
  }
  for (const key of keys) {
    const sub = fieldSchema(schema, key);
    if (sub) {
      validateNode(
        sub,
        value[key],
        child(path, key),
        oldField(old, key),
        out,
        withRules,
      );
    }
  }
  for (const key of schema.required ?? []) {
    if (!(key in value)) out.schema.push(required(child(path, key)));
  }
  if (schema['x-kubernetes-embedded-resource']) {
    for (const key of ['apiVersion', 'kind']) {
      if (typeof value[key] !== 'string' || value[key] === '') {
        out.schema.push(required(child(path, key), 'must not be empty'));
      }
    }
  }
}

/** anyOf / oneOf / allOf / not, with kube-openapi's messages. */
function validateComposition(
  schema: JSONSchemaProps,
  value: unknown,
  path: string,
  out: Findings,
): void {
  const attempt = (sub: JSONSchemaProps): FieldCause[] => {
    const findings = newFindings();
    validateNode(sub, value, path, undefined, findings, false);
    return [...findings.schema, ...findings.listTypes];
  };
  // The real server reports these at the root ("<nil>"); naming the path is more useful.
  const composite = (message: string) => invalid(path, '', message);
  const quoted = JSON.stringify(path);

  if (schema.anyOf?.length) {
    const results = schema.anyOf.map(attempt);
    if (!results.some(r => r.length === 0)) {
      out.schema.push(
        composite(`${quoted} must validate at least one schema (anyOf)`),
      );
      out.schema.push(...fewest(results));
    }
  }
  if (schema.oneOf?.length) {
    const results = schema.oneOf.map(attempt);
    const valid = results.filter(r => r.length === 0).length;
    if (valid !== 1) {
      const found =
        valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
      out.schema.push(
        composite(
          `${quoted} must validate one and only one schema (oneOf). ${found}`,
        ),
      );
      if (valid === 0) out.schema.push(...fewest(results));
    }
  }
  if (schema.allOf?.length) {
    const results = schema.allOf.map(attempt);
    const valid = results.filter(r => r.length === 0).length;
    out.schema.push(...results.flat());
    if (valid !== results.length) {
      const none = valid === 0 ? '. None validated' : '';
      out.schema.push(
        composite(`${quoted} must validate all the schemas (allOf)${none}`),
      );
    }
  }
  if (schema.not && attempt(schema.not).length === 0) {
    out.schema.push(composite(`${quoted} must not validate the schema (not)`));
  }
}

/** The failures of the alternative that came closest (kube-openapi's "best failures"). */
function fewest(results: FieldCause[][]): FieldCause[] {
  return results.reduce((best, r) => (r.length < best.length ? r : best));
}

function ruleCause(
  rule: ValidationRule,
  schema: JSONSchemaProps,
  path: string,
): FieldCause {
  const fieldPath = rule.fieldPath
    ? path + (rule.fieldPath.startsWith('.') ? '' : '.') + rule.fieldPath
    : path;
  const message = rule.message || `failed rule: ${rule.rule.trim()}`;
  // The bad value shown is the schema type, e.g. `Invalid value: "object": Spec is immutable`.
  const cause = invalid(fieldPath, schema.type ?? '', message);
  if (rule.reason) {
    // An explicit reason replaces the type (FieldValueForbidden, ...); the message stays.
    return { ...cause, reason: rule.reason };
  }
  return cause;
}

function validateRules(
  schema: JSONSchemaProps,
  value: unknown,
  path: string,
  old: Old,
  out: Findings,
): void {
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    // Transition rules only run on updates where the old value exists.
    if (isTransitionRule(rule.rule) && !old) continue;
    // Unknown rules evaluate to undefined and are skipped (see celRules.ts).
    if (evaluateRule(rule.rule, value, old?.value) === false) {
      out.rules.push(ruleCause(rule, schema, path));
    }
  }
}

function validateNode(
  schema: JSONSchemaProps,
  value: unknown,
  path: string,
  old: Old,
  out: Findings,
  withRules: boolean,
): void {
  if (value === undefined) return;
  const s = effective(schema);
  const types = expectedTypes(s);
  const actual = jsonTypeOf(value);
  if (value === null) {
    if (types.length > 0 && !s.nullable) {
      out.schema.push(
        typeInvalid(
          path,
          'null',
          `${path} in body must be of type ${types.join(',')}: "null"`,
        ),
      );
    }
    return;
  }
  if (types.length > 0 && !typeMatches(types, actual)) {
    // Nothing else is checked on a value of the wrong type.
    out.schema.push(
      typeInvalid(
        path,
        actual,
        `${path} in body must be of type ${types.join(',')}: "${actual}"`,
      ),
    );
    return;
  }
  validateComposition(s, value, path, out);
  if (typeof value === 'string') {
    validateString(s, value, path, out);
  } else if (typeof value === 'number') {
    validateNumber(s, value, path, out);
  } else if (Array.isArray(value)) {
    validateArray(s, value, path, old, out, withRules);
  } else if (isObject(value)) {
    validateObjectValue(s, value, path, old, out, withRules);
  }
  if (s.enum && !s.enum.some(allowed => jsonEqual(allowed, value))) {
    const allowed = s.enum.map(e =>
      typeof e === 'string' ? e : JSON.stringify(e),
    );
    out.schema.push(notSupported(path, value, allowed));
  }
  if (withRules) validateRules(s, value, path, old, out);
}

/** Options of `validateValue`. */
export interface ValidateValueOptions {
  /** The stored value, on updates: transition rules (`oldSelf`) compare with it. */
  oldValue?: unknown;
  /** Where the value sits, used as the prefix of every path; '' for a whole object. */
  path?: string;
}

/**
 * Validates a value against a structural schema: types, formats, bounds, enums,
 * required fields, list-type invariants and the CEL rules known to `celRules.ts`.
 * Call it on a pruned and defaulted value (see `prune`, `applyDefaults`), as the
 * API server does. Returns the causes in the API server's order: OpenAPI schema
 * errors, then list-type errors, then rule errors. As in Kubernetes, rules are not
 * evaluated when a value has the wrong type or an unsupported enum value.
 */
export function validateValue(
  schema: JSONSchemaProps,
  value: unknown,
  options: ValidateValueOptions = {},
): FieldCause[] {
  const findings = newFindings();
  const old: Old =
    options.oldValue === undefined ? undefined : { value: options.oldValue };
  validateNode(schema, value, options.path ?? '', old, findings, true);
  const causes = [...findings.schema, ...findings.listTypes];
  // Wrong types and unsupported values block the rules (apiextensions' hasBlockingErr).
  const blocked = causes.some(
    c =>
      c.reason === 'FieldValueTypeInvalid' ||
      c.reason === 'FieldValueNotSupported',
  );
  if (blocked) {
    if (hasRules(schema)) {
      causes.push(
        invalid(
          '<nil>',
          null,
          'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
        ),
      );
    }
    return causes;
  }
  return [...causes, ...findings.rules];
}

const schemasWithRules = new WeakMap<JSONSchemaProps, boolean>();
/** Whether any node of the schema carries x-kubernetes-validations. */
function hasRules(schema: JSONSchemaProps): boolean {
  let known = schemasWithRules.get(schema);
  if (known === undefined) {
    known =
      !!schema['x-kubernetes-validations']?.length ||
      Object.values(schema.properties ?? {}).some(hasRules) ||
      (!!schema.items && hasRules(schema.items)) ||
      (isObject(schema.additionalProperties) &&
        hasRules(schema.additionalProperties as JSONSchemaProps));
    schemasWithRules.set(schema, known);
  }
  return known;
}

/** Every CEL rule text in a schema, with the path of the node carrying it. */
export function collectRules(
  schema: JSONSchemaProps,
  path = '',
): Array<{ path: string; rule: ValidationRule }> {
  const found = (schema['x-kubernetes-validations'] ?? []).map(rule => ({
    path,
    rule,
  }));
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    found.push(...collectRules(sub, child(path, key)));
  }
  if (schema.items) found.push(...collectRules(schema.items, `${path}[*]`));
  if (isObject(schema.additionalProperties)) {
    found.push(
      ...collectRules(
        schema.additionalProperties as JSONSchemaProps,
        child(path, '*'),
      ),
    );
  }
  return found;
}
