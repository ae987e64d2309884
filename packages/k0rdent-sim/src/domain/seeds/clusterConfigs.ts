/*
 * `spec.config` for the demo and scale clusters, per template family: the values a
 * platform engineer would actually set (regions, sizes, counts), nothing more.
 */
import type { JsonObject } from '@k0rdent-backstage/plugin-k0rdent-common';

export const awsStandalone = (
  region: string,
  controlPlane: string,
  worker: string,
  workers = 3,
  controlPlanes = 3,
): JsonObject => ({
  region,
  controlPlaneNumber: controlPlanes,
  workersNumber: workers,
  publicIP: false,
  controlPlane: { instanceType: controlPlane, rootVolumeSize: 32 },
  worker: { instanceType: worker, rootVolumeSize: 64 },
});

export const awsHosted = (
  region: string,
  instanceType: string,
  workers = 2,
): JsonObject => ({
  region,
  workersNumber: workers,
  vpcID: 'vpc-0fake1a2b3c4d5e6f',
  subnets: [
    {
      id: 'subnet-0fake00000000000a',
      availabilityZone: `${region}a`,
      isPublic: false,
    },
    {
      id: 'subnet-0fake00000000000b',
      availabilityZone: `${region}b`,
      isPublic: false,
    },
  ],
  securityGroupIDs: ['sg-0fake0000000000001'],
  instanceType,
  managementClusterName: 'kcm-mgmt',
});

export const awsEks = (
  region: string,
  instanceType: string,
  workers = 3,
): JsonObject => ({
  region,
  workersNumber: workers,
  worker: { instanceType, rootVolumeSize: 50 },
  kubernetes: { version: 'v1.36.1' },
});

export const azureStandalone = (
  location: string,
  controlPlane: string,
  worker: string,
  workers = 3,
  controlPlanes = 3,
): JsonObject => ({
  location,
  subscriptionID: '00000000-0000-0000-0000-000000000000',
  controlPlaneNumber: controlPlanes,
  workersNumber: workers,
  controlPlane: { vmSize: controlPlane, rootVolumeSize: 50 },
  worker: { vmSize: worker, rootVolumeSize: 100 },
});

export const azureAks = (
  location: string,
  vmSize: string,
  system = 3,
  user = 3,
): JsonObject => ({
  location,
  machinePools: {
    system: { count: system, vmSize },
    user: {
      count: user,
      vmSize,
      autoscaling: { enabled: true, minCount: user, maxCount: user * 2 },
    },
  },
  kubernetes: { version: 'v1.36.0' },
});

export const gcpStandalone = (
  project: string,
  region: string,
  controlPlane: string,
  worker: string,
  workers = 3,
): JsonObject => ({
  project,
  region,
  controlPlaneNumber: 3,
  workersNumber: workers,
  controlPlane: { instanceType: controlPlane },
  worker: { instanceType: worker },
});

export const gcpGke = (
  project: string,
  region: string,
  machineType: string,
  workers = 3,
): JsonObject => ({
  project,
  region,
  workersNumber: workers,
  releaseChannel: 'regular',
  machines: { machineType, diskSizeGB: 100 },
});

export const openstackStandalone = (
  region: string,
  controlPlane: string,
  worker: string,
  workers = 3,
): JsonObject => ({
  identityRef: { cloudName: 'openstack', region },
  controlPlaneNumber: 1,
  workersNumber: workers,
  controlPlane: {
    flavor: controlPlane,
    image: { filter: { name: 'ubuntu-24.04-x86_64' } },
  },
  worker: {
    flavor: worker,
    image: { filter: { name: 'ubuntu-24.04-x86_64' } },
  },
  externalNetwork: { filter: { name: 'public' } },
});

export const vsphereStandalone = (
  endpointIP: string,
  cpus: number,
  memory: number,
  workers = 2,
): JsonObject => {
  const machine = {
    cpus,
    memory,
    rootVolumeSize: 80,
    vmTemplate: '/DC1/vm/templates/ubuntu-2404-k0s',
    network: '/DC1/network/VM Network',
    ssh: {
      user: 'ubuntu',
      publicKey: 'ssh-ed25519 AAAAFAKEFAKEFAKE ops@example.com',
    },
  };
  return {
    controlPlaneNumber: 3,
    workersNumber: workers,
    vsphere: {
      server: 'vcenter.dc1.example.com',
      thumbprint: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD',
      datacenter: 'DC1',
      datastore: 'datastore1',
      resourcePool: '/DC1/host/cluster1/Resources/k0rdent',
      folder: '/DC1/vm/k0rdent',
    },
    controlPlaneEndpointIP: endpointIP,
    controlPlane: machine,
    worker: machine,
  };
};

export const dockerHosted = (workers = 1): JsonObject => ({
  workersNumber: workers,
});

export const remoteCluster = (hosts: string[]): JsonObject => ({
  controlPlaneNumber: 1,
  machines: hosts.map(address => ({
    address,
    port: 22,
    user: 'root',
    useSudo: false,
  })),
});

export const adopted = (): JsonObject => ({});
