/*
 * Strategic merge patch, approximated. The real one reads merge keys and list
 * strategies from Go struct tags; we have no such schema, so:
 * - objects merge like a JSON merge patch (null deletes);
 * - `metadata.finalizers` merges as a set (kubectl sends it that way);
 * - lists of objects that all have a `name` merge by name (containers, env, ports
 *   in most manifests), items with `$patch: delete` are removed;
 * - all other lists are replaced;
 * - directives `$patch: replace|delete` on objects, `$retainKeys`,
 *   `$deleteFromPrimitiveList/<field>` are honoured; `$setElementOrder/<field>` is
 *   ignored (order is kept as patched).
 */
import { isJsonObject, type JsonObject } from '../../store/json';

const SET_LISTS = new Set(['metadata.finalizers']);

export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
): unknown {
  return mergeValue(target, patch, '');
}

function mergeValue(target: unknown, patch: unknown, path: string): unknown {
  if (!isJsonObject(patch)) return patch;
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set(Array.isArray(value) ? value : []);
      if (Array.isArray(result[field])) {
        result[field] = (result[field] as unknown[]).filter(
          item => !drop.has(item),
        );
      }
      continue;
    }
    if (key.startsWith('$')) continue;
    const childPath = path ? `${path}.${key}` : key;
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, childPath);
    } else {
      const merged = mergeValue(result[key], value, childPath);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(result))
      if (!keep.has(key)) delete result[key];
  }
  return result;
}

function mergeList(target: unknown, patch: unknown[], path: string): unknown[] {
  const current = Array.isArray(target) ? target : [];
  if (SET_LISTS.has(path)) {
    return [...current, ...patch.filter(item => !current.includes(item))];
  }
  const byName = patch.every(
    item => isJsonObject(item) && typeof item.name === 'string',
  );
  if (
    !byName ||
    !current.every(item => isJsonObject(item) && typeof item.name === 'string')
  ) {
    return patch.map(item =>
      isJsonObject(item) ? stripDirectives(item) : item,
    );
  }
  const result = [...(current as JsonObject[])];
  for (const item of patch as JsonObject[]) {
    const index = result.findIndex(existing => existing.name === item.name);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeValue(result[index], item, path) as JsonObject;
    } else {
      result.push(stripDirectives(item));
    }
  }
  return result;
}

function stripDirectives(value: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!key.startsWith('$')) result[key] = child;
  }
  return result;
}
