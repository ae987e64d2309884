/*
 * Server-side apply (`PATCH` with `application/apply-patch+yaml`): merges a manager's
 * applied configuration into the live object and tracks ownership.
 *
 * - The manager's Apply entry becomes exactly the fields of its configuration.
 * - Setting a field another manager owns to a different value is a conflict (409)
 *   unless `force`, which takes the field over.
 * - Fields the manager applied before but no longer does are removed from the object
 *   when nobody else owns them.
 * - Objects merge field by field; lists are replaced whole, except set-like
 *   `metadata.finalizers`, whose values merge.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { SimApiError } from '../../errors';
import {
  cloneJson,
  isJsonObject,
  jsonEqual,
  thaw,
  type JsonObject,
} from '../../store/json';
import type { KubeObject } from '../../store/types';
import {
  appliedFieldSet,
  deleteAt,
  hasLeafAncestor,
  hasMember,
  hasMemberAtOrBelow,
  isIgnoredField,
  isSetList,
  memberPaths,
  pathToString,
  removeAtOrBelow,
  valueAt,
  type FieldPath,
} from './fieldSet';
import {
  entryFor,
  readManagedFields,
  writeManagedFields,
  type ManagerEntry,
} from './managedFields';

export interface ApplyRequest {
  kind: KindInfo;
  /** The live object (frozen), or undefined to create. */
  current: KubeObject | undefined;
  /** The configuration as sent. */
  applied: KubeObject;
  manager: string;
  force: boolean;
  subresource?: 'status';
  time: string;
}

interface ApplyConflict {
  entry: ManagerEntry;
  path: FieldPath;
}

/** The object after applying (with managedFields updated); throws 409 on conflicts. */
export function serverSideApply(request: ApplyRequest): KubeObject {
  const { kind, current, manager, subresource, time } = request;
  const config = writableConfig(request.applied, kind, subresource);
  const appliedSet = appliedFieldSet(config);
  const state = readManagedFields(current);
  const mine = entryFor(
    state,
    manager,
    'Apply',
    request.applied.apiVersion,
    subresource,
  );
  const others = state.entries.filter(entry => entry !== mine);

  const conflicts: ApplyConflict[] = [];
  if (current) {
    for (const path of memberPaths(appliedSet)) {
      const live = valueAt(current, path);
      if (!live.found) continue; // ownership of a field that is gone is stale
      if (jsonEqual(live.value, valueAt(config, path).value)) continue;
      for (const entry of others) {
        if (
          hasMemberAtOrBelow(entry.fields, path) ||
          hasLeafAncestor(entry.fields, path)
        ) {
          conflicts.push({ entry, path });
        }
      }
    }
  }
  if (conflicts.length && !request.force) throw conflictError(conflicts);
  for (const { entry, path } of conflicts) removeAtOrBelow(entry.fields, path);

  const object: KubeObject = current
    ? thaw(current)
    : {
        apiVersion: request.applied.apiVersion,
        kind: request.applied.kind,
        metadata: { name: request.applied.metadata.name },
      };
  for (const path of memberPaths(mine.fields)) {
    const stillApplied =
      hasMemberAtOrBelow(appliedSet, path) || hasLeafAncestor(appliedSet, path);
    const ownedElsewhere = others.some(
      entry =>
        hasMemberAtOrBelow(entry.fields, path) ||
        hasLeafAncestor(entry.fields, path),
    );
    if (!stillApplied && !ownedElsewhere && hasMember(mine.fields, path)) {
      deleteAt(object, path);
    }
  }
  mergeConfig(object as unknown as JsonObject, config, '');
  mine.fields = appliedSet;
  mine.apiVersion = request.applied.apiVersion;
  mine.time = time;
  const encoded = writeManagedFields(state);
  if (encoded.length) object.metadata.managedFields = encoded;
  else delete object.metadata.managedFields;
  return object;
}

/**
 * The part of the configuration this request may write: not `status` on the main
 * resource of kinds with a status subresource, only `status` on `/status`; never
 * server-set metadata.
 */
function writableConfig(
  applied: KubeObject,
  kind: KindInfo,
  subresource: 'status' | undefined,
): JsonObject {
  const config = cloneJson(applied) as unknown as JsonObject;
  if (subresource === 'status') {
    return config.status === undefined ? {} : { status: config.status };
  }
  if (kind.hasStatus) delete config.status;
  const metadata = isJsonObject(config.metadata) ? config.metadata : {};
  for (const key of Object.keys(metadata)) {
    if (isIgnoredField('metadata', key)) delete metadata[key];
  }
  config.metadata = metadata;
  delete config.apiVersion;
  delete config.kind;
  return config;
}

/** Merges `config` into `target` in place: objects by field, nulls delete, lists replace. */
function mergeConfig(
  target: JsonObject,
  config: JsonObject,
  dotted: string,
): void {
  for (const [key, value] of Object.entries(config)) {
    const path = dotted ? `${dotted}.${key}` : key;
    if (value === null) {
      delete target[key];
    } else if (isSetList(path) && Array.isArray(value)) {
      const existing = Array.isArray(target[key])
        ? (target[key] as unknown[])
        : [];
      target[key] = [
        ...existing,
        ...value.filter(item => !existing.some(old => jsonEqual(old, item))),
      ];
    } else if (isJsonObject(value)) {
      if (!isJsonObject(target[key])) target[key] = {};
      mergeConfig(target[key] as JsonObject, value, path);
    } else {
      target[key] = cloneJson(value);
    }
  }
}

function conflictError(conflicts: ApplyConflict[]): SimApiError {
  const groups = new Map<string, { entry: ManagerEntry; paths: string[] }>();
  for (const { entry, path } of conflicts) {
    const key = `${entry.manager}\0${entry.apiVersion}`;
    const group = groups.get(key) ?? { entry, paths: [] };
    group.paths.push(pathToString(path));
    groups.set(key, group);
  }
  const lines = [...groups.values()].map(({ entry, paths }) =>
    paths.length === 1
      ? `conflict with "${entry.manager}" using ${entry.apiVersion}: ${paths[0]}`
      : `conflicts with "${entry.manager}" using ${entry.apiVersion}:\n${paths
          .map(path => `- ${path}`)
          .join('\n')}`,
  );
  const count = conflicts.length;
  return new SimApiError(
    409,
    'Conflict',
    `Apply failed with ${count} conflict${count === 1 ? '' : 's'}: ${lines.join(
      '\n',
    )}`,
    {
      causes: conflicts.map(({ entry, path }) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with "${entry.manager}" using ${entry.apiVersion}`,
        field: pathToString(path),
      })),
    },
  );
}
