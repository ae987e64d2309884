/*
 * What every API write goes through after the change itself is computed (create,
 * update, patch, apply; main resource or status): the store's object rules, schema
 * validation (422), admission hooks in order (simulated webhooks; they may mutate
 * the object or deny), managed-fields bookkeeping, then the store. Deletes go
 * through the admission hooks too. Controllers writing to the store directly skip
 * all of this, as trusted in-cluster writers skip webhooks they are exempt from.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { SimApiError, invalid } from '../errors';
import { thaw } from '../store/json';
import {
  kubeTimestamp,
  type DeleteResult,
  type MemoryObjectStore,
  type PropagationPolicy,
} from '../store/memoryStore';
import type {
  AdmissionHook,
  AdmissionResult,
  FieldCause,
  KubeObject,
  ObjectKey,
} from '../store/types';
import { recordUpdate } from './apply/managedFields';

/** How unknown fields are treated (`?fieldValidation=`); Kubernetes defaults to Warn. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** What a validation function is told about the write besides the objects. */
export interface ValidationContext {
  operation: 'CREATE' | 'UPDATE';
  subresource?: 'status';
  fieldValidation: FieldValidation;
}

/** A validation outcome richer than a list of causes. */
export interface ValidationResult {
  /** The object to store instead (e.g. pruned of unknown fields, defaulted). */
  object?: KubeObject;
  /** The causes of a 422 Invalid; empty or absent when the object is valid. */
  causes?: FieldCause[];
  /** Answer this instead (e.g. 400 BadRequest for strict decoding errors). */
  error?: SimApiError;
  /** Sent back as `Warning: 299 - "<text>"` headers (e.g. unknown fields with Warn). */
  warnings?: string[];
}

/**
 * Schema validation, run on every API write before admission: returns the causes
 * of a 422 (empty when valid), or a `ValidationResult`.
 */
export type ValidateFunction = (
  kind: KindInfo,
  object: KubeObject,
  oldObject: KubeObject | undefined,
  context: ValidationContext,
) => FieldCause[] | ValidationResult | Promise<FieldCause[] | ValidationResult>;

export interface WritePipeline {
  store: MemoryObjectStore;
  validate?: ValidateFunction;
  admission: readonly AdmissionHook[];
  now: () => Date;
}

export interface WriteRequest {
  kind: KindInfo;
  operation: 'CREATE' | 'UPDATE';
  /** The object as the client wants it. */
  object: KubeObject;
  /** The stored object the change was computed from (UPDATE). */
  current?: KubeObject;
  subresource?: 'status';
  dryRun: boolean;
  fieldValidation?: FieldValidation;
  /**
   * The field manager of a non-apply write, whose changes are recorded in
   * managedFields; undefined when the caller set managedFields itself (apply).
   */
  updateManager?: string;
}

export interface WriteResult {
  /** The stored (frozen) object, or what would be stored on a dry run. */
  object: KubeObject;
  /** Warnings for the client (`Warning` headers). */
  warnings: string[];
}

/** Validates, admits and stores. */
export async function admitAndWrite(
  pipeline: WritePipeline,
  request: WriteRequest,
): Promise<WriteResult> {
  const { store } = pipeline;
  const { kind } = request;
  let prepared =
    request.operation === 'CREATE'
      ? store.prepareCreate(request.object, { dropStatus: true })
      : store.prepareUpdate(request.object, request.current!, {
          subresource: request.subresource,
        });
  const name = prepared.metadata.name;
  const outcome = await pipeline.validate?.(kind, prepared, request.current, {
    operation: request.operation,
    subresource: request.subresource,
    fieldValidation: request.fieldValidation ?? 'Warn',
  });
  const validation: ValidationResult = Array.isArray(outcome)
    ? { causes: outcome }
    : outcome ?? {};
  if (validation.error) throw validation.error;
  if (validation.causes?.length) throw invalid(kind, name, validation.causes);
  if (validation.object) prepared = validation.object;

  const admission = {
    operation: request.operation,
    kind,
    object: prepared,
    oldObject: request.current && thaw(request.current),
    store,
    subresource: request.subresource,
    dryRun: request.dryRun,
  };
  for (const hook of pipeline.admission) {
    const result = await hook(admission);
    if (!result.allowed) throw admissionError(kind, name, result);
  }
  const final = admission.object ?? prepared;
  if (request.updateManager !== undefined) {
    recordUpdate(
      request.current,
      final,
      request.updateManager,
      request.subresource,
      kubeTimestamp(pipeline.now()),
    );
  }
  const stored =
    request.operation === 'CREATE'
      ? store.commitCreate(final, { dryRun: request.dryRun })
      : store.updateObject(final, {
          subresource: request.subresource,
          dryRun: request.dryRun,
        });
  return { object: stored, warnings: validation.warnings ?? [] };
}

/** Admits a delete (operation DELETE), then deletes. */
export async function admitAndDelete(
  pipeline: WritePipeline,
  kind: KindInfo,
  key: ObjectKey,
  current: KubeObject,
  options: {
    dryRun: boolean;
    propagationPolicy?: PropagationPolicy;
    preconditions?: { uid?: string; resourceVersion?: string };
  },
): Promise<DeleteResult> {
  const admission = {
    operation: 'DELETE' as const,
    kind,
    oldObject: thaw(current),
    store: pipeline.store,
    dryRun: options.dryRun,
  };
  for (const hook of pipeline.admission) {
    const result = await hook(admission);
    if (!result.allowed) throw admissionError(kind, key.name, result);
  }
  return pipeline.store.deleteObject(key, options);
}

function admissionError(
  kind: KindInfo,
  name: string,
  result: Extract<AdmissionResult, { allowed: false }>,
): SimApiError {
  const group = kind.group || undefined;
  switch (result.code) {
    case 422:
      return new SimApiError(422, 'Invalid', result.message, {
        name,
        group,
        kind: kind.kind,
        causes: result.causes,
      });
    case 409:
      return new SimApiError(409, 'Conflict', result.message, {
        name,
        group,
        kind: kind.plural,
      });
    default:
      return new SimApiError(403, 'Forbidden', result.message, {
        name,
        group,
        kind: kind.plural,
        ...(result.causes ? { causes: result.causes } : {}),
      });
  }
}
