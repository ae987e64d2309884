/*
 * `metadata.managedFields`: which manager owns which fields, per manager, operation
 * (Apply or Update), apiVersion and subresource. Non-apply writes (create, update,
 * patch) give their manager the fields they changed and take those fields from
 * everyone else, without conflicts, as on the real server.
 */
import { cloneJson, isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/types';
import {
  changedFields,
  isEmptySet,
  memberPaths,
  parseFieldsV1,
  removeAtOrBelow,
  toFieldsV1,
  unionInto,
  type FieldNode,
} from './fieldSet';

export type ManagedOperation = 'Apply' | 'Update';

/** One manager's entry, with its field set decoded. */
export interface ManagerEntry {
  manager: string;
  operation: ManagedOperation;
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldNode;
}

/** Entries of an object; ones we cannot read (not FieldsV1) are kept verbatim in `opaque`. */
export interface ManagedFieldsState {
  entries: ManagerEntry[];
  opaque: Array<Record<string, unknown>>;
}

export function readManagedFields(
  object: KubeObject | undefined,
): ManagedFieldsState {
  const state: ManagedFieldsState = { entries: [], opaque: [] };
  for (const raw of object?.metadata.managedFields ?? []) {
    if (
      raw.fieldsType === 'FieldsV1' &&
      typeof raw.manager === 'string' &&
      (raw.operation === 'Apply' || raw.operation === 'Update')
    ) {
      state.entries.push({
        manager: raw.manager,
        operation: raw.operation,
        apiVersion: String(raw.apiVersion ?? ''),
        time: typeof raw.time === 'string' ? raw.time : undefined,
        subresource:
          typeof raw.subresource === 'string' ? raw.subresource : undefined,
        fields: parseFieldsV1(raw.fieldsV1),
      });
    } else {
      state.opaque.push(cloneJson(raw));
    }
  }
  return state;
}

/** Encodes entries back into `metadata.managedFields` form (empty entries dropped). */
export function writeManagedFields(
  state: ManagedFieldsState,
): Array<Record<string, unknown>> {
  const encoded = state.entries
    .filter(entry => !isEmptySet(entry.fields))
    .map(entry => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      ...(entry.time ? { time: entry.time } : {}),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(entry.fields),
      ...(entry.subresource ? { subresource: entry.subresource } : {}),
    }));
  return [...encoded, ...state.opaque];
}

/** Finds (or adds) the entry of a manager for an operation and subresource. */
export function entryFor(
  state: ManagedFieldsState,
  manager: string,
  operation: ManagedOperation,
  apiVersion: string,
  subresource: string | undefined,
): ManagerEntry {
  let entry = state.entries.find(
    candidate =>
      candidate.manager === manager &&
      candidate.operation === operation &&
      (candidate.subresource ?? '') === (subresource ?? '') &&
      (operation === 'Apply' || candidate.apiVersion === apiVersion),
  );
  if (!entry) {
    entry = {
      manager,
      operation,
      apiVersion,
      subresource,
      fields: { member: false, children: new Map() },
    };
    state.entries.push(entry);
  }
  return entry;
}

/**
 * Records a non-apply write by `manager` on `next` (mutates `next.metadata.managedFields`):
 * it owns what it changed from `previous` (everything, for a create).
 */
export function recordUpdate(
  previous: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  subresource: string | undefined,
  time: string,
): void {
  const state = readManagedFields(previous ?? next);
  if (!previous) state.entries = [];
  const before: JsonObject = previous ?? { metadata: {} };
  const { changed, removed } = changedFields(
    before,
    next as unknown as JsonObject,
  );
  const changedPaths = memberPaths(changed);
  for (const entry of state.entries) {
    for (const path of removed) removeAtOrBelow(entry.fields, path);
    if (entry.manager === manager && entry.operation === 'Update') continue;
    for (const path of changedPaths) removeAtOrBelow(entry.fields, path);
  }
  if (!isEmptySet(changed)) {
    const mine = entryFor(
      state,
      manager,
      'Update',
      next.apiVersion,
      subresource,
    );
    unionInto(mine.fields, changed);
    mine.time = time;
  }
  const encoded = writeManagedFields(state);
  if (encoded.length) next.metadata.managedFields = encoded;
  else delete next.metadata.managedFields;
}

/** Whether a value is usable as a managedFields list from a client. */
export function isManagedFieldsList(
  value: unknown,
): value is Array<Record<string, unknown>> {
  return Array.isArray(value) && value.every(isJsonObject);
}
