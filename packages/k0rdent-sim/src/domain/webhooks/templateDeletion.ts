/*
 * validation.clustertemplate / validation.servicetemplate: a template still used by a
 * ClusterDeployment (or, for ServiceTemplates, a MultiClusterService) cannot be deleted.
 */
import {
  KCM_SYSTEM_NAMESPACE,
  type ClusterDeployment,
  type MultiClusterService,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { AdmissionHook } from '../../store/types';
import { typed } from '../kube/objects';
import { ALLOWED, WEBHOOKS, denied } from './admissionResults';

const FORBIDDEN = 'template deletion is forbidden';

export const protectTemplatesInUse: AdmissionHook = ({
  operation,
  kind,
  oldObject,
  store,
}) => {
  if (operation !== 'DELETE' || !oldObject) return ALLOWED;
  const { name, namespace } = oldObject.metadata;
  const clusters = () =>
    store
      .list('ClusterDeployment', { namespace })
      .map(o => typed<ClusterDeployment>(o));

  if (kind.kind === 'ClusterTemplate') {
    if (clusters().some(cd => cd.spec?.template === name)) {
      return denied(
        WEBHOOKS.validateClusterTemplate,
        `${FORBIDDEN}: The ClusterTemplate object can't be removed if ClusterDeployment objects referencing it still exist`,
      );
    }
  } else if (kind.kind === 'ServiceTemplate') {
    const usedBy = (services: Array<{ template: string }> | undefined) =>
      (services ?? []).some(s => s.template === name);
    if (clusters().some(cd => usedBy(cd.spec?.serviceSpec?.services))) {
      return denied(
        WEBHOOKS.validateServiceTemplate,
        `${FORBIDDEN}: The ServiceTemplate object can't be removed if ClusterDeployment objects referencing it still exist`,
      );
    }
    if (namespace === KCM_SYSTEM_NAMESPACE) {
      const mcsNames = store
        .list('MultiClusterService')
        .map(o => typed<MultiClusterService>(o))
        .filter(mcs => usedBy(mcs.spec?.serviceSpec?.services))
        .map(mcs => mcs.metadata.name);
      if (mcsNames.length > 0) {
        return denied(
          WEBHOOKS.validateServiceTemplate,
          `${FORBIDDEN}: The ${name} ServiceTemplate object can't be removed if MultiClusterService objects [${mcsNames.join(
            ',',
          )}] referencing it still exist`,
        );
      }
    }
  }
  return ALLOWED;
};
