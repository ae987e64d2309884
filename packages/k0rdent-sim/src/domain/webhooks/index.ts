/*
 * The simulated KCM admission webhooks, mutating before validating (as the API server
 * runs them).
 */
import type { AdmissionHook } from '../../store/types';
import { defaultClusterDeployment } from './clusterDeploymentDefaulter';
import { validateClusterDeployment } from './clusterDeploymentValidator';
import { enforceImmutableFields } from './immutableFields';
import { protectTemplatesInUse } from './templateDeletion';

export function createK0rdentAdmissionHooks(): AdmissionHook[] {
  return [
    defaultClusterDeployment,
    enforceImmutableFields,
    validateClusterDeployment,
    protectTemplatesInUse,
  ];
}
