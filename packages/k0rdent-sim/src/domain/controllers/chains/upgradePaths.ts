/*
 * Template chains as KCM reads them: chain validity, a cluster's available upgrades
 * (direct edges from its template), and a service's upgrade paths (every template
 * reachable through its chain, with the steps to get there).
 */
import type {
  Service,
  ServiceTemplate,
  ServiceUpgradePaths,
  TemplateChainSpec,
  TemplateChainStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';

type ChainLike = { metadata: { name: string }; spec?: TemplateChainSpec };

/** Chain validity: upgrade targets must be supported; versions all-or-none per entry. */
export function evaluateChain(
  spec: TemplateChainSpec | undefined,
): TemplateChainStatus {
  const supported = spec?.supportedTemplates ?? [];
  const names = new Set(supported.map(t => t.name));
  const warnings: string[] = [];
  for (const entry of supported) {
    const upgrades = entry.availableUpgrades ?? [];
    for (const upgrade of upgrades) {
      if (!names.has(upgrade.name)) {
        warnings.push(
          `template ${upgrade.name} is allowed for upgrade but is not present in the list of '.spec.supportedTemplates'`,
        );
      }
    }
    const withVersion = upgrades.filter(u => u.version).length;
    if (withVersion > 0 && withVersion < upgrades.length) {
      warnings.push(
        `template ${entry.name} has mixed version/no-version available upgrades: either all or none should have version set`,
      );
    }
  }
  return warnings.length > 0
    ? { valid: false, validationError: warnings.join(';') }
    : { valid: true };
}

/** ClusterDeployment `status.availableUpgrades`: direct edges from `template`, sorted. */
export function availableUpgradesOf(
  template: string,
  chains: readonly ChainLike[],
): string[] {
  const upgrades = new Set<string>();
  for (const chain of chains) {
    for (const entry of chain.spec?.supportedTemplates ?? []) {
      if (entry.name === template) {
        for (const upgrade of entry.availableUpgrades ?? []) {
          upgrades.add(upgrade.name);
        }
      }
    }
  }
  return [...upgrades].sort();
}

/**
 * `servicesUpgradePaths` for the services that name a templateChain: for every
 * template reachable from the current one, the sequence of steps (breadth-first, so
 * the shortest). Services without a chain cannot be upgraded and are not listed.
 */
export function servicesUpgradePathsOf(
  services: readonly Service[],
  chains: readonly ChainLike[],
  serviceTemplate: (name: string) => ServiceTemplate | undefined,
): ServiceUpgradePaths[] {
  const result: ServiceUpgradePaths[] = [];
  for (const service of services) {
    if (!service.templateChain) continue;
    const chain = chains.find(c => c.metadata.name === service.templateChain);
    const edges = new Map<string, string[]>();
    const chainVersions = new Map<string, string>();
    for (const entry of chain?.spec?.supportedTemplates ?? []) {
      edges.set(
        entry.name,
        (entry.availableUpgrades ?? []).map(u => u.name),
      );
      for (const upgrade of entry.availableUpgrades ?? []) {
        if (upgrade.version) chainVersions.set(upgrade.name, upgrade.version);
      }
    }
    const paths: string[][] = [];
    const seen = new Set([service.template]);
    let frontier: string[][] = [[service.template]];
    while (frontier.length > 0) {
      const next: string[][] = [];
      for (const path of frontier) {
        for (const target of edges.get(path[path.length - 1]) ?? []) {
          if (seen.has(target)) continue;
          seen.add(target);
          const extended = [...path, target];
          paths.push(extended.slice(1));
          next.push(extended);
        }
      }
      frontier = next;
    }
    result.push({
      name: service.name,
      namespace: service.namespace ?? 'default',
      template: service.template,
      availableUpgrades: paths.map(steps => ({
        // A step without a version in the chain falls back to the template's, then its name.
        versions: steps.map(name => ({
          name,
          version:
            chainVersions.get(name) ??
            serviceTemplate(name)?.spec?.version ??
            serviceTemplate(name)?.spec?.helm?.chartSpec?.version ??
            name,
        })),
      })),
    });
  }
  return result;
}
