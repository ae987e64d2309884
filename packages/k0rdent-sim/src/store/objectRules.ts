/*
 * The API server's rules for one object on create, update and delete, as pure
 * functions: what the store keeps from the old object, what it assigns, when
 * generation changes, which writes are refused (names, preconditions, finalizers).
 */
import { randomUUID } from 'node:crypto';
import {
  findKind,
  type KindInfo,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  SimApiError,
  badRequest,
  conflict,
  conflictWithMessage,
  invalid,
  qualifiedResource,
} from '../errors';
import { cloneJson, isJsonObject, jsonEqual, thaw } from './json';
import { applyKindRules } from './kindRules';
import { generatedName, nameCauses } from './names';
import type { KubeObject } from './types';

/** How a create is prepared. */
export interface CreateRules {
  /** Drop `status` for kinds with a status subresource, as creates over the API do. */
  dropStatus?: boolean;
  /** Keep a given `creationTimestamp` (trusted creates such as seeds). */
  keepCreationTimestamp?: boolean;
  /** Keep a given `deletionTimestamp` (seeds only: objects loaded mid-deletion). */
  keepDeletionTimestamp?: boolean;
  now: Date;
}

/** `2025-01-02T03:04:05Z`: Kubernetes timestamps have whole seconds. */
export function kubeTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Finds a kind or throws the 404 the API server gives for unknown resources. */
export function requireKind(kind: string): KindInfo {
  const info = findKind(kind);
  if (!info) {
    throw new SimApiError(
      404,
      'NotFound',
      `the server could not find the requested resource (kind "${kind}")`,
      {},
    );
  }
  return info;
}

/**
 * The object as a create would store it, without a resourceVersion: name (or one
 * generated from generateName) and namespace checked, uid, creationTimestamp and
 * generation 1 assigned, server-set metadata cleared (a seed's deletionTimestamp may
 * be kept).
 */
export function prepareCreatedObject(
  input: KubeObject,
  options: CreateRules,
): KubeObject {
  const info = requireKind(input.kind);
  const object = cloneJson(input);
  checkApiVersion(info, object);
  if (!isJsonObject(object.metadata)) {
    object.metadata = { name: '' };
  }
  const meta = object.metadata;
  if (
    !meta.name &&
    typeof meta.generateName === 'string' &&
    meta.generateName
  ) {
    meta.name = generatedName(meta.generateName);
  }
  if (!meta.name) {
    throw invalid(info, '', [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ]);
  }
  const causes = nameCauses(info, meta.name);
  if (causes.length) throw invalid(info, meta.name, causes);
  if (info.namespaced) {
    if (!meta.namespace) {
      throw badRequest(
        `the namespace of ${qualifiedResource(info)} "${
          meta.name
        }" is required`,
      );
    }
  } else {
    delete meta.namespace;
  }
  meta.uid = randomUUID();
  if (
    !options.keepCreationTimestamp ||
    typeof meta.creationTimestamp !== 'string'
  ) {
    meta.creationTimestamp = kubeTimestamp(options.now);
  }
  meta.generation = 1;
  delete meta.resourceVersion;
  // The API server ignores a deletionTimestamp on create: only a delete sets one.
  if (!options.keepDeletionTimestamp) {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  delete meta.selfLink;
  if (options.dropStatus && info.hasStatus) delete object.status;
  applyKindRules(object, true);
  return object;
}

/**
 * The object as an update would store it: identity, timestamps and status (or, for
 * `/status`, everything but status) come from `current`; generation is bumped when
 * the spec changed. Checks the resourceVersion precondition and finalizer rules.
 */
export function prepareUpdatedObject(
  input: KubeObject,
  current: KubeObject,
  subresource: 'status' | undefined,
): KubeObject {
  const info = requireKind(current.kind);
  const name = current.metadata.name;
  const expected = input.metadata?.resourceVersion;
  if (
    expected !== undefined &&
    expected !== '' &&
    expected !== current.metadata.resourceVersion
  ) {
    throw conflict(info, name);
  }
  if (subresource === 'status') {
    const next = thaw(current);
    if (input.status === undefined) delete next.status;
    else next.status = cloneJson(input.status);
    if (input.metadata?.managedFields !== undefined) {
      next.metadata.managedFields = cloneJson(input.metadata.managedFields);
    }
    return next;
  }
  const next = cloneJson(input);
  checkApiVersion(info, next);
  next.apiVersion = current.apiVersion;
  next.kind = current.kind;
  if (!isJsonObject(next.metadata)) next.metadata = { name };
  const meta = next.metadata;
  const old = current.metadata;
  meta.name = old.name;
  if (old.namespace !== undefined) meta.namespace = old.namespace;
  else delete meta.namespace;
  meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  meta.resourceVersion = old.resourceVersion;
  copyOrDelete(meta, old, 'deletionTimestamp');
  copyOrDelete(meta, old, 'deletionGracePeriodSeconds');
  if (meta.managedFields === undefined)
    copyOrDelete(meta, old, 'managedFields');
  delete meta.generation;
  delete meta.selfLink;
  applyKindRules(next, false);
  if (info.hasStatus) {
    if (current.status === undefined) delete next.status;
    else next.status = thaw(current.status as object);
  }
  meta.generation = specChanged(info, current, next)
    ? (old.generation ?? 0) + 1
    : old.generation ?? 1;
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? []);
    const added = (meta.finalizers ?? []).filter(f => !before.has(f));
    if (added.length) {
      throw invalid(info, name, [
        {
          reason: 'FieldValueForbidden',
          message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
            .map(f => JSON.stringify(f))
            .join(', ')}}`,
          field: 'metadata.finalizers',
        },
      ]);
    }
  }
  return next;
}

/** The object marked for deletion: deletionTimestamp set, generation bumped. */
export function markedForDeletion(
  info: KindInfo,
  current: KubeObject,
  now: Date,
): KubeObject {
  const next = thaw(current);
  next.metadata.deletionTimestamp = kubeTimestamp(now);
  next.metadata.deletionGracePeriodSeconds = 0;
  next.metadata.generation = (next.metadata.generation ?? 1) + 1;
  if (info.kind === 'Namespace') {
    next.status = {
      ...(isJsonObject(next.status) ? next.status : {}),
      phase: 'Terminating',
    };
  }
  return next;
}

function checkApiVersion(info: KindInfo, object: KubeObject): void {
  const expected = info.group ? `${info.group}/${info.version}` : info.version;
  if (object.apiVersion === undefined || object.apiVersion === '') {
    object.apiVersion = expected;
  } else if (object.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
    );
  }
}

export function checkPreconditions(
  info: KindInfo,
  current: KubeObject,
  preconditions: { uid?: string; resourceVersion?: string } | undefined,
): void {
  const name = current.metadata.name;
  if (preconditions?.uid && preconditions.uid !== current.metadata.uid) {
    throw conflictWithMessage(
      info,
      name,
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${current.metadata.uid}`,
    );
  }
  if (
    preconditions?.resourceVersion &&
    preconditions.resourceVersion !== current.metadata.resourceVersion
  ) {
    throw conflictWithMessage(
      info,
      name,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
    );
  }
}

function copyOrDelete(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  field: string,
): void {
  if (source[field] === undefined) delete target[field];
  else target[field] = cloneJson(source[field]);
}

/** Whether anything outside metadata (and status, when it is a subresource) differs. */
function specChanged(
  info: KindInfo,
  before: KubeObject,
  after: KubeObject,
): boolean {
  const ignored = new Set(['apiVersion', 'kind', 'metadata']);
  if (info.hasStatus) ignored.add('status');
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (!ignored.has(key) && !jsonEqual(before[key], after[key])) return true;
  }
  return false;
}

/** Equal except resourceVersion and managed-field timestamps: such a write is a no-op. */
export function sameStoredContent(
  current: KubeObject,
  next: KubeObject,
): boolean {
  const strip = (object: KubeObject) => ({
    ...object,
    metadata: {
      ...object.metadata,
      resourceVersion: undefined,
      managedFields: object.metadata.managedFields?.map(entry => ({
        ...entry,
        time: undefined,
      })),
    },
  });
  return jsonEqual(strip(current), strip(next));
}
