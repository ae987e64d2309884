/*
 * Sets of field paths, as server-side apply tracks them in `metadata.managedFields`
 * (`fieldsType: FieldsV1`). A path is a list of elements: `f:<field>` for an object
 * field, `v:<json>` for a value of a set-like list (metadata.finalizers); lists are
 * otherwise atomic (owned as a whole), which is what the real server does for CRD
 * fields without list annotations. In FieldsV1 JSON, `{}` marks a member leaf and
 * `".": {}` marks a member that also has members below it.
 */
import { isJsonObject, jsonEqual, type JsonObject } from '../../store/json';

export type FieldPath = readonly string[];

export interface FieldNode {
  /** Whether the path leading here is itself in the set. */
  member: boolean;
  children: Map<string, FieldNode>;
}

export function emptySet(): FieldNode {
  return { member: false, children: new Map() };
}

/** Fields never tracked: identity and server-set metadata. */
const IGNORED_ROOT = new Set(['apiVersion', 'kind']);
const IGNORED_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);
/** Lists merged as sets of values rather than replaced whole. */
const SET_LISTS = new Set(['metadata.finalizers']);

export function isIgnoredField(dottedParent: string, key: string): boolean {
  if (dottedParent === '') return IGNORED_ROOT.has(key);
  return dottedParent === 'metadata' && IGNORED_METADATA.has(key);
}

export function isSetList(dotted: string): boolean {
  return SET_LISTS.has(dotted);
}

function join(dottedParent: string, key: string): string {
  return dottedParent ? `${dottedParent}.${key}` : key;
}

function childNode(node: FieldNode, element: string): FieldNode {
  let child = node.children.get(element);
  if (!child) {
    child = emptySet();
    node.children.set(element, child);
  }
  return child;
}

export const fieldElement = (key: string) => `f:${key}`;
export const valueElement = (value: unknown) => `v:${JSON.stringify(value)}`;

// ---- FieldsV1 encoding ----

export function parseFieldsV1(value: unknown): FieldNode {
  const node = emptySet();
  if (!isJsonObject(value)) return node;
  const entries = Object.entries(value);
  if (entries.length === 0) node.member = true;
  for (const [key, child] of entries) {
    if (key === '.') node.member = true;
    else node.children.set(key, parseFieldsV1(child));
  }
  return node;
}

export function toFieldsV1(node: FieldNode): JsonObject {
  const out: JsonObject = {};
  if (node.member && node.children.size) out['.'] = {};
  for (const [element, child] of [...node.children.entries()].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    out[element] = toFieldsV1(child);
  }
  return out;
}

// ---- Set operations ----

export function isEmptySet(node: FieldNode): boolean {
  return !node.member && node.children.size === 0;
}

/** Every member path, parents before children. */
export function memberPaths(
  node: FieldNode,
  prefix: string[] = [],
): FieldPath[] {
  const paths: FieldPath[] = [];
  if (node.member && prefix.length) paths.push(prefix);
  for (const [element, child] of node.children) {
    paths.push(...memberPaths(child, [...prefix, element]));
  }
  return paths;
}

function nodeAt(node: FieldNode, path: FieldPath): FieldNode | undefined {
  let current: FieldNode | undefined = node;
  for (const element of path) {
    current = current.children.get(element);
    if (!current) return undefined;
  }
  return current;
}

export function hasMember(node: FieldNode, path: FieldPath): boolean {
  return nodeAt(node, path)?.member ?? false;
}

/** Whether the set has `path` or anything below it. */
export function hasMemberAtOrBelow(node: FieldNode, path: FieldPath): boolean {
  const found = nodeAt(node, path);
  return found !== undefined && !isEmptySet(found);
}

/** Whether the set has a member strictly above `path` that is a leaf (owns the whole subtree). */
export function hasLeafAncestor(node: FieldNode, path: FieldPath): boolean {
  let current: FieldNode | undefined = node;
  for (let index = 0; index < path.length - 1; index++) {
    current = current.children.get(path[index]);
    if (!current) return false;
    if (current.member && current.children.size === 0) return true;
  }
  return false;
}

export function addPath(node: FieldNode, path: FieldPath): void {
  let current = node;
  for (const element of path) current = childNode(current, element);
  current.member = true;
}

/** Removes `path` and everything below it, pruning emptied parents. */
export function removeAtOrBelow(node: FieldNode, path: FieldPath): void {
  if (path.length === 0) {
    node.member = false;
    node.children.clear();
    return;
  }
  const [first, ...rest] = path;
  const child = node.children.get(first);
  if (!child) return;
  removeAtOrBelow(child, rest);
  if (isEmptySet(child)) node.children.delete(first);
}

export function unionInto(target: FieldNode, source: FieldNode): void {
  if (source.member) target.member = true;
  for (const [element, child] of source.children) {
    unionInto(childNode(target, element), child);
  }
}

/** `.spec.x`, `.metadata.finalizers[="x"]`: paths as conflict messages print them. */
export function pathToString(path: FieldPath): string {
  return path
    .map(element => {
      if (element.startsWith('f:')) return `.${element.slice(2)}`;
      if (element.startsWith('v:')) return `[=${element.slice(2)}]`;
      if (element.startsWith('i:')) return `[${element.slice(2)}]`;
      if (element.startsWith('k:')) {
        const key = JSON.parse(element.slice(2)) as JsonObject;
        return `[${Object.entries(key)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      return `.${element}`;
    })
    .join('');
}

// ---- Paths in objects ----

/** The value at a path, if present. */
export function valueAt(
  object: unknown,
  path: FieldPath,
): { found: boolean; value?: unknown } {
  let current = object;
  for (const element of path) {
    if (element.startsWith('f:')) {
      const key = element.slice(2);
      if (!isJsonObject(current) || !Object.hasOwn(current, key))
        return { found: false };
      current = current[key];
    } else if (element.startsWith('v:')) {
      const wanted = JSON.parse(element.slice(2));
      if (
        !Array.isArray(current) ||
        !current.some(item => jsonEqual(item, wanted))
      ) {
        return { found: false };
      }
      current = wanted;
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** Deletes the value at a path from a mutable object. */
export function deleteAt(object: unknown, path: FieldPath): void {
  if (path.length === 0) return;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = valueAt(object, parentPath);
  if (!parent.found) return;
  if (last.startsWith('f:') && isJsonObject(parent.value)) {
    delete parent.value[last.slice(2)];
  } else if (
    last.startsWith('v:') &&
    Array.isArray(parent.value) &&
    parentPath.length
  ) {
    const wanted = JSON.parse(last.slice(2));
    const grand = valueAt(object, parentPath.slice(0, -1));
    const field = parentPath[parentPath.length - 1].slice(2);
    if (grand.found && isJsonObject(grand.value)) {
      grand.value[field] = parent.value.filter(
        item => !jsonEqual(item, wanted),
      );
    }
  }
}

// ---- Sets from objects ----

/**
 * The fields an applied configuration sets: its leaves (scalars and lists) and the
 * values of set-like lists. `null` values and empty objects are not owned.
 */
export function appliedFieldSet(config: JsonObject): FieldNode {
  const set = emptySet();
  collectLeaves(config, set, '');
  return set;
}

function collectLeaves(
  value: JsonObject,
  node: FieldNode,
  dotted: string,
): void {
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined || isIgnoredField(dotted, key))
      continue;
    const path = join(dotted, key);
    const element = fieldElement(key);
    if (isSetList(path) && Array.isArray(child)) {
      const list = childNode(node, element);
      for (const item of child)
        childNode(list, valueElement(item)).member = true;
      if (child.length === 0) list.member = true;
    } else if (isJsonObject(child)) {
      // An empty object owns nothing (it only makes sure the object exists).
      const below = emptySet();
      collectLeaves(child, below, path);
      if (!isEmptySet(below)) node.children.set(element, below);
    } else {
      childNode(node, element).member = true;
    }
  }
}

/**
 * What a non-apply write changed: paths added or modified in `after` (new objects
 * are owned whole, marked with "."), and paths that disappeared.
 */
export function changedFields(
  before: JsonObject,
  after: JsonObject,
): { changed: FieldNode; removed: FieldPath[] } {
  const changed = emptySet();
  const removed: FieldPath[] = [];
  diff(before, after, changed, '', [], removed);
  return { changed, removed };
}

function diff(
  before: JsonObject,
  after: JsonObject,
  node: FieldNode,
  dotted: string,
  prefix: string[],
  removed: FieldPath[],
): void {
  for (const [key, next] of Object.entries(after)) {
    if (next === undefined || isIgnoredField(dotted, key)) continue;
    const path = join(dotted, key);
    const element = fieldElement(key);
    const previous = before[key];
    if (previous === undefined) {
      addWhole(next, childNode(node, element), path);
    } else if (isJsonObject(previous) && isJsonObject(next)) {
      const child = childNode(node, element);
      diff(previous, next, child, path, [...prefix, element], removed);
      if (isEmptySet(child)) node.children.delete(element);
    } else if (
      isSetList(path) &&
      Array.isArray(previous) &&
      Array.isArray(next)
    ) {
      for (const item of next) {
        if (!previous.some(old => jsonEqual(old, item))) {
          childNode(childNode(node, element), valueElement(item)).member = true;
        }
      }
      for (const item of previous) {
        if (!next.some(value => jsonEqual(value, item))) {
          removed.push([...prefix, element, valueElement(item)]);
        }
      }
    } else if (!jsonEqual(previous, next)) {
      addWhole(next, childNode(node, element), path);
    }
  }
  for (const key of Object.keys(before)) {
    if (
      after[key] === undefined &&
      before[key] !== undefined &&
      !isIgnoredField(dotted, key)
    ) {
      removed.push([...prefix, fieldElement(key)]);
    }
  }
}

function addWhole(value: unknown, node: FieldNode, dotted: string): void {
  node.member = true;
  if (isSetList(dotted) && Array.isArray(value)) {
    for (const item of value) childNode(node, valueElement(item)).member = true;
  } else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || isIgnoredField(dotted, key)) continue;
      addWhole(child, childNode(node, fieldElement(key)), join(dotted, key));
    }
  }
}
