/*
 * The Kubernetes kinds the k0rdent plugins read and write: one registry used by the
 * simulator (discovery, storage), the fleet cache (list+watch) and the manifest
 * builders. Generated once from the upstream CRDs; kept by hand since.
 */

/** How a kind is addressed on the Kubernetes API. @public */
export interface KindInfo {
  kind: string;
  /** API group; '' for the core group. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** Whether `status` is a subresource (writes to the main resource ignore it). */
  hasStatus: boolean;
}

/** The k0rdent KCM/KSM API group. @public */
export const K0RDENT_GROUP = 'k0rdent.mirantis.com';
/** The KOF API group. @public */
export const KOF_GROUP = 'kof.k0rdent.mirantis.com';
/** The one served version of both groups. @public */
export const K0RDENT_VERSION = 'v1beta1';

/** Every kind, keyed by `kind`. @public */
export const KINDS = {
  Namespace: {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    hasStatus: true,
  },
  Secret: {
    kind: 'Secret',
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    shortNames: [],
    namespaced: true,
    hasStatus: false,
  },
  ConfigMap: {
    kind: 'ConfigMap',
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    namespaced: true,
    hasStatus: false,
  },
  Event: {
    kind: 'Event',
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    hasStatus: false,
  },
  Service: {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
    hasStatus: true,
  },
  AccessManagement: {
    kind: 'AccessManagement',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'accessmanagements',
    singular: 'accessmanagement',
    shortNames: ['am'],
    namespaced: false,
    hasStatus: true,
  },
  ClusterAuditPolicy: {
    kind: 'ClusterAuditPolicy',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusterauditpolicies',
    singular: 'clusterauditpolicy',
    shortNames: [],
    namespaced: true,
    hasStatus: false,
  },
  ClusterAuthentication: {
    kind: 'ClusterAuthentication',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusterauthentications',
    singular: 'clusterauthentication',
    shortNames: ['clauth'],
    namespaced: true,
    hasStatus: true,
  },
  ClusterDataSource: {
    kind: 'ClusterDataSource',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusterdatasources',
    singular: 'clusterdatasource',
    shortNames: ['clds'],
    namespaced: true,
    hasStatus: true,
  },
  ClusterDeployment: {
    kind: 'ClusterDeployment',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusterdeployments',
    singular: 'clusterdeployment',
    shortNames: ['clusterd', 'cld'],
    namespaced: true,
    hasStatus: true,
  },
  ClusterIPAMClaim: {
    kind: 'ClusterIPAMClaim',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusteripamclaims',
    singular: 'clusteripamclaim',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  ClusterIPAM: {
    kind: 'ClusterIPAM',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clusteripams',
    singular: 'clusteripam',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  ClusterTemplateChain: {
    kind: 'ClusterTemplateChain',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clustertemplatechains',
    singular: 'clustertemplatechain',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  ClusterTemplate: {
    kind: 'ClusterTemplate',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'clustertemplates',
    singular: 'clustertemplate',
    shortNames: ['clustertmpl'],
    namespaced: true,
    hasStatus: true,
  },
  Credential: {
    kind: 'Credential',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'credentials',
    singular: 'credential',
    shortNames: ['cred'],
    namespaced: true,
    hasStatus: true,
  },
  DataSource: {
    kind: 'DataSource',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'datasources',
    singular: 'datasource',
    shortNames: [],
    namespaced: true,
    hasStatus: false,
  },
  ManagementBackup: {
    kind: 'ManagementBackup',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'managementbackups',
    singular: 'managementbackup',
    shortNames: ['kcmbackup', 'mgmtbackup'],
    namespaced: false,
    hasStatus: true,
  },
  Management: {
    kind: 'Management',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'managements',
    singular: 'management',
    shortNames: ['kcm-mgmt', 'mgmt'],
    namespaced: false,
    hasStatus: true,
  },
  MultiClusterService: {
    kind: 'MultiClusterService',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'multiclusterservices',
    singular: 'multiclusterservice',
    shortNames: ['mcs'],
    namespaced: false,
    hasStatus: true,
  },
  ProviderInterface: {
    kind: 'ProviderInterface',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'providerinterfaces',
    singular: 'providerinterface',
    shortNames: ['pi'],
    namespaced: false,
    hasStatus: true,
  },
  ProviderTemplate: {
    kind: 'ProviderTemplate',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'providertemplates',
    singular: 'providertemplate',
    shortNames: ['providertmpl'],
    namespaced: false,
    hasStatus: true,
  },
  Region: {
    kind: 'Region',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'regions',
    singular: 'region',
    shortNames: ['rgn'],
    namespaced: false,
    hasStatus: true,
  },
  Release: {
    kind: 'Release',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'releases',
    singular: 'release',
    shortNames: [],
    namespaced: false,
    hasStatus: true,
  },
  ServiceSet: {
    kind: 'ServiceSet',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'servicesets',
    singular: 'serviceset',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  ServiceTemplateChain: {
    kind: 'ServiceTemplateChain',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'servicetemplatechains',
    singular: 'servicetemplatechain',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  ServiceTemplate: {
    kind: 'ServiceTemplate',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'servicetemplates',
    singular: 'servicetemplate',
    shortNames: ['svctmpl'],
    namespaced: true,
    hasStatus: true,
  },
  StateManagementProvider: {
    kind: 'StateManagementProvider',
    group: K0RDENT_GROUP,
    version: K0RDENT_VERSION,
    plural: 'statemanagementproviders',
    singular: 'statemanagementprovider',
    shortNames: ['smp'],
    namespaced: false,
    hasStatus: true,
  },
  PromxyServerGroup: {
    kind: 'PromxyServerGroup',
    group: KOF_GROUP,
    version: K0RDENT_VERSION,
    plural: 'promxyservergroups',
    singular: 'promxyservergroup',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
  VMStorageConnection: {
    kind: 'VMStorageConnection',
    group: KOF_GROUP,
    version: K0RDENT_VERSION,
    plural: 'vmstorageconnections',
    singular: 'vmstorageconnection',
    shortNames: [],
    namespaced: true,
    hasStatus: true,
  },
} as const satisfies Record<string, KindInfo>;

/** A kind name known to the registry. @public */
export type KindName = keyof typeof KINDS;

/** The `apiVersion` of a kind, e.g. `k0rdent.mirantis.com/v1beta1` or `v1`. @public */
export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Looks a kind up by name; undefined when unknown. @public */
export function findKind(kind: string): KindInfo | undefined {
  return (KINDS as Record<string, KindInfo>)[kind];
}
