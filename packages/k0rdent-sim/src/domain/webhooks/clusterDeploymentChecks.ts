/*
 * The checks KCM's ClusterDeployment webhook runs, each returning the error text KCM
 * produces (or undefined when the check passes).
 */
import {
  INFRASTRUCTURE_PROVIDER_PREFIX,
  type ClusterDeployment,
  type ClusterTemplate,
  type ProviderInterface,
  type Service,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ObjectStore } from '../../store/types';
import {
  INTERNAL_INFRASTRUCTURE,
  capiProviderExposing,
} from '../catalog/providers';
import { notFoundMessage, typed } from '../kube/objects';
import {
  getClusterTemplate,
  getCredential,
  getServiceTemplate,
  getServiceTemplateChain,
} from './storeLookups';

export const INVALID_CLUSTER_DEPLOYMENT = 'the ClusterDeployment is invalid';

type Lookup<T> =
  | { found: T; error?: undefined }
  | { found?: undefined; error: string };

export function findTemplate(
  store: ObjectStore,
  cd: ClusterDeployment,
): Lookup<ClusterTemplate> {
  const name = cd.spec?.template ?? '';
  const template = getClusterTemplate(store, cd.metadata.namespace, name);
  return template
    ? { found: template }
    : { error: notFoundMessage('ClusterTemplate', name) };
}

export function templateValidityError(
  template: ClusterTemplate,
): string | undefined {
  if (template.status?.valid) return undefined;
  return `the ClusterTemplate ${template.metadata.namespace}/${
    template.metadata.name
  } is invalid with the error: ${template.status?.validationError ?? ''}`;
}

/** Credential exists, is ready, and its identity kind is one the template's infrastructure accepts. */
export function credentialError(
  store: ObjectStore,
  cd: ClusterDeployment,
  template: ClusterTemplate,
): string | undefined {
  const templateRef = `${template.metadata.namespace}/${template.metadata.name}`;
  const providers = template.status?.providers ?? [];
  if (providers.length === 0) {
    return `no providers have been found in the ClusterTemplate ${templateRef}`;
  }
  const infrastructure = providers.filter(p =>
    p.startsWith(INFRASTRUCTURE_PROVIDER_PREFIX),
  );
  if (infrastructure.length === 0) {
    return `no infrastructure providers have been found in the ClusterTemplate ${templateRef}`;
  }
  const namespace = cd.metadata.namespace ?? '';
  const name = cd.spec?.credential ?? '';
  const credRef = `${namespace}/${name}`;
  const credential = getCredential(store, namespace, name);
  if (!credential) {
    const reason = name
      ? notFoundMessage('Credential', name)
      : 'resource name may not be empty';
    return `failed to get Credential ${credRef} referred in the ClusterDeployment ${namespace}/${cd.metadata.name}: ${reason}`;
  }
  if (!credential.status?.ready) {
    return `the Credential ${credRef} is not Ready`;
  }
  const identityKind = credential.spec?.identityRef?.kind ?? '';
  for (const provider of infrastructure) {
    const unsupported = `provider ${provider} does not support ClusterIdentity Kind ${identityKind} from the Credential ${credRef}`;
    if (provider === INTERNAL_INFRASTRUCTURE) {
      if (identityKind !== 'Secret') return unsupported;
      continue;
    }
    const packageName = capiProviderExposing(provider)?.name;
    const found = packageName
      ? store.get({ kind: 'ProviderInterface', name: packageName })
      : undefined;
    if (!found) {
      return `unsupported infrastructure provider ${provider}`;
    }
    const spec = typed<ProviderInterface>(found).spec;
    const kinds = [
      ...(spec?.clusterIdentities ?? []).map(identity => identity.kind),
      ...(spec?.clusterIdentityKinds ?? []),
    ];
    if (!kinds.includes(identityKind)) return unsupported;
  }
  return undefined;
}

/** Every service template exists and is valid; chains exist, are valid and support the template. */
export function servicesError(
  store: ObjectStore,
  services: readonly Service[],
  namespace: string,
): string | undefined {
  const errors: string[] = [];
  for (const service of services) {
    const key = `${namespace}/${service.template}`;
    const template = getServiceTemplate(store, namespace, service.template);
    if (!template) {
      errors.push(
        `failed to get ServiceTemplate ${key}: ${notFoundMessage(
          'ServiceTemplate',
          service.template,
        )}`,
      );
    } else if (!template.status?.valid) {
      errors.push(
        `the ServiceTemplate ${key} is invalid with the error: ${
          template.status?.validationError ?? ''
        }`,
      );
    }
    if (!service.templateChain) continue;
    const chainKey = `${namespace}/${service.templateChain}`;
    const chain = getServiceTemplateChain(
      store,
      namespace,
      service.templateChain,
    );
    if (!chain) {
      errors.push(
        `failed to get ServiceTemplateChain ${chainKey}: ${notFoundMessage(
          'ServiceTemplateChain',
          service.templateChain,
        )}`,
      );
    } else if (chain.status && chain.status.valid === false) {
      errors.push(
        `the ServiceTemplateChain ${chainKey} is invalid with the error: ${
          chain.status.validationError ?? ''
        }`,
      );
    } else if (
      !(chain.spec?.supportedTemplates ?? []).some(
        t => t.name === service.template,
      )
    ) {
      errors.push(
        `the ServiceTemplateChain ${chainKey} does not support ServiceTemplate ${service.template}`,
      );
    }
  }
  return errors.length > 0 ? errors.join('\n') : undefined;
}
