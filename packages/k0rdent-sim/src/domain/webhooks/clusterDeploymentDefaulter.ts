/*
 * mutation.clusterdeployment.k0rdent.mirantis.com: a ClusterDeployment without
 * `spec.config` gets the template's default values and becomes a dry run.
 */
import type { ClusterDeployment } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { AdmissionHook } from '../../store/types';
import { clone, typed } from '../kube/objects';
import { ALLOWED, WEBHOOKS, denied } from './admissionResults';
import { findTemplate, templateValidityError } from './clusterDeploymentChecks';

export const defaultClusterDeployment: AdmissionHook = request => {
  const { kind, operation, object, store } = request;
  if (
    kind.kind !== 'ClusterDeployment' ||
    !object ||
    (operation !== 'CREATE' && operation !== 'UPDATE')
  ) {
    return ALLOWED;
  }
  const cd = typed<ClusterDeployment>(object);
  const spec = cd.spec;
  if (
    !spec ||
    (spec.config !== undefined && spec.config !== null) ||
    !spec.template
  ) {
    return ALLOWED;
  }
  const template = findTemplate(store, cd);
  if (template.error !== undefined) {
    return denied(
      WEBHOOKS.mutateClusterDeployment,
      `failed to get ClusterTemplate for the ClusterDeployment ${cd.metadata.namespace}/${cd.metadata.name}: ${template.error}`,
    );
  }
  const invalidTemplate = templateValidityError(template.found);
  if (invalidTemplate) {
    return denied(WEBHOOKS.mutateClusterDeployment, invalidTemplate);
  }
  const defaults = template.found.status?.config;
  if (defaults) {
    // Mutating hooks change the object in place.
    spec.config = clone(defaults);
    spec.dryRun = true;
  }
  return ALLOWED;
};
