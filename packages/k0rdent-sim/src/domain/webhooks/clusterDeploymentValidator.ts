/*
 * validation.clusterdeployment.k0rdent.mirantis.com: what KCM checks before a
 * ClusterDeployment is created, changed or deleted.
 */
import type {
  ClusterDeployment,
  Region,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  AdmissionHook,
  AdmissionRequest,
  AdmissionResult,
} from '../../store/types';
import { typed } from '../kube/objects';
import { ALLOWED, WEBHOOKS, denied } from './admissionResults';
import {
  INVALID_CLUSTER_DEPLOYMENT,
  credentialError,
  findTemplate,
  servicesError,
  templateValidityError,
} from './clusterDeploymentChecks';

const deny = (message: string) =>
  denied(WEBHOOKS.validateClusterDeployment, message);
const invalidCd = (message: string) =>
  deny(`${INVALID_CLUSTER_DEPLOYMENT}: ${message}`);

function services(cd: ClusterDeployment) {
  return cd.spec?.serviceSpec?.services ?? [];
}

function validateCreate({ store, object }: AdmissionRequest): AdmissionResult {
  const cd = typed<ClusterDeployment>(object!);
  const template = findTemplate(store, cd);
  if (template.error !== undefined) return invalidCd(template.error);
  const invalidTemplate = templateValidityError(template.found);
  if (invalidTemplate) return invalidCd(invalidTemplate);
  const credential = credentialError(store, cd, template.found);
  if (credential) return invalidCd(credential);
  const servicesProblem = servicesError(
    store,
    services(cd),
    cd.metadata.namespace ?? '',
  );
  if (servicesProblem) return invalidCd(servicesProblem);
  return ALLOWED;
}

function validateUpdate({
  store,
  object,
  oldObject,
}: AdmissionRequest): AdmissionResult {
  const cd = typed<ClusterDeployment>(object!);
  const old = typed<ClusterDeployment>(oldObject!);
  const template = findTemplate(store, cd);
  if (template.error !== undefined) return invalidCd(template.error);

  const from = old.spec?.template ?? '';
  const to = cd.spec?.template ?? '';
  if (from !== to) {
    if (!(old.status?.availableUpgrades ?? []).includes(to)) {
      // KCM returns the explanation as a warning; it is folded into the message here.
      return deny(
        `cluster upgrade is forbidden: Cluster can't be upgraded from ${from} to ${to}. This upgrade sequence is not allowed`,
      );
    }
    const invalidTemplate = templateValidityError(template.found);
    if (invalidTemplate) return invalidCd(invalidTemplate);
  }
  const credential = credentialError(store, cd, template.found);
  if (credential) return invalidCd(credential);
  if (Boolean(old.spec?.dataSource) !== Boolean(cd.spec?.dataSource)) {
    return invalidCd(
      'spec.dataSource cannot be added or removed after creation',
    );
  }
  const servicesProblem = servicesError(
    store,
    services(cd),
    cd.metadata.namespace ?? '',
  );
  if (servicesProblem) return invalidCd(servicesProblem);
  return ALLOWED;
}

function validateDelete({
  store,
  oldObject,
}: AdmissionRequest): AdmissionResult {
  const cd = oldObject!;
  for (const object of store.list('Region')) {
    const ref = typed<Region>(object).spec?.clusterDeployment;
    if (
      ref &&
      ref.name === cd.metadata.name &&
      ref.namespace === cd.metadata.namespace
    ) {
      return deny(
        `ClusterDeployment cannot be deleted: referenced by Region "${object.metadata.name}"`,
      );
    }
  }
  return ALLOWED;
}

export const validateClusterDeployment: AdmissionHook = request => {
  if (request.kind.kind !== 'ClusterDeployment') return ALLOWED;
  switch (request.operation) {
    case 'CREATE':
      return request.object ? validateCreate(request) : ALLOWED;
    case 'UPDATE':
      return request.object && request.oldObject
        ? validateUpdate(request)
        : ALLOWED;
    case 'DELETE':
      return request.oldObject ? validateDelete(request) : ALLOWED;
    default:
      return ALLOWED;
  }
};
