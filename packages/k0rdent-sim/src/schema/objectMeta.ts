/*
 * `metadata` is not described by a CRD's schema (it only says `type: object`); the
 * API server decodes it as ObjectMeta and validates it with hand-written rules
 * (k8s.io/apimachinery/pkg/api/validation). This file holds the ObjectMeta schema
 * used for pruning and unknown-field checks, and those rules with the messages
 * Kubernetes writes: DNS-1123 names, label keys and values, annotation keys and
 * total annotation size, finalizer names.
 */
import type { FieldCause } from '../store/types';
import { forbidden, invalid, required, tooLong } from './fieldErrors';
import type { JSONSchemaProps } from './types';

const stringMap: JSONSchemaProps = {
  type: 'object',
  additionalProperties: { type: 'string' },
};

/** ObjectMeta as a structural schema (what `metadata` may contain). */
export const OBJECT_META_SCHEMA: JSONSchemaProps = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    selfLink: { type: 'string' },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer', format: 'int64' },
    creationTimestamp: { type: 'string', format: 'date-time' },
    deletionTimestamp: { type: 'string', format: 'date-time' },
    deletionGracePeriodSeconds: { type: 'integer', format: 'int64' },
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          name: { type: 'string' },
          uid: { type: 'string' },
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
    },
    finalizers: { type: 'array', items: { type: 'string' } },
    managedFields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          manager: { type: 'string' },
          operation: { type: 'string' },
          apiVersion: { type: 'string' },
          time: { type: 'string', format: 'date-time' },
          fieldsType: { type: 'string' },
          fieldsV1: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
          subresource: { type: 'string' },
        },
      },
    },
  },
};

// Formats and messages of k8s.io/apimachinery/pkg/util/validation.
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;

const whole = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const DNS1123_LABEL_RE = whole(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_RE = whole(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_RE = whole(DNS1035_LABEL_FMT);
const QUALIFIED_NAME_RE = whole(QUALIFIED_NAME_FMT);
const LABEL_VALUE_RE = whole(LABEL_VALUE_FMT);

/** `RegexError`: the message, examples and the regex, with Kubernetes' spacing. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  const eg = examples.length
    ? ` (e.g. ${examples.map(e => `'${e}', `).join(' or ')}`
    : ' (';
  return `${msg}${eg}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number) => `must be no more than ${n} characters`;

/** Byte length as Go's len() counts it. */
const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** `IsDNS1123Subdomain`: lower-case names of at most 253 characters. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

/** `IsDNS1123Label`: namespace names. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        'my-name',
        '123-abc',
      ),
    );
  }
  return errs;
}

/** `IsDNS1035Label`: Service names. */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

/** `IsQualifiedName`: label keys, annotation keys, finalizers (`[prefix/]name`). */
export function qualifiedNameErrors(value: string): string[] {
  const qualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) {
      errs.push('prefix part must be non-empty');
    } else {
      errs.push(...dns1123SubdomainErrors(prefix).map(m => `prefix part ${m}`));
    }
  } else {
    return [
      `a qualified name ${regexError(
        qualifiedNameErrMsg,
        QUALIFIED_NAME_FMT,
        'MyName',
        'my.name',
        '123-abc',
      )} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) {
    errs.push('name part must be non-empty');
  } else if (byteLength(name) > 63) {
    errs.push(`name part ${maxLenError(63)}`);
  }
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push(
      `name part ${regexError(
        qualifiedNameErrMsg,
        QUALIFIED_NAME_FMT,
        'MyName',
        'my.name',
        '123-abc',
      )}`,
    );
  }
  return errs;
}

/** `IsValidLabelValue`: empty, or a qualified-name-like value of at most 63 characters. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

/** Which rule a kind's names follow. */
export type NameRule = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label';

const NAME_RULES: Record<NameRule, (value: string) => string[]> = {
  dns1123Subdomain: dns1123SubdomainErrors,
  dns1123Label: dns1123LabelErrors,
  dns1035Label: dns1035LabelErrors,
};

/** Total size of all annotation keys and values (`TotalAnnotationSizeLimitB`). */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function asStringMap(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * `ValidateObjectMeta` for a create or update: name (or generateName), namespace
 * presence by scope, labels, annotations and finalizers. Type errors inside
 * metadata are left to the schema validation (OBJECT_META_SCHEMA).
 */
export function validateObjectMeta(
  metadata: unknown,
  options: { namespaced: boolean; nameRule?: NameRule },
): FieldCause[] {
  const causes: FieldCause[] = [];
  const meta = asStringMap(metadata);
  if (!meta) return [required('metadata')];
  const nameErrors = NAME_RULES[options.nameRule ?? 'dns1123Subdomain'];

  const name = meta.name;
  const generateName = meta.generateName;
  if (typeof name === 'string' && name !== '') {
    for (const msg of nameErrors(name)) {
      causes.push(invalid('metadata.name', name, msg));
    }
  } else if (typeof generateName === 'string' && generateName !== '') {
    // The prefix may end in '-': the server appends random characters to it.
    const probe = generateName.replace(/-$/, 'a');
    for (const msg of nameErrors(probe)) {
      causes.push(invalid('metadata.generateName', generateName, msg));
    }
  } else {
    causes.push(required('metadata.name', 'name or generateName is required'));
  }

  const namespace = meta.namespace;
  if (options.namespaced) {
    if (typeof namespace !== 'string' || namespace === '') {
      causes.push(required('metadata.namespace'));
    } else {
      for (const msg of dns1123LabelErrors(namespace)) {
        causes.push(invalid('metadata.namespace', namespace, msg));
      }
    }
  } else if (typeof namespace === 'string' && namespace !== '') {
    causes.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }

  const labels = asStringMap(meta.labels);
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const msg of qualifiedNameErrors(key)) {
      causes.push(invalid('metadata.labels', key, msg));
    }
    if (typeof value === 'string') {
      for (const msg of labelValueErrors(value)) {
        causes.push(invalid('metadata.labels', value, msg));
      }
    }
  }

  const annotations = asStringMap(meta.annotations);
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    // Annotation keys are qualified names, compared case-insensitively.
    for (const msg of qualifiedNameErrors(key.toLowerCase())) {
      causes.push(invalid('metadata.annotations', key, msg));
    }
    annotationBytes +=
      byteLength(key) + (typeof value === 'string' ? byteLength(value) : 0);
  }
  if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT) {
    causes.push(tooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT));
  }

  const finalizers = Array.isArray(meta.finalizers) ? meta.finalizers : [];
  finalizers.forEach((finalizer, i) => {
    if (typeof finalizer !== 'string') return;
    for (const msg of qualifiedNameErrors(finalizer)) {
      causes.push(invalid(`metadata.finalizers[${i}]`, finalizer, msg));
    }
  });

  return causes;
}
