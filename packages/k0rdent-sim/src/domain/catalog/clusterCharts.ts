/*
 * The cluster template charts the simulated Helm repository `kcm-templates` serves:
 * chart metadata (description, CAPI providers and contracts) and a compact,
 * hand-written values schema per chart. The template controller turns these into
 * ClusterTemplate status; a chart not listed here cannot be pulled.
 */
import type { JsonObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  CURRENT_K0S_VERSION,
  clusterIdentity,
  clusterMetadata,
  clusterNetwork,
  controlPlaneNumber,
  instanceMachine,
  k0s,
  workersNumber,
} from './clusterValues';
import {
  bool,
  defaultsOf,
  int,
  list,
  num,
  obj,
  str,
  valuesSchema,
  type JsonSchema,
} from './jsonSchema';

export interface ClusterChart {
  chart: string;
  description: string;
  /** Sorted CAPI provider names (`cluster.x-k8s.io/provider`). */
  providers: string[];
  providerContracts: Record<string, string>;
  /** The values schema of a chart version. */
  schema(version: string): JsonSchema;
}

const K0SMOTRON = {
  'bootstrap-k0sproject-k0smotron': 'v1beta2',
  'control-plane-k0sproject-k0smotron': 'v1beta2',
};

/** Older chart versions shipped an older k0s. */
const K0S_BY_CHART_VERSION: Record<string, string> = {
  'aws-standalone-cp@1.0.40': 'v1.35.6+k0s.0',
  'azure-standalone-cp@1.0.44': 'v1.36.1+k0s.0',
};

function k0sVersionOf(chart: string, version: string): string {
  return K0S_BY_CHART_VERSION[`${chart}@${version}`] ?? CURRENT_K0S_VERSION;
}

function k0sChart(
  chart: string,
  infra: string,
  infraContract: string,
  description: string,
  properties: (version: string) => Record<string, JsonSchema>,
  required: string[],
): ClusterChart {
  const infraProvider = `infrastructure-${infra}`;
  return {
    chart,
    description,
    providers: [...Object.keys(K0SMOTRON), infraProvider].sort(),
    providerContracts: { ...K0SMOTRON, [infraProvider]: infraContract },
    schema: version =>
      valuesSchema(
        `A KCM cluster ${chart} template`,
        properties(version),
        required,
      ),
  };
}

const awsRegion = () =>
  str('AWS region to deploy the cluster in', {
    minLength: 1,
    default: '',
    examples: [
      'us-east-1',
      'us-west-2',
      'eu-central-1',
      'eu-west-1',
      'ap-southeast-1',
    ],
  });

const azureLocation = () =>
  str('Azure location to deploy the cluster in', {
    minLength: 1,
    default: '',
    examples: ['westeurope', 'northeurope', 'eastus', 'westus2'],
  });

const gcpRegion = () =>
  str('GCP region to deploy the cluster in', {
    minLength: 1,
    default: '',
    examples: ['us-central1', 'europe-west1', 'asia-east1'],
  });

const vmSizeMachine = (role: string, example: string) =>
  obj(
    `${role} machines`,
    {
      vmSize: str('Azure VM size', {
        minLength: 1,
        default: '',
        examples: [example],
      }),
      rootVolumeSize: int('Root volume size in GiB', {
        minimum: 30,
        default: 30,
      }),
    },
    ['vmSize'],
  );

const flavorMachine = (role: string, example: string) =>
  obj(
    `${role} machines`,
    {
      flavor: str('OpenStack flavor', {
        minLength: 1,
        default: '',
        examples: [example],
      }),
      image: obj('Image to boot from', {
        filter: obj('Image lookup', {
          name: str('Image name', { default: 'ubuntu-24.04-x86_64' }),
        }),
      }),
    },
    ['flavor'],
  );

const vsphereMachine = (role: string) =>
  obj(
    `${role} virtual machines`,
    {
      cpus: int('Number of vCPUs', { minimum: 1, default: 2 }),
      memory: int('Memory in MiB', { minimum: 2048, default: 4096 }),
      rootVolumeSize: int('Root disk size in GiB', {
        minimum: 20,
        default: 30,
      }),
      vmTemplate: str('VM template to clone', { minLength: 1, default: '' }),
      network: str('vSphere network', { minLength: 1, default: '' }),
      ssh: obj('SSH access', {
        user: str('SSH user', { default: 'ubuntu' }),
        publicKey: str('SSH public key', { default: '' }),
      }),
    },
    ['vmTemplate', 'network'],
  );

const CHARTS: ClusterChart[] = [
  {
    chart: 'adopted-cluster',
    description:
      'A KCM template to adopt an already existing kubernetes cluster',
    providers: ['infrastructure-internal'],
    providerContracts: {},
    schema: () =>
      valuesSchema(
        'A KCM cluster adopted-cluster template',
        {
          ...clusterMetadata(),
          clusterIdentity: obj(
            'Secret holding the kubeconfig of the cluster (set by KCM)',
            {
              name: str('Name of the Secret', {
                default: 'adopted-cluster-identity',
              }),
            },
          ),
          consecutiveFailureThreshold: int(
            'Failed health checks before the cluster is reported unavailable',
            { minimum: 1, default: 3 },
          ),
        },
        ['clusterIdentity'],
      ),
  },
  k0sChart(
    'aws-standalone-cp',
    'aws',
    'v1beta2',
    'A KCM template to deploy a k0s cluster on AWS with bootstrapped control plane nodes.',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      region: awsRegion(),
      sshKeyName: str('EC2 key pair for SSH access; empty for none', {
        default: '',
      }),
      publicIP: bool('Give the machines public IPs', false),
      bastion: obj('Bastion host', {
        enabled: bool('Create a bastion host', false),
        instanceType: str('Bastion instance type', { default: 't3.micro' }),
      }),
      clusterIdentity: clusterIdentity('AWSClusterStaticIdentity'),
      controlPlane: instanceMachine('Control plane', 'm5.xlarge', {
        iamInstanceProfile: str('IAM instance profile', {
          default: 'control-plane.cluster-api-provider-aws.sigs.k8s.io',
        }),
      }),
      worker: instanceMachine('Worker', 't3.xlarge', {
        iamInstanceProfile: str('IAM instance profile', {
          default: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
        }),
      }),
      k0s: k0s(k0sVersionOf('aws-standalone-cp', version)),
    }),
    [
      'controlPlaneNumber',
      'workersNumber',
      'region',
      'clusterIdentity',
      'controlPlane',
      'worker',
      'k0s',
    ],
  ),
  k0sChart(
    'aws-hosted-cp',
    'aws',
    'v1beta2',
    'A KCM template to deploy a k8s cluster on AWS with control plane components within the management cluster.',
    version => ({
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      region: awsRegion(),
      vpcID: str('ID of an existing VPC', { minLength: 1, default: '' }),
      subnets: list(
        'Subnets of the VPC to place workers in',
        obj('A subnet', {
          id: str('Subnet ID'),
          availabilityZone: str('Availability zone'),
          isPublic: {
            type: 'boolean',
            description: 'Whether the subnet is public',
          },
        }),
        { default: [] },
      ),
      securityGroupIDs: list(
        'Security groups for the workers',
        str('Security group ID'),
        {
          default: [],
        },
      ),
      instanceType: str('Worker instance type', {
        minLength: 1,
        default: '',
        examples: ['t3.large'],
      }),
      iamInstanceProfile: str('IAM instance profile of the workers', {
        default: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
      }),
      managementClusterName: str('Name of the management cluster in AWS', {
        default: '',
      }),
      clusterIdentity: clusterIdentity('AWSClusterStaticIdentity'),
      k0s: k0s(k0sVersionOf('aws-hosted-cp', version)),
    }),
    [
      'workersNumber',
      'region',
      'vpcID',
      'instanceType',
      'clusterIdentity',
      'k0s',
    ],
  ),
  {
    chart: 'aws-eks',
    description:
      'A KCM template to deploy a cluster on EKS with bootstrapped control plane nodes.',
    providers: ['infrastructure-aws'],
    providerContracts: { 'infrastructure-aws': 'v1beta2' },
    schema: () =>
      valuesSchema(
        'A KCM cluster aws-eks template',
        {
          workersNumber: num('Number of worker nodes', {
            minimum: 1,
            default: 1,
          }),
          clusterNetwork: clusterNetwork(),
          ...clusterMetadata(),
          eksClusterName: str(
            'Name of the EKS cluster in AWS; generated when empty',
            { default: '' },
          ),
          region: awsRegion(),
          publicIP: bool('Open SSH to the internet', false),
          clusterIdentity: clusterIdentity('AWSClusterStaticIdentity'),
          worker: obj(
            'Managed node group',
            {
              instanceType: str('Instance type', {
                minLength: 1,
                default: 't3.small',
              }),
              rootVolumeSize: int('Root volume size in GiB', {
                minimum: 8,
                default: 30,
              }),
              amiType: str('EKS-optimised AMI family', {
                enum: ['AmazonLinux2023', 'AmazonLinux2023GPU', 'Bottlerocket'],
                default: 'AmazonLinux2023',
              }),
            },
            ['instanceType'],
          ),
          kubernetes: obj(
            'Kubernetes settings',
            {
              version: str('Kubernetes version', {
                minLength: 1,
                default: 'v1.36.1',
              }),
            },
            ['version'],
          ),
        },
        ['workersNumber', 'region', 'clusterIdentity', 'worker', 'kubernetes'],
      ),
  },
  k0sChart(
    'azure-standalone-cp',
    'azure',
    'v1beta1',
    'A KCM template to deploy a k0s cluster on Azure with bootstrapped control plane nodes.',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      location: azureLocation(),
      subscriptionID: str('Azure subscription ID', {
        minLength: 1,
        default: '',
        pattern: '^[0-9a-fA-F-]{36}$',
      }),
      clusterIdentity: clusterIdentity(undefined, 'kcm-system'),
      controlPlane: vmSizeMachine('Control plane', 'Standard_D4s_v5'),
      worker: vmSizeMachine('Worker', 'Standard_D8s_v5'),
      k0s: k0s(k0sVersionOf('azure-standalone-cp', version)),
    }),
    [
      'controlPlaneNumber',
      'workersNumber',
      'location',
      'subscriptionID',
      'clusterIdentity',
      'controlPlane',
      'worker',
      'k0s',
    ],
  ),
  {
    chart: 'azure-aks',
    description: 'A KCM template to deploy a cluster on AKS.',
    providers: ['infrastructure-azure'],
    providerContracts: { 'infrastructure-azure': 'v1beta1' },
    schema: () => {
      const pool = (role: string, count: number, min: number) =>
        obj(
          `${role} node pool`,
          {
            count: int('Number of nodes', { minimum: min, default: count }),
            vmSize: str('Azure VM size', {
              minLength: 1,
              default: '',
              examples: ['Standard_D4s_v5'],
            }),
            osDiskSizeGB: int('OS disk size in GB', {
              minimum: 30,
              default: 128,
            }),
            autoscaling: obj('Cluster autoscaler', {
              enabled: bool('Enable autoscaling', false),
              minCount: int('Minimum nodes', { minimum: 0, default: 2 }),
              maxCount: int('Maximum nodes', { minimum: 1, default: 5 }),
            }),
          },
          ['vmSize'],
        );
      return valuesSchema(
        'A KCM cluster azure-aks template',
        {
          clusterNetwork: clusterNetwork(),
          ...clusterMetadata(),
          clusterIdentity: clusterIdentity(),
          location: azureLocation(),
          sku: obj('AKS pricing tier', {
            tier: str('Tier', {
              enum: ['Free', 'Standard', 'Premium'],
              default: 'Free',
            }),
          }),
          machinePools: obj(
            'Node pools',
            { system: pool('System', 3, 1), user: pool('User', 2, 0) },
            ['system'],
          ),
          kubernetes: obj(
            'Kubernetes settings',
            {
              version: str('Kubernetes version', {
                minLength: 1,
                default: 'v1.36.0',
              }),
              networkPlugin: str('Network plugin', {
                enum: ['azure', 'kubenet', 'none'],
                default: 'azure',
              }),
              networkPolicy: str('Network policy engine', { default: 'azure' }),
            },
            ['version'],
          ),
        },
        ['location', 'clusterIdentity', 'machinePools', 'kubernetes'],
      );
    },
  },
  k0sChart(
    'gcp-standalone-cp',
    'gcp',
    'v1beta1',
    'A KCM template to deploy a k0s cluster on GCP with bootstrapped control plane nodes.',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      clusterIdentity: clusterIdentity(),
      project: str('GCP project to deploy the cluster to', {
        minLength: 1,
        default: '',
      }),
      region: gcpRegion(),
      network: obj('VPC network', {
        name: str('Network name', { default: 'default' }),
      }),
      controlPlane: instanceMachine('Control plane', 'n2-standard-4', {
        publicIP: bool('Give control plane machines public IPs', true),
      }),
      worker: instanceMachine('Worker', 'n2-standard-8', {
        publicIP: bool('Give worker machines public IPs', true),
      }),
      k0s: k0s(k0sVersionOf('gcp-standalone-cp', version)),
    }),
    [
      'controlPlaneNumber',
      'workersNumber',
      'project',
      'region',
      'clusterIdentity',
      'controlPlane',
      'worker',
      'k0s',
    ],
  ),
  {
    chart: 'gcp-gke',
    description: 'A KCM template to deploy a cluster on GKE.',
    providers: ['infrastructure-gcp'],
    providerContracts: { 'infrastructure-gcp': 'v1beta1' },
    schema: () =>
      valuesSchema(
        'A KCM cluster gcp-gke template',
        {
          workersNumber: num(
            'Number of nodes; divisible by the number of zones',
            {
              minimum: 1,
              default: 3,
            },
          ),
          clusterIdentity: clusterIdentity(),
          clusterNetwork: clusterNetwork(),
          ...clusterMetadata(),
          project: str('GCP project to deploy the cluster to', {
            minLength: 1,
            default: '',
          }),
          region: gcpRegion(),
          location: str('Zone for a zonal cluster; empty for a regional one', {
            default: '',
          }),
          releaseChannel: str('GKE release channel', {
            enum: ['rapid', 'regular', 'stable'],
            default: 'regular',
          }),
          enableAutopilot: bool('Run the cluster in Autopilot mode', false),
          network: obj('VPC network', {
            name: str('Network name', { default: 'default' }),
          }),
          machines: obj('Node pool machines', {
            machineType: str('Machine type; e2-medium when empty', {
              default: '',
            }),
            diskSizeGB: num('Disk size in GB', { minimum: 10, default: 100 }),
          }),
          version: {
            type: ['string', 'null'],
            description: 'GKE control plane version; null lets GKE choose',
            default: null,
          },
        },
        ['workersNumber', 'project', 'region'],
      ),
  },
  k0sChart(
    'openstack-standalone-cp',
    'openstack',
    'v1beta1',
    'A KCM template to deploy a k0s cluster on OpenStack with bootstrapped control plane nodes.',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      clusterIdentity: clusterIdentity(),
      identityRef: obj(
        'Cloud of the clouds.yaml to use',
        {
          cloudName: str('Cloud name in clouds.yaml', {
            minLength: 1,
            default: 'openstack',
          }),
          region: str('OpenStack region', {
            minLength: 1,
            default: '',
            examples: ['RegionOne'],
          }),
        },
        ['cloudName', 'region'],
      ),
      externalNetwork: obj('External network for floating IPs', {
        filter: obj('Network lookup', {
          name: str('Network name', { default: 'public' }),
        }),
      }),
      controlPlane: flavorMachine('Control plane', 'm1.large'),
      worker: flavorMachine('Worker', 'm1.xlarge'),
      k0s: k0s(k0sVersionOf('openstack-standalone-cp', version)),
    }),
    [
      'controlPlaneNumber',
      'workersNumber',
      'identityRef',
      'clusterIdentity',
      'controlPlane',
      'worker',
      'k0s',
    ],
  ),
  k0sChart(
    'vsphere-standalone-cp',
    'vsphere',
    'v1beta2',
    'A KCM template to deploy a k0s cluster on vSphere with bootstrapped control plane nodes.',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      workersNumber: workersNumber(),
      clusterNetwork: clusterNetwork(),
      ...clusterMetadata(),
      clusterIdentity: clusterIdentity(),
      vsphere: obj(
        'vCenter placement',
        {
          server: str('vCenter address', { minLength: 1, default: '' }),
          thumbprint: str('TLS thumbprint of vCenter', { default: '' }),
          datacenter: str('Datacenter', { minLength: 1, default: '' }),
          datastore: str('Datastore', { minLength: 1, default: '' }),
          resourcePool: str('Resource pool', { minLength: 1, default: '' }),
          folder: str('VM folder', { minLength: 1, default: '' }),
        },
        ['server', 'datacenter', 'datastore', 'resourcePool', 'folder'],
      ),
      controlPlaneEndpointIP: str('Virtual IP of the Kubernetes API', {
        minLength: 1,
        default: '',
      }),
      controlPlane: vsphereMachine('Control plane'),
      worker: vsphereMachine('Worker'),
      k0s: k0s(k0sVersionOf('vsphere-standalone-cp', version)),
    }),
    [
      'controlPlaneNumber',
      'workersNumber',
      'vsphere',
      'controlPlaneEndpointIP',
      'controlPlane',
      'worker',
      'k0s',
    ],
  ),
  k0sChart(
    'docker-hosted-cp',
    'docker',
    'v1beta2',
    'A KCM template to deploy a k0s cluster on Docker with hosted control plane.',
    () => ({
      workersNumber: workersNumber(1),
      clusterNetwork: clusterNetwork('192.168.0.0/16', '10.128.0.0/12'),
      ...clusterMetadata(),
      k0smotron: obj('Hosted control plane', {
        service: obj('Service exposing the control plane', {
          type: str('Service type', {
            enum: ['ClusterIP', 'NodePort', 'LoadBalancer'],
            default: 'NodePort',
          }),
        }),
      }),
      k0s: k0s('v1.36.1+k0s.0'),
    }),
    ['workersNumber', 'k0s'],
  ),
  k0sChart(
    'remote-cluster',
    'k0sproject-k0smotron',
    'v1beta2',
    'A KCM template to deploy and manage remote machine-based clusters on Linux hosts',
    version => ({
      controlPlaneNumber: controlPlaneNumber(),
      ...clusterMetadata(),
      clusterIdentity: clusterIdentity(),
      clusterNetwork: clusterNetwork(),
      machines: list(
        'Hosts reachable over SSH that become worker nodes',
        obj(
          'A host',
          {
            address: str('Address of the host', { minLength: 1 }),
            port: int('SSH port', { minimum: 1, maximum: 65535, default: 22 }),
            user: str('SSH user', { default: 'root' }),
            useSudo: {
              type: 'boolean',
              description: 'Run commands with sudo',
              default: false,
            },
          },
          ['address'],
        ),
        {
          default: [
            { address: '0.0.0.0', port: 22, user: 'root', useSudo: false },
          ],
        },
      ),
      k0s: k0s(k0sVersionOf('remote-cluster', version)),
    }),
    ['controlPlaneNumber', 'machines', 'clusterIdentity', 'k0s'],
  ),
];

const BY_NAME = new Map(CHARTS.map(chart => [chart.chart, chart]));

/** Every chart of the repository, by name. */
export function findClusterChart(chart: string): ClusterChart | undefined {
  return BY_NAME.get(chart);
}

export function clusterChartNames(): string[] {
  return CHARTS.map(chart => chart.chart);
}

/** The chart's default values (ClusterTemplate `status.config`). */
export function clusterChartDefaults(
  chart: ClusterChart,
  version: string,
): JsonObject {
  return defaultsOf(chart.schema(version));
}
