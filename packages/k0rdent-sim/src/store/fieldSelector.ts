/*
 * Field selectors (`?fieldSelector=metadata.name=x,metadata.namespace!=y`). Like the
 * real server, every kind supports metadata.name and metadata.namespace and a few
 * core kinds support more; anything else is a 400.
 */
import { badRequest } from '../errors';
import type { KubeObject } from './types';

/** Extra selectable fields per kind, beyond metadata.name and metadata.namespace. */
const EXTRA_FIELDS: Record<string, readonly string[]> = {
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Namespace: ['status.phase'],
  Secret: ['type'],
};

interface FieldRequirement {
  field: string;
  equal: boolean;
  value: string;
}

export interface FieldSelector {
  readonly empty: boolean;
  matches(object: KubeObject): boolean;
}

const MATCH_ALL: FieldSelector = { empty: true, matches: () => true };

/** Parses a field selector for a kind; throws 400 BadRequest on unknown fields or syntax. */
export function parseFieldSelector(
  text: string | undefined,
  kind: string,
): FieldSelector {
  if (!text || !text.trim()) return MATCH_ALL;
  const supported = new Set([
    'metadata.name',
    'metadata.namespace',
    ...(EXTRA_FIELDS[kind] ?? []),
  ]);
  const requirements = splitUnescaped(text, ',').map(term =>
    parseTerm(term, text),
  );
  for (const requirement of requirements) {
    if (!supported.has(requirement.field)) {
      throw badRequest(`field label not supported: ${requirement.field}`);
    }
  }
  return {
    empty: false,
    matches: object =>
      requirements.every(
        r => (fieldValue(object, r.field) === r.value) === r.equal,
      ),
  };
}

function parseTerm(term: string, whole: string): FieldRequirement {
  const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/s.exec(term.trim());
  if (!match) {
    throw badRequest(
      `invalid selector: '${whole}'; can't understand '${term}'`,
    );
  }
  return {
    field: match[1].trim(),
    equal: match[2] !== '!=',
    value: unescape(match[3]),
  };
}

/** The string value of a dotted path; '' when absent, like the real field sets. */
function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return '';
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    // `source` on Events is an object; the real server selects on its component.
    const component = (value as Record<string, unknown>).component;
    return typeof component === 'string' ? component : '';
  }
  return String(value);
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1];
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
