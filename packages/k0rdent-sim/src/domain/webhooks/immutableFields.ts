/*
 * The CRDs' CEL transition rules KCM relies on: template and chain specs never change,
 * a Credential's region and a serviceSpec's provider name are fixed once set.
 */
import type {
  AdmissionHook,
  AdmissionResult,
  KubeObject,
} from '../../store/types';
import { deepEqual } from '../kube/objects';
import { ALLOWED, celViolation, invalid } from './admissionResults';

const IMMUTABLE_SPEC_KINDS = new Set([
  'ClusterTemplate',
  'ServiceTemplate',
  'ClusterTemplateChain',
  'ServiceTemplateChain',
]);

type Json = Record<string, unknown> | undefined;

function at(object: KubeObject | undefined, path: string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    value = (value as Json)?.[key];
  }
  return value;
}

function checkImmutable(
  object: KubeObject,
  oldObject: KubeObject,
): AdmissionResult {
  const { kind } = object;
  const name = object.metadata.name;
  if (
    IMMUTABLE_SPEC_KINDS.has(kind) &&
    !deepEqual(object.spec, oldObject.spec)
  ) {
    return invalid(kind, name, [
      celViolation('spec', 'object', 'Spec is immutable'),
    ]);
  }
  if (kind === 'Credential') {
    const region = at(object, ['spec', 'region']);
    const oldRegion = at(oldObject, ['spec', 'region']);
    // Transition rules only run when the field is present on both sides.
    if (
      region !== undefined &&
      oldRegion !== undefined &&
      region !== oldRegion
    ) {
      return invalid(kind, name, [
        celViolation('spec.region', 'string', 'Region is immutable'),
      ]);
    }
  }
  if (kind === 'ClusterDeployment' || kind === 'MultiClusterService') {
    const path = ['spec', 'serviceSpec', 'provider', 'name'];
    const provider = at(object, path);
    const oldProvider = at(oldObject, path);
    if (
      provider !== undefined &&
      oldProvider !== undefined &&
      oldProvider !== '' &&
      provider !== oldProvider
    ) {
      return invalid(kind, name, [
        celViolation(
          'spec.serviceSpec.provider.name',
          'string',
          'Provider name is immutable once set',
        ),
      ]);
    }
  }
  return ALLOWED;
}

export const enforceImmutableFields: AdmissionHook = ({
  operation,
  object,
  oldObject,
}) => {
  if (operation !== 'UPDATE' || !object || !oldObject) return ALLOWED;
  return checkImmutable(object, oldObject);
};
