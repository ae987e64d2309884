/*
 * Helpers for objects that are plain JSON data: equality, copying and freezing, and
 * one cached serialization per stored object (stored objects never change once
 * written, so their JSON text can be shared by lists and by every watcher).
 */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of two JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const left = a as JsonObject;
  const right = b as JsonObject;
  const leftKeys = Object.keys(left).filter(key => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter(key => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every(
    key => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]),
  );
}

/** A deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Freezes JSON data in place, all the way down, and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

const serialized = new WeakMap<object, string>();

/**
 * `JSON.stringify` of a frozen (stored) object, computed once. Do not call it with
 * objects that may still change.
 */
export function frozenJson(value: object): string {
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (Object.isFrozen(value)) serialized.set(value, text);
  }
  return text;
}

/** A mutable deep copy of a stored (frozen) object, cheap thanks to the cached JSON. */
export function thaw<T extends object>(value: T): T {
  return JSON.parse(frozenJson(value)) as T;
}
