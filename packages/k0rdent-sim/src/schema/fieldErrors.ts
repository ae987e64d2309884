/*
 * Field errors written the way Kubernetes writes them
 * (k8s.io/apimachinery/pkg/util/validation/field): a machine-readable reason, a
 * message ("ErrorBody") that starts with the error type and the bad value, and
 * the path of the field. The API server puts them into `Status.details.causes`
 * and joins them into the `Status.message` of a 422 Invalid response.
 */
import type { FieldCause } from '../store/types';

/**
 * Reason used for unknown fields found with strict field validation. Kubernetes
 * has no cause type for them: the real server answers 400 BadRequest with
 * `strict decoding error: unknown field "spec.x"` (see `strictDecodingMessage`).
 */
export const UNKNOWN_FIELD_REASON = 'FieldValueUnknown';

/**
 * A float64 as Go's `%v` prints it: the shortest digits, in exponent form (with at
 * least two exponent digits) below 1e-4 and from 1e6 on, e.g. `2.147483646e+09`.
 */
export function goFloat(value: number): string {
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 6) {
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(value);
}

/** JSON with sorted object keys and HTML-safe escapes, like Go's json.Marshal of a map. */
function goJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map(k => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** Renders a bad value as `field.Error.ErrorBody` does: strings quoted, numbers plain, the rest as JSON. */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  // Whole JSON numbers are int64 on the server and print as digits.
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : goFloat(value);
  }
  if (typeof value === 'boolean') return String(value);
  return goJson(value);
}

function withDetail(body: string, detail: string): string {
  return detail ? `${body}: ${detail}` : body;
}

/** `Required value` (FieldValueRequired). */
export function required(field: string, detail = ''): FieldCause {
  return {
    reason: 'FieldValueRequired',
    message: withDetail('Required value', detail),
    field,
  };
}

/** `Invalid value: <value>: <detail>` (FieldValueInvalid). */
export function invalid(
  field: string,
  value: unknown,
  detail: string,
): FieldCause {
  return {
    reason: 'FieldValueInvalid',
    message: withDetail(`Invalid value: ${formatBadValue(value)}`, detail),
    field,
  };
}

/** `Invalid value: <value>: <detail>` (FieldValueTypeInvalid), for wrong JSON types and formats. */
export function typeInvalid(
  field: string,
  value: unknown,
  detail: string,
): FieldCause {
  return {
    reason: 'FieldValueTypeInvalid',
    message: withDetail(`Invalid value: ${formatBadValue(value)}`, detail),
    field,
  };
}

/** `Unsupported value: <value>: supported values: "a", "b"` (FieldValueNotSupported). */
export function notSupported(
  field: string,
  value: unknown,
  validValues: string[],
): FieldCause {
  const detail = validValues.length
    ? `supported values: ${validValues.map(v => JSON.stringify(v)).join(', ')}`
    : '';
  return {
    reason: 'FieldValueNotSupported',
    message: withDetail(`Unsupported value: ${formatBadValue(value)}`, detail),
    field,
  };
}

/** `Forbidden: <detail>` (FieldValueForbidden). */
export function forbidden(field: string, detail: string): FieldCause {
  return {
    reason: 'FieldValueForbidden',
    message: withDetail('Forbidden', detail),
    field,
  };
}

/** `Too long: may not be more than N bytes` (FieldValueTooLong); the value itself is never shown. */
export function tooLong(field: string, maxLength: number): FieldCause {
  const unit = maxLength === 1 ? 'byte' : 'bytes';
  return {
    reason: 'FieldValueTooLong',
    message: `Too long: may not be more than ${maxLength} ${unit}`,
    field,
  };
}

/** `Too many: <actual>: must have at most N items` (FieldValueTooMany). */
export function tooMany(
  field: string,
  actual: number,
  max: number,
): FieldCause {
  const unit = max === 1 ? 'item' : 'items';
  return {
    reason: 'FieldValueTooMany',
    message: `Too many: ${actual}: must have at most ${max} ${unit}`,
    field,
  };
}

/** `Duplicate value: <value>` (FieldValueDuplicate). */
export function duplicate(field: string, value: unknown): FieldCause {
  return {
    reason: 'FieldValueDuplicate',
    message: `Duplicate value: ${formatBadValue(value)}`,
    field,
  };
}

/** A strict-mode unknown field: `unknown field "spec.x"`. */
export function unknownField(field: string): FieldCause {
  return {
    reason: UNKNOWN_FIELD_REASON,
    message: `unknown field ${JSON.stringify(field)}`,
    field,
  };
}

/**
 * The text of a strict field validation failure, as the real API server words it
 * inside its 400 BadRequest: `strict decoding error: unknown field "spec.a", unknown field "spec.b"`.
 */
export function strictDecodingMessage(fields: string[]): string {
  return `strict decoding error: ${fields
    .map(f => `unknown field ${JSON.stringify(f)}`)
    .join(', ')}`;
}

/**
 * The `Status.message` of a 422 Invalid response, as `apierrors.NewInvalid` writes it:
 * `ClusterDeployment.k0rdent.mirantis.com "x" is invalid: spec.template: Required value`
 * (several causes are joined as `[a, b]`, repeated ones once).
 */
export function invalidStatusMessage(
  kind: string,
  group: string,
  name: string,
  causes: FieldCause[],
): string {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const head = `${qualifiedKind} ${JSON.stringify(name)} is invalid`;
  const parts = [...new Set(causes.map(c => `${c.field}: ${c.message}`))];
  if (parts.length === 0) return head;
  if (parts.length === 1) return `${head}: ${parts[0]}`;
  return `${head}: [${parts.join(', ')}]`;
}
