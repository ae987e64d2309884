/*
 * How the API server reports rejections: a webhook denial (403, message prefixed with
 * the webhook's name) or a validation failure from CEL rules (422 Invalid with causes).
 */
import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { AdmissionResult, FieldCause } from '../../store/types';

export const ALLOWED: AdmissionResult = { allowed: true };

export const WEBHOOKS = {
  validateClusterDeployment:
    'validation.clusterdeployment.k0rdent.mirantis.com',
  mutateClusterDeployment: 'mutation.clusterdeployment.k0rdent.mirantis.com',
  validateClusterTemplate: 'validation.clustertemplate.k0rdent.mirantis.com',
  validateServiceTemplate: 'validation.servicetemplate.k0rdent.mirantis.com',
} as const;

export function denied(webhook: string, message: string): AdmissionResult {
  return {
    allowed: false,
    code: 403,
    message: `admission webhook "${webhook}" denied the request: ${message}`,
  };
}

/** A CEL rule violation: `field: Invalid value: "<type>": <rule message>`. */
export function celViolation(
  field: string,
  valueType: string,
  message: string,
): FieldCause {
  return {
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: "${valueType}": ${message}`,
  };
}

/** 422 Invalid as the API server words it. */
export function invalid(
  kind: string,
  name: string,
  causes: FieldCause[],
): AdmissionResult {
  const group = findKind(kind)?.group;
  const qualified = group ? `${kind}.${group}` : kind;
  const details = causes.map(c => `${c.field}: ${c.message}`);
  const summary = details.length === 1 ? details[0] : `[${details.join(', ')}]`;
  return {
    allowed: false,
    code: 422,
    message: `${qualified} "${name}" is invalid: ${summary}`,
    causes,
  };
}
