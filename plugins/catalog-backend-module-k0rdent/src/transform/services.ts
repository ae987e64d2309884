/*
 * Which ServiceTemplates a ClusterDeployment or MultiClusterService depends on.
 */
import type { ServiceSpec } from '@k0rdent-backstage/plugin-k0rdent-common';
import { nonEmpty } from './context';

/**
 * Template names of the services a ServiceSpec installs. Disabled services and
 * services being uninstalled are no dependency; malformed entries are skipped.
 */
export function activeServiceTemplates(
  serviceSpec: ServiceSpec | undefined,
): string[] {
  const services = serviceSpec?.services;
  if (!Array.isArray(services)) {
    return [];
  }
  const templates: string[] = [];
  for (const service of services) {
    const template = nonEmpty(service?.template);
    if (template && !service.disable && service.helmAction !== 'Uninstall') {
      templates.push(template);
    }
  }
  return templates;
}
