/*
 * Decides k0rdent cluster permissions for a request: one call to the policy,
 * then conditional decisions are applied here, in memory, to one cluster or to
 * a whole list — never one policy round trip per cluster.
 */
import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type {
  ConditionalPolicyDecision,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  RESOURCE_TYPE_K0RDENT_CLUSTER,
  tenantOf,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  k0rdentClusterPermissionResourceRef,
  resolveOwner,
  type K0rdentClusterResource,
  type K0rdentOwnershipConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node';

/** A permission on k0rdent clusters. */
export type ClusterPermission = ResourcePermission<
  typeof RESOURCE_TYPE_K0RDENT_CLUSTER
>;

/** The permission resource of a ClusterDeployment. */
export function clusterResourceOf(
  ownership: K0rdentOwnershipConfig,
  managementCluster: string,
  cluster: Pick<ClusterDeployment, 'metadata'>,
): K0rdentClusterResource {
  const tenant = tenantOf(cluster);
  const namespace = cluster.metadata.namespace ?? '';
  return {
    managementCluster,
    namespace,
    name: cluster.metadata.name,
    owner: resolveOwner(ownership, {
      annotations: cluster.metadata.annotations,
      tenant,
      namespace,
    }),
    tenant,
    tenantOwner: ownership.tenants.get(tenant),
  };
}

/**
 * The conditions of a decision as one predicate. Rules are looked up and their
 * parameters checked once per decision, not once per cluster: a list of
 * 10,000 clusters is filtered by plain function calls.
 */
function compileCriteria(
  rules: PermissionRuleset<K0rdentClusterResource>,
  criteria: PermissionCriteria<PermissionCondition<string>>,
): (resource: K0rdentClusterResource) => boolean {
  if ('allOf' in criteria) {
    const parts = criteria.allOf.map(c => compileCriteria(rules, c));
    return resource => parts.every(part => part(resource));
  }
  if ('anyOf' in criteria) {
    const parts = criteria.anyOf.map(c => compileCriteria(rules, c));
    return resource => parts.some(part => part(resource));
  }
  if ('not' in criteria) {
    const part = compileCriteria(rules, criteria.not);
    return resource => !part(resource);
  }
  const rule = rules.getRuleByName(criteria.rule);
  const schema = rule.paramsSchema as
    | { safeParse?(v: unknown): { success: boolean; error?: unknown } }
    | undefined;
  const checked = schema?.safeParse?.(criteria.params);
  if (checked && !checked.success) {
    // The policy is misconfigured: a server error, not the caller's.
    throw new Error(
      `Parameters of permission rule ${rule.name} are invalid: ${String(
        checked.error,
      )}`,
    );
  }
  return resource => rule.apply(resource, criteria.params ?? {});
}

/** Answers "may these credentials do this to that cluster" for the routes. */
export class ClusterAuthorizer {
  readonly #permissions: PermissionsService;
  readonly #rules: PermissionRuleset<K0rdentClusterResource>;

  constructor(options: {
    permissions: PermissionsService;
    permissionsRegistry: PermissionsRegistryService;
  }) {
    this.#permissions = options.permissions;
    this.#rules = options.permissionsRegistry.getPermissionRuleset(
      k0rdentClusterPermissionResourceRef,
    );
  }

  /**
   * A predicate telling which clusters the credentials may act on with the
   * permission; lists filter with it.
   */
  async predicate(
    credentials: BackstageCredentials,
    permission: ClusterPermission,
  ): Promise<(resource: K0rdentClusterResource) => boolean> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return () => true;
    if (decision.result === AuthorizeResult.DENY) return () => false;
    return compileCriteria(
      this.#rules,
      (decision as ConditionalPolicyDecision).conditions,
    );
  }

  /** Throws NotAllowedError unless the credentials may act on the cluster. */
  async authorize(
    credentials: BackstageCredentials,
    permission: ClusterPermission,
    resource: K0rdentClusterResource,
  ): Promise<void> {
    const allowed = await this.predicate(credentials, permission);
    if (!allowed(resource)) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action ?? 'use'} cluster ${
          resource.namespace
        }/${resource.name} on ${resource.managementCluster} (${
          permission.name
        })`,
      );
    }
  }

  /** Throws NotAllowedError unless the credentials hold the basic permission. */
  async authorizeBasic(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not do this (${permission.name})`);
    }
  }
}
