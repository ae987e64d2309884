/*
 * Schema fragments shared by the cluster template charts (k0s settings, node counts,
 * networking, labels): written once, used by every chart in clusterCharts.ts.
 */
import { int, list, obj, str, stringMap, type JsonSchema } from './jsonSchema';

/** The k0s release shipped with the current templates (chart appVersion). */
export const CURRENT_K0S_VERSION = 'v1.36.3+k0s.2';

export function controlPlaneNumber(): JsonSchema {
  return int('Number of control plane machines', { minimum: 1, default: 3 });
}

export function workersNumber(defaultCount = 2): JsonSchema {
  return int(
    'Number of worker machines; 0 runs workloads on the control plane nodes',
    { minimum: 0, default: defaultCount },
  );
}

export function clusterNetwork(
  pods = '10.244.0.0/16',
  services = '10.96.0.0/12',
): JsonSchema {
  const cidrs = (what: string, cidr: string) =>
    obj(`Network ranges for ${what}`, {
      cidrBlocks: list('CIDR blocks', str('A CIDR block'), { default: [cidr] }),
    });
  return obj('Cluster network configuration', {
    pods: cidrs('Pod IPs', pods),
    services: cidrs('Service VIPs', services),
  });
}

/** clusterLabels / clusterAnnotations: CD labels propagate only when clusterLabels is absent. */
export function clusterMetadata(): Record<string, JsonSchema> {
  return {
    clusterLabels: stringMap(
      'Labels for the CAPI Cluster (defaults to the ClusterDeployment labels)',
    ),
    clusterAnnotations: stringMap('Annotations for the CAPI Cluster'),
  };
}

/** `clusterIdentity`: filled in by KCM from the Credential, so forms should not ask for it. */
export function clusterIdentity(kind?: string, namespace?: string): JsonSchema {
  return obj(
    'Reference to the cluster identity (set by KCM from the Credential)',
    {
      name: str('Name of the identity', { default: '' }),
      ...(kind ? { kind: str('Kind of the identity', { default: kind }) } : {}),
      ...(namespace
        ? {
            namespace: str('Namespace of the identity', { default: namespace }),
          }
        : {}),
    },
    ['name'],
  );
}

export function k0s(version: string): JsonSchema {
  return obj(
    'k0s settings',
    {
      version: str('k0s version (the Kubernetes version plus the k0s build)', {
        minLength: 1,
        default: version,
      }),
      arch: str('Machine architecture of the k0s binary', {
        enum: ['amd64', 'arm64', 'arm'],
        default: 'amd64',
      }),
      network: obj('Cluster network provider', {
        provider: str('CNI plugin', {
          enum: ['calico', 'kuberouter', 'custom'],
          default: 'calico',
        }),
      }),
    },
    ['version'],
  );
}

/** A machine described by an instance type (AWS, GCP). */
export function instanceMachine(
  role: string,
  example: string,
  extra: Record<string, JsonSchema> = {},
): JsonSchema {
  return obj(
    `${role} machines`,
    {
      instanceType: str('Instance type', {
        minLength: 1,
        default: '',
        examples: [example],
      }),
      rootVolumeSize: int('Root volume size in GiB', {
        minimum: 8,
        default: 32,
      }),
      ...extra,
    },
    ['instanceType'],
  );
}
