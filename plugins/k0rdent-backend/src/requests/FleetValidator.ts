/*
 * Checks a request against the management cluster as the fleet cache knows it,
 * before anything is stored: templates exist, are valid and live in the
 * cluster's namespace, the credential is ready and fits the template, the
 * upgrade is on the template's chain, the config fits the template's values
 * schema. The admission webhooks would refuse most of this later; refusing it
 * here means the user hears about it at once, with the field named.
 */
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  identityProviderOf,
  infrastructureProviderOf,
  KCM_SYSTEM_NAMESPACE,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
  type JsonObject,
  type Region,
  type ServiceInput,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  FleetCache,
  K0rdentFleetService,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { coalesceValues, ValuesSchemaValidator } from './ValuesSchemaValidator';

/** Where the values schema of a template comes from (the fleet reader). */
export interface TemplateSchemaSource {
  valuesSchemaOf(
    managementCluster: string,
    template: ClusterTemplate,
  ): Promise<JsonObject | undefined>;
}

function names(objects: ReadonlyArray<{ metadata: { name: string } }>): string {
  const list = objects.map(o => o.metadata.name).sort();
  if (list.length === 0) return 'none';
  return list.length > 10
    ? `${list.slice(0, 10).join(', ')}, … (${list.length})`
    : list.join(', ');
}

/** Checks requests against the fleet cache. */
export class FleetValidator {
  readonly #fleet: K0rdentFleetService;
  readonly #schemas: TemplateSchemaSource;
  readonly #values = new ValuesSchemaValidator();

  constructor(options: {
    fleet: K0rdentFleetService;
    schemas: TemplateSchemaSource;
  }) {
    this.#fleet = options.fleet;
    this.#schemas = options.schemas;
  }

  /**
   * The cache of a management cluster named in a request body, ready to
   * answer: an unknown name is the caller's mistake (400 naming `field`), a
   * cluster that does not answer is not (503, nothing stored).
   */
  cacheFor(managementCluster: string, field = 'managementCluster'): FleetCache {
    const cache = this.#fleet.find(managementCluster);
    if (!cache) {
      throw new InputError(
        `${field}: no management cluster named '${managementCluster}'; known: ${
          this.#fleet
            .clusters()
            .map(c => c.name)
            .join(', ') || 'none'
        }`,
      );
    }
    return this.#answering(managementCluster, cache);
  }

  /** The cache of a management cluster named in a URL (404 when unknown). */
  cacheForPath(managementCluster: string): FleetCache {
    const cache = this.#fleet.find(managementCluster);
    if (!cache) {
      throw new NotFoundError(
        `No management cluster named '${managementCluster}'`,
      );
    }
    return this.#answering(managementCluster, cache);
  }

  #answering(name: string, cache: FleetCache): FleetCache {
    const health = cache.health();
    if (!health.synced || health.staleSince) {
      throw new ServiceUnavailableError(
        `Management cluster '${name}' does not answer at the moment, so the request cannot be checked; nothing was stored. Try again later.`,
      );
    }
    return cache;
  }

  /** A cluster named in a URL, or 404. */
  clusterAt(
    cache: FleetCache,
    managementCluster: string,
    namespace: string,
    name: string,
  ): ClusterDeployment {
    const cluster = cache.get('ClusterDeployment', namespace, name) as
      | ClusterDeployment
      | undefined;
    if (!cluster) {
      throw new NotFoundError(
        `No cluster ${namespace}/${name} on management cluster '${managementCluster}'`,
      );
    }
    return cluster;
  }

  /** The name is free: no cluster of that name exists in the namespace. */
  checkNameFree(cache: FleetCache, namespace: string, name: string): void {
    if (cache.get('ClusterDeployment', namespace, name)) {
      throw new ConflictError(
        `name: a cluster named '${name}' already exists in namespace '${namespace}'`,
      );
    }
  }

  /** A valid ClusterTemplate in the namespace. */
  clusterTemplate(
    cache: FleetCache,
    namespace: string,
    name: string,
    field = 'template',
  ): ClusterTemplate {
    const template = cache.get('ClusterTemplate', namespace, name) as
      | ClusterTemplate
      | undefined;
    if (!template) {
      const available = (
        cache.list('ClusterTemplate', { namespace }) as ClusterTemplate[]
      ).filter(t => t.status?.valid);
      throw new InputError(
        `${field}: no ClusterTemplate '${name}' in namespace '${namespace}' (templates must be in the cluster's namespace; valid ones there: ${names(
          available,
        )})`,
      );
    }
    if (!template.status?.valid) {
      throw new InputError(
        `${field}: ClusterTemplate '${name}' is not valid${
          template.status?.validationError
            ? `: ${template.status.validationError}`
            : ' (not validated yet)'
        }`,
      );
    }
    return template;
  }

  /** A ready Credential in the namespace whose identity fits the template's provider. */
  credential(
    cache: FleetCache,
    namespace: string,
    name: string,
    template: ClusterTemplate,
  ): Credential {
    const credential = cache.get('Credential', namespace, name) as
      | Credential
      | undefined;
    if (!credential) {
      const ready = (
        cache.list('Credential', { namespace }) as Credential[]
      ).filter(c => c.status?.ready);
      throw new InputError(
        `credential: no Credential '${name}' in namespace '${namespace}' (ready ones there: ${names(
          ready,
        )})`,
      );
    }
    if (!credential.status?.ready) {
      throw new InputError(`credential: Credential '${name}' is not ready`);
    }
    const templateProvider = infrastructureProviderOf(template);
    const identityProvider = identityProviderOf(
      credential.spec?.identityRef?.kind,
    );
    if (
      templateProvider &&
      identityProvider &&
      templateProvider !== identityProvider
    ) {
      throw new InputError(
        `credential: Credential '${name}' holds a ${identityProvider} identity, but template '${template.metadata.name}' builds ${templateProvider} clusters`,
      );
    }
    return credential;
  }

  /**
   * The config to apply: the given one, or the template's defaults when none
   * is given (k0rdent would otherwise turn the cluster into a dry run). It is
   * checked as Helm will check it: the chart's defaults with the config over
   * them, against the template's values schema.
   */
  async config(
    managementCluster: string,
    template: ClusterTemplate,
    config: JsonObject | undefined,
  ): Promise<JsonObject> {
    const defaults = template.status?.config ?? {};
    const effective = config ?? defaults;
    const schema = await this.#schemas.valuesSchemaOf(
      managementCluster,
      template,
    );
    if (schema) {
      const problems = this.#values.validate(
        schema,
        coalesceValues(defaults, effective),
      );
      if (problems.length > 0) {
        throw new InputError(
          `Invalid cluster request: ${problems
            .map(p => `config${p.path}: ${p.message}`)
            .join('; ')}`,
        );
      }
    }
    return effective;
  }

  /** Every service names a valid ServiceTemplate in each of `namespaces`. */
  services(
    cache: FleetCache,
    namespaces: readonly string[],
    services: readonly ServiceInput[],
    field = 'services',
  ): void {
    services.forEach((service, i) => {
      for (const namespace of namespaces) {
        const template = cache.get(
          'ServiceTemplate',
          namespace,
          service.template,
        ) as ServiceTemplate | undefined;
        if (!template) {
          throw new InputError(
            `${field}[${i}].template: no ServiceTemplate '${service.template}' in namespace '${namespace}'`,
          );
        }
        if (!template.status?.valid) {
          throw new InputError(
            `${field}[${i}].template: ServiceTemplate '${
              service.template
            }' is not valid${
              template.status?.validationError
                ? `: ${template.status.validationError}`
                : ''
            }`,
          );
        }
      }
      for (const [j, dependency] of (service.dependsOn ?? []).entries()) {
        const found = services.some(
          other =>
            other.name === dependency.name &&
            (other.namespace ?? 'default') ===
              (dependency.namespace ?? 'default'),
        );
        if (!found) {
          throw new InputError(
            `${field}[${i}].dependsOn[${j}]: no service ${
              dependency.namespace ?? 'default'
            }/${dependency.name} in this request`,
          );
        }
      }
    });
  }

  /** The upgrade target is on the cluster's chain and valid. */
  upgradeTarget(
    cache: FleetCache,
    cluster: ClusterDeployment,
    template: string,
  ): ClusterTemplate {
    const available = cluster.status?.availableUpgrades ?? [];
    if (!available.includes(template)) {
      throw new InputError(
        `template: '${template}' is not an available upgrade of cluster ${
          cluster.metadata.name
        } (available: ${available.length ? available.join(', ') : 'none'})`,
      );
    }
    return this.clusterTemplate(
      cache,
      cluster.metadata.namespace ?? '',
      template,
    );
  }

  /** A deletion is confirmed by name and no Region is built on the cluster. */
  deletion(cache: FleetCache, cluster: ClusterDeployment, confirm: string) {
    const { name, namespace } = cluster.metadata;
    if (confirm !== name) {
      throw new InputError(
        `confirm: type the cluster's name ('${name}') to delete it`,
      );
    }
    const regions = (cache.list('Region') as Region[]).filter(
      region =>
        region.spec?.clusterDeployment?.name === name &&
        region.spec.clusterDeployment.namespace === namespace,
    );
    if (regions.length > 0) {
      throw new ConflictError(
        `Cluster ${namespace}/${name} cannot be deleted while Region ${names(
          regions,
        )} is built on it; delete the Region first`,
      );
    }
  }

  /** ServiceTemplates of a MultiClusterService live in the system namespace. */
  multiClusterServiceTemplates(
    cache: FleetCache,
    services: readonly ServiceInput[],
  ): void {
    this.services(cache, [KCM_SYSTEM_NAMESPACE], services);
  }

  /** MultiClusterServices named in dependsOn exist. */
  multiClusterServiceDependencies(
    cache: FleetCache,
    dependsOn: readonly string[],
  ): void {
    dependsOn.forEach((name, i) => {
      if (!cache.get('MultiClusterService', undefined, name)) {
        throw new InputError(
          `dependsOn[${i}]: no MultiClusterService named '${name}'`,
        );
      }
    });
  }
}
