/*
 * What the real API server does to particular core kinds on every write.
 */
import { isJsonObject } from './json';
import type { KubeObject } from './types';

/** Namespaces get the `kubernetes` finalizer in spec and phase Active on creation. */
export function defaultNamespaceFields(object: KubeObject): void {
  const spec = isJsonObject(object.spec) ? object.spec : {};
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  object.spec = spec;
  const status = isJsonObject(object.status) ? object.status : {};
  if (!status.phase) status.phase = 'Active';
  object.status = status;
}

/** Secret `stringData` is write-only: merged into `data` (base64), never stored. */
export function mergeSecretStringData(object: KubeObject): void {
  if (object.kind !== 'Secret' || !isJsonObject(object.stringData)) return;
  const data = isJsonObject(object.data) ? { ...object.data } : {};
  for (const [key, value] of Object.entries(object.stringData)) {
    data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  }
  object.data = data;
  delete object.stringData;
}

/** Kind-specific rules for any write of the main resource. */
export function applyKindRules(object: KubeObject, creating: boolean): void {
  mergeSecretStringData(object);
  if (creating && object.kind === 'Namespace') defaultNamespaceFields(object);
}
