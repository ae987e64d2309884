/*
 * Kubernetes label selectors: the string form (`a=b,c!=d,e in (f,g),!h`) and the
 * `matchLabels` map form, parsed once and matched many times.
 */
import { InputError } from '@backstage/errors';

/**
 * A label selector: the Kubernetes string form, or a map of required labels.
 *
 * @public
 */
export type LabelSelector = string | Record<string, string>;

type Requirement =
  | { op: 'eq'; key: string; value: string }
  | { op: 'neq'; key: string; value: string }
  | { op: 'in'; key: string; values: Set<string> }
  | { op: 'notin'; key: string; values: Set<string> }
  | { op: 'exists'; key: string }
  | { op: 'notexists'; key: string };

/**
 * A parsed label selector; `matches` is cheap.
 *
 * @public
 */
export interface CompiledLabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function bad(selector: string, why: string): never {
  throw new InputError(`Invalid label selector '${selector}': ${why}`);
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map(t => t.trim()).filter(t => t.length > 0);
}

function checkKey(selector: string, key: string) {
  if (!KEY.test(key)) bad(selector, `'${key}' is not a valid label key`);
}

function checkValue(selector: string, value: string) {
  if (value.length > 63 || !VALUE.test(value)) {
    bad(selector, `'${value}' is not a valid label value`);
  }
}

/**
 * Parses a label selector. Throws InputError naming the selector when it is malformed.
 *
 * @public
 */
export function parseLabelSelector(
  selector: LabelSelector,
): CompiledLabelSelector {
  const requirements: Requirement[] = [];
  if (typeof selector !== 'string') {
    for (const [key, value] of Object.entries(selector)) {
      requirements.push({ op: 'eq', key, value: String(value) });
    }
  } else {
    for (const term of splitTerms(selector)) {
      const set = term.match(/^(\S+)\s+(in|notin)\s*\((.*)\)$/);
      const equality = set
        ? null
        : term.match(/^([^!=\s]+)\s*(==|!=|=)\s*(\S*)$/);
      const notExists = set || equality ? null : term.match(/^!\s*(\S+)$/);
      if (set) {
        const key = set[1];
        checkKey(selector, key);
        const values = set[3]
          .split(',')
          .map(v => v.trim())
          .filter(v => v.length > 0);
        values.forEach(v => checkValue(selector, v));
        requirements.push({
          op: set[2] === 'in' ? 'in' : 'notin',
          key,
          values: new Set(values),
        });
      } else if (equality) {
        checkKey(selector, equality[1]);
        checkValue(selector, equality[3]);
        requirements.push({
          op: equality[2] === '!=' ? 'neq' : 'eq',
          key: equality[1],
          value: equality[3],
        });
      } else if (notExists) {
        checkKey(selector, notExists[1]);
        requirements.push({ op: 'notexists', key: notExists[1] });
      } else if (/^\S+$/.test(term)) {
        checkKey(selector, term);
        requirements.push({ op: 'exists', key: term });
      } else {
        bad(selector, `cannot parse '${term}'`);
      }
    }
  }
  return {
    matches(labels) {
      const l = labels ?? {};
      for (const r of requirements) {
        const has = Object.prototype.hasOwnProperty.call(l, r.key);
        const v = has ? l[r.key] : undefined;
        switch (r.op) {
          case 'eq':
            if (v !== r.value) return false;
            break;
          case 'neq':
            if (v === r.value) return false;
            break;
          case 'in':
            if (v === undefined || !r.values.has(v)) return false;
            break;
          case 'notin':
            if (v !== undefined && r.values.has(v)) return false;
            break;
          case 'exists':
            if (!has) return false;
            break;
          case 'notexists':
            if (has) return false;
            break;
          default:
            return false;
        }
      }
      return true;
    },
  };
}
