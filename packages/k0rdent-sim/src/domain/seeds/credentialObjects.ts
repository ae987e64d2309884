/*
 * Credentials and the identity Secrets behind them (obviously fake values). AWS, Azure
 * and vSphere identities are CAPI objects the simulator does not serve; their Secrets
 * exist for realism. One credential is regional (aws-eu-cred), one is not ready (its
 * clouds.yaml Secret was deleted).
 */
import type { Credential } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import {
  credentialProblem,
  credentialStatus,
} from '../controllers/credentials/credentialController';
import { typed } from '../kube/objects';
import { COMPONENT_LABEL, object, secret } from './objectBuilders';

const INFRA_V1BETA2 = 'infrastructure.cluster.x-k8s.io/v1beta2';
const INFRA_V1BETA1 = 'infrastructure.cluster.x-k8s.io/v1beta1';

export interface CredentialSpecSeed {
  name: string;
  description: string;
  identity: {
    apiVersion: string;
    kind: string;
    name: string;
    namespaced: boolean;
  };
  region?: string;
  /** Secret values backing the identity; absent = the Secret is missing. */
  secretValues?: Record<string, string>;
  /** Name of that Secret (defaults to the identity name for Secret identities). */
  secretName?: string;
}

const fakeServiceAccount = (project: string) =>
  JSON.stringify({
    type: 'service_account',
    project_id: project,
    private_key_id: '0000000000000000000000000000000000000000',
    private_key:
      '-----BEGIN PRIVATE KEY-----\nFAKE-NOT-A-REAL-KEY\n-----END PRIVATE KEY-----\n',
    client_email: `k0rdent@${project}.iam.gserviceaccount.com`,
    client_id: '000000000000000000000',
  });

const fakeAws = {
  AccessKeyID: 'AKIAFAKEFAKEFAKE0000',
  SecretAccessKey: 'not-a-real-secret-access-key',
};
const fakeAzure = { clientSecret: 'not-a-real-client-secret' };
const fakeClouds = (cloud: string) =>
  `clouds:\n  ${cloud}:\n    auth:\n      auth_url: https://keystone.${cloud}.example.com:5000/v3\n      application_credential_id: fake-id\n      application_credential_secret: fake-secret\n    region_name: RegionOne\n    interface: public\n    identity_api_version: 3\n    auth_type: v3applicationcredential\n`;

const aws = (
  name: string,
  description: string,
  region?: string,
): CredentialSpecSeed => ({
  name,
  description,
  identity: {
    apiVersion: INFRA_V1BETA2,
    kind: 'AWSClusterStaticIdentity',
    name: name.replace(/-cred$/, '-identity'),
    namespaced: false,
  },
  region,
  secretValues: fakeAws,
  secretName: `${name.replace(/-cred$/, '-identity')}-secret`,
});

const azure = (name: string, description: string): CredentialSpecSeed => ({
  name,
  description,
  identity: {
    apiVersion: INFRA_V1BETA1,
    kind: 'AzureClusterIdentity',
    name: name.replace(/-cred$/, '-identity'),
    namespaced: true,
  },
  secretValues: fakeAzure,
  secretName: `${name.replace(/-cred$/, '-identity')}-secret`,
});

const secretIdentity = (
  name: string,
  description: string,
  secretName: string,
  values?: Record<string, string>,
): CredentialSpecSeed => ({
  name,
  description,
  identity: {
    apiVersion: 'v1',
    kind: 'Secret',
    name: secretName,
    namespaced: true,
  },
  secretValues: values,
});

/** Credentials in kcm-system. Team credentials are distributed by AccessManagement. */
export const CREDENTIALS: readonly CredentialSpecSeed[] = [
  aws('aws-cred', 'Platform AWS account'),
  aws(
    'aws-eu-cred',
    'Platform AWS account, clusters hosted by the eu-region regional cluster',
    'eu-region',
  ),
  azure('azure-cred', 'Platform Azure subscription'),
  secretIdentity(
    'azure-aks-cred',
    'Platform Azure subscription for AKS',
    'azure-aks-credential',
    {
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
      AZURE_CLIENT_SECRET: 'not-a-real-client-secret',
      AZURE_TENANT_ID: '00000000-0000-0000-0000-000000000000',
      AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000000',
    },
  ),
  secretIdentity('gcp-cred', 'Platform GCP project', 'gcp-cloud-sa', {
    credentials: fakeServiceAccount('acme-platform'),
  }),
  secretIdentity(
    'openstack-cred',
    'OpenStack lab project',
    'openstack-cloud-config',
    { 'clouds.yaml': fakeClouds('openstack') },
  ),
  secretIdentity(
    'openstack-staging-cred',
    'OpenStack staging project',
    'openstack-staging-cloud-config',
  ),
  {
    name: 'vsphere-cred',
    description: 'vCenter of datacenter DC1',
    identity: {
      apiVersion: INFRA_V1BETA1,
      kind: 'VSphereClusterIdentity',
      name: 'vsphere-dc1-identity',
      namespaced: false,
    },
    secretValues: {
      username: 'k0rdent@vsphere.local',
      password: 'not-a-real-password',
    },
    secretName: 'vsphere-dc1-identity-secret',
  },
  secretIdentity(
    'docker-cred',
    'Docker on the management cluster (development)',
    'docker-cluster-secret',
    { note: 'no credentials needed' },
  ),
  secretIdentity(
    'remote-ssh-cred',
    'SSH key for bare-metal hosts',
    'remote-ssh-key',
    {
      value:
        '-----BEGIN OPENSSH PRIVATE KEY-----\nFAKE-NOT-A-REAL-KEY\n-----END OPENSSH PRIVATE KEY-----\n',
    },
  ),
  secretIdentity(
    'legacy-onprem-cred',
    'Kubeconfig of the adopted on-prem cluster',
    'legacy-onprem-admin-kubeconfig',
    {
      value:
        'apiVersion: v1\nkind: Config\nclusters:\n- name: legacy\n  cluster:\n    server: https://legacy-onprem.example.com:6443\ncontexts:\n- name: legacy\n  context: {cluster: legacy, user: admin}\ncurrent-context: legacy\nusers:\n- name: admin\n  user: {token: fake-token}\n',
    },
  ),
  // Per-team credentials, copied into the team namespaces.
  aws('aws-payments-cred', 'AWS account of the payments team'),
  azure('azure-payments-cred', 'Azure subscription of the payments team'),
  aws('aws-data-cred', 'AWS account of the data team'),
  secretIdentity(
    'gcp-data-cred',
    'GCP project of the data team',
    'gcp-data-sa',
    { credentials: fakeServiceAccount('acme-data') },
  ),
  secretIdentity(
    'azure-aks-data-cred',
    'Azure subscription of the data team (AKS)',
    'azure-aks-data-credential',
    {
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      AZURE_CLIENT_SECRET: 'not-a-real-client-secret',
      AZURE_TENANT_ID: '00000000-0000-0000-0000-000000000000',
      AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000001',
    },
  ),
  aws('aws-ml-cred', 'AWS account of the ML team'),
  secretIdentity('gcp-ml-cred', 'GCP project of the ML team', 'gcp-ml-sa', {
    credentials: fakeServiceAccount('acme-ml'),
  }),
  azure('azure-ml-cred', 'Azure subscription of the ML team'),
];

/** The Credential object for a seed spec in a namespace. */
export function credentialObject(
  seed: CredentialSpecSeed,
  namespace: string,
  createdAt: number,
  labels = COMPONENT_LABEL,
): KubeObject {
  return object(
    'Credential',
    { name: seed.name, namespace, labels },
    createdAt,
    {
      spec: {
        description: seed.description,
        identityRef: {
          apiVersion: seed.identity.apiVersion,
          kind: seed.identity.kind,
          name: seed.identity.name,
          ...(seed.identity.namespaced ? { namespace } : {}),
        },
        ...(seed.region ? { region: seed.region } : {}),
      },
    },
  );
}

/** The identity Secret for a seed spec in a namespace, if it exists. */
export function identitySecret(
  seed: CredentialSpecSeed,
  namespace: string,
  createdAt: number,
): KubeObject | undefined {
  if (!seed.secretValues) return undefined;
  const name = seed.secretName ?? seed.identity.name;
  return secret(name, namespace, createdAt, seed.secretValues, {
    ...COMPONENT_LABEL,
    [`k0rdent.mirantis.com/credential.${namespace}.${seed.name}`]: 'true',
  });
}

/** Sets each Credential's status as the credential controller would, given what exists. */
export function settleCredentials(objects: KubeObject[], at: number): void {
  const secrets = new Set(
    objects
      .filter(o => o.kind === 'Secret')
      .map(o => `${o.metadata.namespace}/${o.metadata.name}`),
  );
  const regions = new Set(
    objects.filter(o => o.kind === 'Region').map(o => o.metadata.name),
  );
  for (const item of objects.filter(o => o.kind === 'Credential')) {
    const credential = typed<Credential>(item);
    const problem = credentialProblem(
      credential,
      (ns, name) => secrets.has(`${ns}/${name}`),
      name => regions.has(name),
    );
    item.status = credentialStatus(credential, problem, at);
  }
}
