/*
 * The infrastructure ("cloud") of a ClusterTemplate: the `infrastructure-*` entry of
 * its providers, as KOF derives it.
 */
import { INFRASTRUCTURE_PROVIDER_PREFIX } from './constants';

/**
 * Infrastructure provider names of the shipped templates; others pass through as-is
 * (e.g. `metal3` for `infrastructure-metal3`).
 * @public
 */
export type InfrastructureProvider =
  | 'aws'
  | 'azure'
  | 'gcp'
  | 'openstack'
  | 'vsphere'
  | 'docker'
  | 'kubevirt'
  | 'internal'
  | 'k0sproject-k0smotron'
  | (string & {});

/** Anything with template providers (status wins over spec). @public */
export interface WithProviders {
  spec?: { providers?: readonly string[] };
  status?: { providers?: readonly string[] };
}

/**
 * `aws` for a template whose providers include `infrastructure-aws`; undefined when
 * the template has no infrastructure provider (or no status yet and no spec.providers).
 * @public
 */
export function infrastructureProviderOf(
  template: WithProviders | undefined,
): InfrastructureProvider | undefined {
  const providers = template?.status?.providers?.length
    ? template.status.providers
    : template?.spec?.providers;
  const infra = providers?.find(
    provider =>
      provider.startsWith(INFRASTRUCTURE_PROVIDER_PREFIX) &&
      provider.length > INFRASTRUCTURE_PROVIDER_PREFIX.length,
  );
  return infra?.slice(INFRASTRUCTURE_PROVIDER_PREFIX.length);
}

const IDENTITY_KIND_PROVIDERS: ReadonlyArray<
  [prefix: string, provider: string]
> = [
  ['AWS', 'aws'],
  ['Azure', 'azure'],
  ['VSphere', 'vsphere'],
  ['OpenStack', 'openstack'],
  ['GCP', 'gcp'],
];

/**
 * The infrastructure provider a CAPI cluster identity kind belongs to:
 * `AWSClusterStaticIdentity` → `aws`. Undefined for kinds that do not say, such
 * as a plain `Secret` (used by several providers).
 * @public
 */
export function identityProviderOf(
  identityKind: string | undefined,
): InfrastructureProvider | undefined {
  if (!identityKind) return undefined;
  return IDENTITY_KIND_PROVIDERS.find(([prefix]) =>
    identityKind.startsWith(prefix),
  )?.[1];
}
