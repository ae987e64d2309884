/*
 * The CAPIClusterSummary messages of a cluster on its way up, in the bullet style CAPI's
 * condition summary uses.
 */
import {
  infrastructureProviderOf,
  type ClusterDeployment,
  type ClusterTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';

const INFRA_KINDS: Record<string, string> = {
  aws: 'AWSCluster',
  azure: 'AzureCluster',
  gcp: 'GCPCluster',
  openstack: 'OpenStackCluster',
  vsphere: 'VSphereCluster',
  docker: 'DockerCluster',
  'k0sproject-k0smotron': 'RemoteCluster',
  internal: 'Cluster',
};

const MANAGED_KINDS: Record<string, string> = {
  'aws-eks': 'AWSManagedCluster',
  'azure-aks': 'AzureASOManagedCluster',
  'gcp-gke': 'GCPManagedCluster',
};

function infrastructureKind(template: ClusterTemplate | undefined): string {
  const chart = template?.spec?.helm?.chartSpec?.chart ?? '';
  const provider = infrastructureProviderOf(template) ?? '';
  return (
    MANAGED_KINDS[chart] ?? INFRA_KINDS[provider] ?? 'InfrastructureCluster'
  );
}

function workers(
  cd: ClusterDeployment,
  template: ClusterTemplate | undefined,
): number {
  const fromConfig =
    cd.spec?.config?.workersNumber ?? template?.status?.config?.workersNumber;
  return typeof fromConfig === 'number' ? fromConfig : 2;
}

export function infrastructureProvisioningMessage(
  cd: ClusterDeployment,
  template: ClusterTemplate | undefined,
): string {
  return [
    `* InfrastructureReady: Waiting for ${infrastructureKind(
      template,
    )} to be ready`,
    '* ControlPlaneInitialized: Control plane not yet initialized',
    `* WorkersAvailable: 0 available replicas, at least ${workers(
      cd,
      template,
    )} required`,
  ].join('\n');
}

export function workersProvisioningMessage(
  cd: ClusterDeployment,
  template: ClusterTemplate | undefined,
): string {
  return [
    `* WorkersAvailable: 0 available replicas, at least ${workers(
      cd,
      template,
    )} required`,
    '* WorkerMachinesReady: Waiting for worker machines to be ready',
  ].join('\n');
}

export function rollingUpdateMessage(cd: ClusterDeployment): string {
  return [
    `* ControlPlaneMachinesReady: Rolling out machines to template ${
      cd.spec?.template ?? ''
    }`,
    '* WorkerMachinesReady: Rolling out machines to the new version',
  ].join('\n');
}
