/*
 * PromQL values and label-set helpers.
 */
import type { LabelMatcher } from './ast';

export type Labels = Record<string, string>;

/** One element of an instant vector (its time is the evaluation time). */
export interface Sample {
  labels: Labels;
  value: number;
}

/** One series of a range vector or of a range query result. */
export interface Series {
  labels: Labels;
  points: Array<[number, number]>;
}

export type Value =
  | { kind: 'scalar'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'vector'; samples: Sample[] }
  | { kind: 'matrix'; series: Series[] };

export const METRIC_NAME = '__name__';

// Label sets are immutable once built; range queries meet the same ones at every step,
// so derived label sets and signatures are remembered per object.
const nameless = new WeakMap<Labels, Labels>();
const signatures = new WeakMap<Labels, string>();

export function withoutName(labels: Labels): Labels {
  if (!(METRIC_NAME in labels)) return labels;
  let result = nameless.get(labels);
  if (!result) {
    const { [METRIC_NAME]: _name, ...rest } = labels;
    result = rest;
    nameless.set(labels, result);
  }
  return result;
}

/** A stable key for a label set. */
export function signature(labels: Labels): string {
  let result = signatures.get(labels);
  if (result === undefined) {
    result = Object.keys(labels)
      .sort()
      .map(k => `${k}\u0000${labels[k]}`)
      .join('\u0001');
    signatures.set(labels, result);
  }
  return result;
}

export function pick(labels: Labels, names: readonly string[]): Labels {
  const result: Labels = {};
  for (const name of names) {
    if (name in labels) result[name] = labels[name];
  }
  return result;
}

export function omit(labels: Labels, names: readonly string[]): Labels {
  const result: Labels = {};
  for (const [key, value] of Object.entries(labels)) {
    if (!names.includes(key)) result[key] = value;
  }
  return result;
}

const regexCache = new Map<string, RegExp>();

function anchored(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Prometheus matcher semantics: a missing label has the empty value. */
export function matches(labels: Labels, matcher: LabelMatcher): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
    default:
      return !anchored(matcher.value).test(value);
  }
}

export function matchesAll(
  labels: Labels,
  matchers: readonly LabelMatcher[],
): boolean {
  return matchers.every(m => matches(labels, m));
}
