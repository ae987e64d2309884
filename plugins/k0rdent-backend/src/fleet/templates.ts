/*
 * The template catalogue: ClusterTemplates and ServiceTemplates as the portal
 * shows them, with the upgrade edges of their namespace's template chains.
 */
import {
  infrastructureProviderOf,
  isTemplateCopy,
  kubernetesVersionOf,
  type ClusterTemplate,
  type ServiceTemplate,
  type TemplateChainSpec,
  type TemplateChainStatus,
  type TemplateKind,
  type TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  FleetCache,
  KubeObject,
} from '@k0rdent-backstage/plugin-k0rdent-node';

/** The Kubernetes kinds of a template kind and of its chains. */
export const TEMPLATE_KINDS: Record<
  TemplateKind,
  { template: 'ClusterTemplate' | 'ServiceTemplate'; chain: string }
> = {
  cluster: { template: 'ClusterTemplate', chain: 'ClusterTemplateChain' },
  service: { template: 'ServiceTemplate', chain: 'ServiceTemplateChain' },
};

type TemplateChain = KubeObject & {
  spec?: TemplateChainSpec;
  status?: TemplateChainStatus;
};

/**
 * Template name → the templates it may be upgraded to, from the chains of one
 * kind in one namespace: the union of the direct `availableUpgrades` of every
 * chain that lists the template (as KCM computes a cluster's
 * `status.availableUpgrades`), sorted. Chains the controller marked invalid
 * are left out.
 */
export function upgradeEdges(
  cache: FleetCache,
  kind: TemplateKind,
  namespace: string,
): Map<string, string[]> {
  const edges = new Map<string, Set<string>>();
  const chains = cache.list(TEMPLATE_KINDS[kind].chain, {
    namespace,
  }) as TemplateChain[];
  for (const chain of chains) {
    if (chain.status?.valid === false) continue;
    for (const supported of chain.spec?.supportedTemplates ?? []) {
      for (const upgrade of supported.availableUpgrades ?? []) {
        if (!upgrade?.name) continue;
        let targets = edges.get(supported.name);
        if (!targets) {
          targets = new Set();
          edges.set(supported.name, targets);
        }
        targets.add(upgrade.name);
      }
    }
  }
  return new Map(
    [...edges].map(([name, targets]) => [name, [...targets].sort()]),
  );
}

/** The catalogue entry of a ClusterTemplate or ServiceTemplate. */
export function templateSummary(
  managementCluster: string,
  kind: TemplateKind,
  template: ClusterTemplate | ServiceTemplate,
  upgrades: readonly string[],
): TemplateSummary {
  const status = template.status;
  const summary: TemplateSummary = {
    managementCluster,
    namespace: template.metadata.namespace ?? '',
    name: template.metadata.name,
    kind,
    valid: status?.valid === true,
    validationError: status?.validationError || undefined,
    description: status?.description || undefined,
    providers: [],
    chartVersion: status?.chartVersion || undefined,
    upgrades: [...upgrades],
    hasValuesSchema: Boolean(status?.schemaConfigMapName),
    copy: isTemplateCopy(template),
  };
  if (kind === 'cluster') {
    const clusterTemplate = template as ClusterTemplate;
    summary.provider = infrastructureProviderOf(clusterTemplate);
    summary.providers = [
      ...(clusterTemplate.status?.providers?.length
        ? clusterTemplate.status.providers
        : clusterTemplate.spec?.providers ?? []),
    ];
    summary.kubernetesVersion = kubernetesVersionOf({}, clusterTemplate);
  } else {
    const serviceTemplate = template as ServiceTemplate;
    summary.version =
      serviceTemplate.spec?.version ||
      serviceTemplate.spec?.helm?.chartSpec?.version ||
      undefined;
  }
  for (const key of Object.keys(summary) as Array<keyof TemplateSummary>) {
    if (summary[key] === undefined) delete summary[key];
  }
  return summary;
}
