/*
 * JSON merge patch (RFC 7386): objects merge key by key, `null` deletes, anything
 * else (arrays included) replaces.
 */
import { isJsonObject, type JsonObject } from '../../store/json';

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
