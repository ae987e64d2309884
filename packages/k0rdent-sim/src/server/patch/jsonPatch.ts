/*
 * JSON patch (RFC 6902): add, remove, replace, move, copy and test, with JSON
 * pointers (RFC 6901). A malformed document is a 400; an operation that cannot be
 * applied (missing path, failed test) is a 422, as on the real server.
 */
import { SimApiError, badRequest } from '../../errors';
import {
  cloneJson,
  isJsonObject,
  jsonEqual,
  type JsonObject,
} from '../../store/json';

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function unprocessable(message: string): SimApiError {
  return new SimApiError(
    422,
    'Invalid',
    'the server rejected our request due to an error in our request',
    { causes: [{ reason: 'UnexpectedServerResponse', message }] },
  );
}

/** Checks the document's shape; throws 400 when it is not a list of operations. */
export function parseJsonPatch(body: unknown): Operation[] {
  if (!Array.isArray(body)) {
    throw badRequest(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  }
  return body.map((entry, index) => {
    if (
      !isJsonObject(entry) ||
      typeof entry.op !== 'string' ||
      !OPS.has(entry.op)
    ) {
      throw badRequest(`invalid JSON patch operation at index ${index}`);
    }
    if (typeof entry.path !== 'string') {
      throw badRequest(`JSON patch operation at index ${index} has no path`);
    }
    if (
      (entry.op === 'move' || entry.op === 'copy') &&
      typeof entry.from !== 'string'
    ) {
      throw badRequest(`JSON patch ${entry.op} at index ${index} has no from`);
    }
    if (['add', 'replace', 'test'].includes(entry.op) && !('value' in entry)) {
      throw badRequest(`JSON patch ${entry.op} at index ${index} has no value`);
    }
    return entry as unknown as Operation;
  });
}

/** Applies operations in order to a copy of `document`. */
export function applyJsonPatch<T>(document: T, operations: Operation[]): T {
  let root: unknown = cloneJson(document);
  for (const operation of operations) {
    root = applyOne(root, operation);
  }
  return root as T;
}

function applyOne(root: unknown, operation: Operation): unknown {
  const { op, path } = operation;
  switch (op) {
    case 'add':
      return add(root, path, cloneJson(operation.value));
    case 'remove':
      return remove(root, path).root;
    case 'replace':
      get(root, path); // must exist
      return add(remove(root, path).root, path, cloneJson(operation.value));
    case 'move': {
      if (path.startsWith(`${operation.from}/`)) {
        throw unprocessable(
          `move operation cannot move a value into one of its children: ${path}`,
        );
      }
      const removed = remove(root, operation.from!);
      return add(removed.root, path, removed.value);
    }
    case 'copy':
      return add(root, path, cloneJson(get(root, operation.from!)));
    case 'test':
      if (!jsonEqual(get(root, path), operation.value)) {
        throw unprocessable(`testing value ${path} failed: test failed`);
      }
      return root;
    default:
      throw badRequest(`unknown JSON patch operation ${String(op)}`);
  }
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw unprocessable(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(
  array: unknown[],
  token: string,
  forAdd: boolean,
  path: string,
): number {
  if (forAdd && token === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token))
    throw unprocessable(`invalid array index ${token} in ${path}`);
  const index = Number(token);
  if (index > array.length || (!forAdd && index === array.length)) {
    throw unprocessable(`array index ${index} out of bounds in ${path}`);
  }
  return index;
}

function parentOf(
  root: unknown,
  path: string,
): { parent: unknown; last: string } {
  const parts = tokens(path);
  const last = parts.pop()!;
  let parent = root;
  for (const part of parts) {
    parent = child(parent, part, path);
  }
  return { parent, last };
}

function child(value: unknown, token: string, path: string): unknown {
  if (Array.isArray(value)) return value[arrayIndex(value, token, false, path)];
  if (isJsonObject(value) && Object.hasOwn(value, token)) return value[token];
  throw unprocessable(`doc is missing path: "${path}": missing value`);
}

function get(root: unknown, path: string): unknown {
  let value = root;
  for (const part of tokens(path)) value = child(value, part, path);
  return value;
}

function add(root: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const { parent, last } = parentOf(root, path);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, last, true, path), 0, value);
  } else if (isJsonObject(parent)) {
    (parent as JsonObject)[last] = value;
  } else {
    throw unprocessable(`doc is missing path: "${path}": missing value`);
  }
  return root;
}

function remove(
  root: unknown,
  path: string,
): { root: unknown; value: unknown } {
  if (path === '') return { root: undefined, value: root };
  const { parent, last } = parentOf(root, path);
  if (Array.isArray(parent)) {
    const index = arrayIndex(parent, last, false, path);
    const [value] = parent.splice(index, 1);
    return { root, value };
  }
  if (isJsonObject(parent) && Object.hasOwn(parent, last)) {
    const value = parent[last];
    delete parent[last];
    return { root, value };
  }
  throw unprocessable(`doc is missing path: "${path}": missing value`);
}
