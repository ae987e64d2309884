/*
 * CAPI providers as k0rdent packages them: the ProviderTemplates of a Release, the
 * provider names each one exposes (what templates may require), and the cluster
 * identity kinds each infrastructure provider accepts in Credentials
 * (ProviderInterface objects).
 */
import type { ClusterIdentityKind } from '@k0rdent-backstage/plugin-k0rdent-common';

export interface CapiProvider {
  /** Provider name as in Release/Management `providers[].name`. */
  name: string;
  /** ProviderTemplate shipped with the simulated release (kcm 1.11.4). */
  template: string;
  /** Provider names it makes available (Management `status.availableProviders`). */
  exposes: string[];
  /** The infrastructure provider's ProviderInterface, if it is one. */
  providerInterface?: {
    description: string;
    identities: ClusterIdentityKind[];
  };
}

const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';
const secret: ClusterIdentityKind = {
  group: '',
  version: 'v1',
  kind: 'Secret',
};
const identity = (version: string, kind: string): ClusterIdentityKind => ({
  group: INFRA_GROUP,
  version,
  kind,
});

export const CAPI_PROVIDERS: CapiProvider[] = [
  {
    name: 'cluster-api-provider-k0sproject-k0smotron',
    template: 'cluster-api-provider-k0sproject-k0smotron-1-0-32',
    exposes: [
      'bootstrap-k0sproject-k0smotron',
      'control-plane-k0sproject-k0smotron',
      'infrastructure-k0sproject-k0smotron',
    ],
    providerInterface: {
      description: 'k0smotron: hosted control planes and remote SSH machines',
      identities: [secret],
    },
  },
  {
    name: 'cluster-api-provider-aws',
    template: 'cluster-api-provider-aws-1-0-25',
    exposes: ['infrastructure-aws'],
    providerInterface: {
      description: 'Amazon Web Services (EC2 and EKS)',
      identities: [
        identity('v1beta2', 'AWSClusterStaticIdentity'),
        identity('v1beta2', 'AWSClusterRoleIdentity'),
        identity('v1beta2', 'AWSClusterControllerIdentity'),
      ],
    },
  },
  {
    name: 'cluster-api-provider-azure',
    template: 'cluster-api-provider-azure-1-0-31',
    exposes: ['infrastructure-azure'],
    providerInterface: {
      description: 'Microsoft Azure (virtual machines and AKS)',
      identities: [identity('v1beta1', 'AzureClusterIdentity'), secret],
    },
  },
  {
    name: 'cluster-api-provider-gcp',
    template: 'cluster-api-provider-gcp-1-0-23',
    exposes: ['infrastructure-gcp'],
    providerInterface: {
      description: 'Google Cloud (Compute Engine and GKE)',
      identities: [secret],
    },
  },
  {
    name: 'cluster-api-provider-openstack',
    template: 'cluster-api-provider-openstack-1-0-28',
    exposes: ['infrastructure-openstack'],
    providerInterface: {
      description: 'OpenStack',
      identities: [secret, identity('v1alpha1', 'OpenStackClusterIdentity')],
    },
  },
  {
    name: 'cluster-api-provider-vsphere',
    template: 'cluster-api-provider-vsphere-1-0-21',
    exposes: ['infrastructure-vsphere'],
    providerInterface: {
      description: 'VMware vSphere',
      identities: [identity('v1beta1', 'VSphereClusterIdentity'), secret],
    },
  },
  {
    name: 'cluster-api-provider-docker',
    template: 'cluster-api-provider-docker-1-0-24',
    exposes: ['infrastructure-docker'],
    providerInterface: {
      description: 'Docker (development and tests only)',
      identities: [secret],
    },
  },
  {
    name: 'cluster-api-provider-ipam',
    template: 'cluster-api-provider-ipam-1-0-13',
    exposes: ['ipam-in-cluster'],
  },
  {
    name: 'projectsveltos',
    template: 'projectsveltos-1-12-1',
    exposes: ['projectsveltos'],
  },
];

/** The infrastructure provider `internal` (adopted clusters) is built into KCM. */
export const INTERNAL_INFRASTRUCTURE = 'infrastructure-internal';

/** The CAPI provider package that exposes a provider name such as `infrastructure-aws`. */
export function capiProviderExposing(
  provider: string,
): CapiProvider | undefined {
  return CAPI_PROVIDERS.find(p => p.exposes.includes(provider));
}
