/*
 * The demo fleet: who runs which cluster where, and where each one is in its life.
 * A platform team in kcm-system (regional clusters, shared tooling, edge and lab),
 * and four team namespaces with their KOF tenants.
 */
import {
  K0RDENT_ANNOTATIONS,
  K0RDENT_LABELS,
  type JsonObject,
  type Service,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import * as config from './clusterConfigs';
import {
  CLUSTER_TEMPLATE as CT,
  SERVICE_CHAINS,
  SERVICE_TEMPLATE as ST,
} from './templateObjects';

export const TEAM_NAMESPACES = [
  'team-payments',
  'team-data',
  'team-ml',
  'team-platform',
] as const;

export const KOF_VERSION = '1.10.0';

/** Where a seeded cluster is in its life when the seed is observed. */
export type SeedPhase =
  | { phase: 'Ready' }
  /** `progress` = share of provisioning done. */
  | { phase: 'Provisioning'; progress: number }
  | { phase: 'FailedCredential' }
  | { phase: 'FailedHelm' }
  /** Deletion requested `minutesAgo`. */
  | { phase: 'Deleting'; minutesAgo: number };

export interface FleetCluster {
  name: string;
  namespace: string;
  template: string;
  credential: string;
  config: JsonObject;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  services?: Service[];
  cleanupOnDeletion?: boolean;
  /** Days since creation (provisioning clusters: minutes, derived from progress). */
  ageDays: number;
  state: SeedPhase;
}

const READY: SeedPhase = { phase: 'Ready' };

/** Labels of a KOF child cluster; without a tenant it belongs to PLATFORM. */
function child(
  env: string,
  team: string,
  tenant?: string,
): Record<string, string> {
  return {
    env,
    team,
    [K0RDENT_LABELS.kofClusterRole]: 'child',
    [K0RDENT_LABELS.kofVersion]: KOF_VERSION,
    ...(tenant ? { [K0RDENT_LABELS.kofTenantId]: tenant } : {}),
  };
}

const plain = (env: string, team: string) => ({ env, team });

const certManager = (): Service => ({
  name: 'cert-manager',
  namespace: 'cert-manager',
  template: ST.certManager,
  templateChain: SERVICE_CHAINS.certManager,
  values: 'cert-manager:\n  crds:\n    enabled: true\n',
});

const ingressNginx = (replicas: number): Service => ({
  name: 'ingress-nginx',
  namespace: 'ingress-nginx',
  template: ST.ingressNginx,
  templateChain: SERVICE_CHAINS.ingressNginx,
  dependsOn: [{ name: 'cert-manager', namespace: 'cert-manager' }],
  values: `ingress-nginx:\n  controller:\n    replicaCount: ${replicas}\n`,
});

const ingressNginxOld = (): Service => ({
  name: 'ingress-nginx',
  namespace: 'ingress-nginx',
  template: ST.ingressNginxOld,
  templateChain: SERVICE_CHAINS.ingressNginx,
});

const P = 'kcm-system';
const PAY = 'team-payments';
const DATA = 'team-data';
const ML = 'team-ml';
const PLAT = 'team-platform';

export const DEMO_FLEET: readonly FleetCluster[] = [
  // --- platform team, kcm-system -------------------------------------------------
  {
    name: 'eu-regional-mgmt',
    namespace: P,
    template: CT['aws-standalone-cp'],
    credential: 'aws-cred',
    config: config.awsStandalone('eu-central-1', 'm5.xlarge', 'm5.2xlarge', 3),
    labels: {
      ...plain('prod', 'platform'),
      [K0RDENT_LABELS.kcmRegionCluster]: 'true',
    },
    ageDays: 120,
    state: READY,
  },
  {
    name: 'kof-regional-usw2',
    namespace: P,
    template: CT['aws-standalone-cp'],
    credential: 'aws-cred',
    config: {
      ...config.awsStandalone('us-west-2', 'm5.xlarge', 'r5.2xlarge', 3),
      clusterAnnotations: {
        [K0RDENT_ANNOTATIONS.kofRegionalDomain]:
          'kof-regional-usw2.kof.example.com',
        [K0RDENT_ANNOTATIONS.kofCertEmail]: 'platform@example.com',
        [K0RDENT_ANNOTATIONS.kofStorageClass]: 'gp3',
      },
    },
    labels: {
      ...plain('prod', 'platform'),
      [K0RDENT_LABELS.kofClusterRole]: 'regional',
      [K0RDENT_LABELS.kofVersion]: KOF_VERSION,
    },
    annotations: {
      [K0RDENT_ANNOTATIONS.kofHttpConfig]:
        '{"dial_timeout":"10s","tls_config":{"insecure_skip_verify":false}}',
    },
    cleanupOnDeletion: true,
    ageDays: 110,
    state: READY,
  },
  {
    name: 'platform-tools-eks',
    namespace: P,
    template: CT['aws-eks'],
    credential: 'aws-cred',
    config: config.awsEks('us-east-1', 'm5.large', 3),
    labels: child('prod', 'platform'),
    services: [certManager(), ingressNginx(2)],
    ageDays: 95,
    state: READY,
  },
  {
    name: 'platform-ci-gke',
    namespace: P,
    template: CT['gcp-gke'],
    credential: 'gcp-cred',
    config: config.gcpGke('acme-platform', 'europe-west1', 'e2-standard-8', 6),
    labels: child('prod', 'platform'),
    ageDays: 80,
    state: READY,
  },
  {
    name: 'legacy-onprem',
    namespace: P,
    template: CT['adopted-cluster'],
    credential: 'legacy-onprem-cred',
    config: config.adopted(),
    labels: plain('prod', 'platform'),
    ageDays: 200,
    state: READY,
  },
  {
    name: 'edge-vsphere-01',
    namespace: P,
    template: CT['vsphere-standalone-cp'],
    credential: 'vsphere-cred',
    config: config.vsphereStandalone('10.20.0.10', 4, 8192, 3),
    labels: child('prod', 'platform'),
    ageDays: 60,
    state: READY,
  },
  {
    name: 'edge-vsphere-02',
    namespace: P,
    template: CT['vsphere-standalone-cp'],
    credential: 'vsphere-cred',
    config: config.vsphereStandalone('10.20.0.20', 4, 8192, 2),
    labels: child('prod', 'platform'),
    ageDays: 0,
    state: { phase: 'Provisioning', progress: 0.55 },
  },
  {
    name: 'os-lab',
    namespace: P,
    template: CT['openstack-standalone-cp'],
    credential: 'openstack-cred',
    config: config.openstackStandalone('RegionOne', 'm1.large', 'm1.xlarge', 3),
    labels: child('dev', 'platform'),
    ageDays: 45,
    state: READY,
  },
  {
    name: 'os-staging',
    namespace: P,
    template: CT['openstack-standalone-cp'],
    credential: 'openstack-staging-cred',
    config: config.openstackStandalone('RegionTwo', 'm1.large', 'm1.large', 2),
    labels: plain('staging', 'platform'),
    ageDays: 1,
    state: { phase: 'FailedCredential' },
  },
  {
    name: 'dev-docker-01',
    namespace: P,
    template: CT['docker-hosted-cp'],
    credential: 'docker-cred',
    config: config.dockerHosted(2),
    labels: plain('dev', 'platform'),
    ageDays: 12,
    state: READY,
  },
  {
    name: 'baremetal-lab',
    namespace: P,
    template: CT['remote-cluster'],
    credential: 'remote-ssh-cred',
    config: config.remoteCluster(['10.30.0.11', '10.30.0.12', '10.30.0.13']),
    labels: plain('dev', 'platform'),
    ageDays: 30,
    state: READY,
  },
  {
    name: 'eu-hosted-01',
    namespace: P,
    template: CT['aws-hosted-cp'],
    credential: 'aws-eu-cred',
    config: config.awsHosted('eu-central-1', 't3.xlarge', 3),
    labels: child('prod', 'platform'),
    ageDays: 20,
    state: READY,
  },
  {
    name: 'eu-prod-02',
    namespace: P,
    template: CT['aws-standalone-cp'],
    credential: 'aws-eu-cred',
    config: config.awsStandalone('eu-central-1', 'm5.large', 'm5.xlarge', 4),
    labels: child('prod', 'platform'),
    ageDays: 0,
    state: { phase: 'Provisioning', progress: 0.3 },
  },
  {
    name: 'sandbox-aws',
    namespace: P,
    template: 'aws-standalone-cp-1-0-40',
    credential: 'aws-cred',
    config: config.awsStandalone('us-east-2', 't3.large', 't3.large', 2, 1),
    labels: plain('dev', 'platform'),
    ageDays: 70,
    state: READY,
  },
  {
    name: 'decommission-gcp',
    namespace: P,
    template: CT['gcp-standalone-cp'],
    credential: 'gcp-cred',
    config: config.gcpStandalone(
      'acme-platform',
      'us-central1',
      'n2-standard-4',
      'n2-standard-4',
      2,
    ),
    labels: plain('dev', 'platform'),
    cleanupOnDeletion: true,
    ageDays: 150,
    state: { phase: 'Deleting', minutesAgo: 4 },
  },
  // --- payments team ---------------------------------------------------------------
  {
    name: 'payments-aws-prod',
    namespace: PAY,
    template: CT['aws-standalone-cp'],
    credential: 'aws-payments-cred',
    config: config.awsStandalone('us-east-1', 'm5.xlarge', 'c5.2xlarge', 6),
    labels: child('prod', 'payments', 'payments'),
    services: [certManager(), ingressNginx(3)],
    ageDays: 90,
    state: READY,
  },
  {
    name: 'payments-aws-dev',
    namespace: PAY,
    template: CT['aws-standalone-cp'],
    credential: 'aws-payments-cred',
    config: config.awsStandalone('us-east-2', 't3.large', 't3.xlarge', 2, 1),
    labels: child('dev', 'payments', 'payments'),
    services: [ingressNginxOld()],
    ageDays: 40,
    state: READY,
  },
  {
    name: 'payments-azure-prod',
    namespace: PAY,
    template: CT['azure-standalone-cp'],
    credential: 'azure-payments-cred',
    config: config.azureStandalone(
      'westeurope',
      'Standard_D4s_v5',
      'Standard_D8s_v5',
      4,
    ),
    labels: child('prod', 'payments', 'payments'),
    ageDays: 75,
    state: READY,
  },
  {
    name: 'payments-azure-dr',
    namespace: PAY,
    template: 'azure-standalone-cp-1-0-44',
    credential: 'azure-payments-cred',
    config: config.azureStandalone(
      'northeurope',
      'Standard_D4s_v5',
      'Standard_D8s_v5',
      2,
    ),
    labels: child('prod', 'payments', 'payments'),
    ageDays: 75,
    state: READY,
  },
  {
    name: 'payments-eks-staging',
    namespace: PAY,
    template: CT['aws-eks'],
    credential: 'aws-payments-cred',
    config: config.awsEks('us-east-1', 'm5.large', 2),
    labels: child('staging', 'payments', 'payments'),
    ageDays: 0,
    state: { phase: 'Provisioning', progress: 0.75 },
  },
  {
    name: 'payments-aws-canary',
    namespace: PAY,
    template: CT['aws-standalone-cp'],
    credential: 'aws-payments-cred',
    // No worker.instanceType: the chart's values schema rejects the release at install.
    config: {
      region: 'us-east-1',
      controlPlaneNumber: 1,
      workersNumber: 1,
      controlPlane: { instanceType: 't3.large' },
    },
    labels: child('staging', 'payments', 'payments'),
    ageDays: 2,
    state: { phase: 'FailedHelm' },
  },
  // --- data team ---------------------------------------------------------------------
  {
    name: 'data-gke-prod',
    namespace: DATA,
    template: CT['gcp-gke'],
    credential: 'gcp-data-cred',
    config: config.gcpGke('acme-data', 'us-central1', 'n2-highmem-8', 9),
    labels: child('prod', 'data', 'analytics'),
    ageDays: 100,
    state: READY,
  },
  {
    name: 'data-gke-dev',
    namespace: DATA,
    template: CT['gcp-gke'],
    credential: 'gcp-data-cred',
    config: config.gcpGke('acme-data', 'us-central1', 'e2-standard-4', 3),
    labels: child('dev', 'data', 'analytics'),
    ageDays: 33,
    state: READY,
  },
  {
    name: 'data-gcp-batch',
    namespace: DATA,
    template: CT['gcp-standalone-cp'],
    credential: 'gcp-data-cred',
    config: config.gcpStandalone(
      'acme-data',
      'us-east1',
      'n2-standard-4',
      'c2-standard-16',
      4,
    ),
    labels: child('prod', 'data', 'analytics'),
    ageDays: 64,
    state: READY,
  },
  {
    name: 'data-aks-prod',
    namespace: DATA,
    template: CT['azure-aks'],
    credential: 'azure-aks-data-cred',
    config: config.azureAks('eastus', 'Standard_E8s_v5', 3, 4),
    labels: child('prod', 'data', 'analytics'),
    ageDays: 50,
    state: READY,
  },
  {
    name: 'data-aks-dev',
    namespace: DATA,
    template: CT['azure-aks'],
    credential: 'azure-aks-data-cred',
    config: config.azureAks('eastus', 'Standard_D4s_v5', 1, 2),
    labels: child('dev', 'data', 'analytics'),
    ageDays: 15,
    state: READY,
  },
  {
    name: 'data-aws-spark',
    namespace: DATA,
    template: CT['aws-standalone-cp'],
    credential: 'aws-data-cred',
    config: config.awsStandalone('us-west-2', 'm5.large', 'r5.4xlarge', 5),
    labels: child('dev', 'data', 'analytics'),
    services: [certManager()],
    ageDays: 0,
    state: { phase: 'Provisioning', progress: 0.12 },
  },
  // --- ML team ------------------------------------------------------------------------
  {
    name: 'ml-gpu-aws',
    namespace: ML,
    template: CT['aws-standalone-cp'],
    credential: 'aws-ml-cred',
    config: config.awsStandalone('us-west-2', 'm5.xlarge', 'g5.2xlarge', 4),
    labels: child('prod', 'ml', 'ml'),
    ageDays: 55,
    state: READY,
  },
  {
    name: 'ml-gke-train',
    namespace: ML,
    template: CT['gcp-gke'],
    credential: 'gcp-ml-cred',
    config: config.gcpGke('acme-ml', 'us-central1', 'a2-highgpu-1g', 3),
    labels: child('dev', 'ml', 'ml'),
    ageDays: 25,
    state: READY,
  },
  {
    name: 'ml-aws-hosted',
    namespace: ML,
    template: CT['aws-hosted-cp'],
    credential: 'aws-ml-cred',
    config: config.awsHosted('us-west-2', 'g5.xlarge', 2),
    labels: child('dev', 'ml', 'ml'),
    ageDays: 0,
    state: { phase: 'Provisioning', progress: 0.92 },
    services: [certManager(), ingressNginx(1)],
  },
  {
    name: 'ml-azure-exp',
    namespace: ML,
    template: CT['azure-standalone-cp'],
    credential: 'azure-ml-cred',
    config: config.azureStandalone(
      'westus2',
      'Standard_D4s_v5',
      'Standard_NC6s_v3',
      2,
      1,
    ),
    labels: child('dev', 'ml', 'ml'),
    ageDays: 8,
    state: READY,
  },
  // --- platform team namespace (shared services, PLATFORM tenant) --------------------
  {
    name: 'shared-observability',
    namespace: PLAT,
    template: CT['aws-standalone-cp'],
    credential: 'aws-cred',
    config: config.awsStandalone('us-east-1', 'm5.large', 'm5.2xlarge', 3),
    labels: child('prod', 'platform'),
    services: [certManager(), ingressNginx(2)],
    ageDays: 85,
    state: READY,
  },
  {
    name: 'shared-gke',
    namespace: PLAT,
    template: CT['gcp-gke'],
    credential: 'gcp-cred',
    config: config.gcpGke('acme-platform', 'europe-west4', 'e2-standard-4', 3),
    labels: child('staging', 'platform'),
    ageDays: 18,
    state: READY,
  },
  {
    name: 'shared-azure-dev',
    namespace: PLAT,
    template: CT['azure-standalone-cp'],
    credential: 'azure-cred',
    config: config.azureStandalone(
      'westeurope',
      'Standard_D2s_v5',
      'Standard_D4s_v5',
      2,
      1,
    ),
    labels: plain('dev', 'platform'),
    ageDays: 6,
    state: READY,
  },
];
