/*
 * What must hold before KCM renders a ClusterDeployment's chart: its Credential exists
 * and is ready, its ClusterTemplate exists and is valid. Failures carry the condition
 * messages KCM writes.
 */
import {
  CONDITION_REASONS,
  CONDITION_TYPES,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ConditionUpdate } from '../../kube/conditions';
import { notFoundMessage } from '../../kube/objects';

export interface Preconditions {
  failures: ConditionUpdate[];
  /** The template exists but the template controller has not evaluated it yet. */
  templatePending: boolean;
}

export function checkPreconditions(
  cd: ClusterDeployment,
  credential: Credential | undefined,
  template: ClusterTemplate | undefined,
): Preconditions {
  const namespace = cd.metadata.namespace ?? '';
  const failures: ConditionUpdate[] = [];
  const fail = (type: string, message: string) =>
    failures.push({
      type,
      status: 'False',
      reason: CONDITION_REASONS.failed,
      message,
    });

  const credentialName = cd.spec?.credential ?? '';
  if (!credential) {
    fail(
      CONDITION_TYPES.credentialReady,
      `failed to get Credential ${namespace}/${credentialName}: ${notFoundMessage(
        'Credential',
        credentialName,
      )}`,
    );
  }

  const templateName = cd.spec?.template ?? '';
  let templatePending = false;
  if (!template) {
    fail(
      CONDITION_TYPES.templateReady,
      `failed to get ClusterTemplate ${namespace}/${templateName}: ${notFoundMessage(
        'ClusterTemplate',
        templateName,
      )}`,
    );
  } else if (!template.status) {
    templatePending = true;
  } else if (!template.status.valid) {
    const reason = template.status.validationError
      ? `: ${template.status.validationError}`
      : '';
    fail(
      CONDITION_TYPES.templateReady,
      `ClusterTemplate ${namespace}/${templateName} is not marked as valid${reason}`,
    );
  }

  if (credential && !credential.status?.ready) {
    fail(
      CONDITION_TYPES.credentialReady,
      `the Credential ${namespace}/${credentialName} is not ready`,
    );
  }
  return { failures, templatePending };
}
