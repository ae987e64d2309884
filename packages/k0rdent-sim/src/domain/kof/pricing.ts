/*
 * On-demand list prices of the instance types the simulated fleet runs (USD per hour,
 * rounded public list prices), and OpenCost's split of a node's price into a per-core
 * and a per-GiB rate.
 */

export interface InstanceType {
  cpus: number;
  memoryGiB: number;
  hourly: number;
}

const TYPES: Record<string, InstanceType> = {
  't3.micro': { cpus: 2, memoryGiB: 1, hourly: 0.0104 },
  't3.small': { cpus: 2, memoryGiB: 2, hourly: 0.0208 },
  't3.large': { cpus: 2, memoryGiB: 8, hourly: 0.0832 },
  't3.xlarge': { cpus: 4, memoryGiB: 16, hourly: 0.1664 },
  'm5.large': { cpus: 2, memoryGiB: 8, hourly: 0.096 },
  'm5.xlarge': { cpus: 4, memoryGiB: 16, hourly: 0.192 },
  'm5.2xlarge': { cpus: 8, memoryGiB: 32, hourly: 0.384 },
  'c5.2xlarge': { cpus: 8, memoryGiB: 16, hourly: 0.34 },
  'r5.2xlarge': { cpus: 8, memoryGiB: 64, hourly: 0.504 },
  'r5.4xlarge': { cpus: 16, memoryGiB: 128, hourly: 1.008 },
  'g5.xlarge': { cpus: 4, memoryGiB: 16, hourly: 1.006 },
  'g5.2xlarge': { cpus: 8, memoryGiB: 32, hourly: 1.212 },
  Standard_D2s_v5: { cpus: 2, memoryGiB: 8, hourly: 0.096 },
  Standard_D4s_v5: { cpus: 4, memoryGiB: 16, hourly: 0.192 },
  Standard_D8s_v5: { cpus: 8, memoryGiB: 32, hourly: 0.384 },
  Standard_E8s_v5: { cpus: 8, memoryGiB: 64, hourly: 0.504 },
  Standard_NC6s_v3: { cpus: 6, memoryGiB: 112, hourly: 3.06 },
  'e2-medium': { cpus: 2, memoryGiB: 4, hourly: 0.0335 },
  'e2-standard-4': { cpus: 4, memoryGiB: 16, hourly: 0.134 },
  'e2-standard-8': { cpus: 8, memoryGiB: 32, hourly: 0.268 },
  'n2-standard-4': { cpus: 4, memoryGiB: 16, hourly: 0.194 },
  'n2-standard-8': { cpus: 8, memoryGiB: 32, hourly: 0.388 },
  'n2-highmem-8': { cpus: 8, memoryGiB: 64, hourly: 0.524 },
  'c2-standard-8': { cpus: 8, memoryGiB: 32, hourly: 0.418 },
  'c2-standard-16': { cpus: 16, memoryGiB: 64, hourly: 0.835 },
  'a2-highgpu-1g': { cpus: 12, memoryGiB: 85, hourly: 3.673 },
  // Private clouds: amortised hardware cost.
  'm1.large': { cpus: 4, memoryGiB: 8, hourly: 0.06 },
  'm1.xlarge': { cpus: 8, memoryGiB: 16, hourly: 0.12 },
};

/** Per provider, when the instance type is unknown or not set. */
const DEFAULTS: Record<string, InstanceType> = {
  aws: TYPES['m5.large'],
  azure: TYPES.Standard_D2s_v5,
  gcp: TYPES['e2-medium'],
  openstack: TYPES['m1.large'],
  docker: { cpus: 2, memoryGiB: 4, hourly: 0 },
  mothership: TYPES['m5.2xlarge'],
};

const VSPHERE_CORE_HOURLY = 0.012;
const VSPHERE_GIB_HOURLY = 0.0025;

export function instanceTypeOf(
  provider: string,
  name: string | undefined,
): InstanceType {
  if (name && TYPES[name]) return TYPES[name];
  const vsphere = name ? /^vsphere-(\d+)c(\d+)g$/.exec(name) : null;
  if (vsphere) {
    const cpus = Number(vsphere[1]);
    const memoryGiB = Number(vsphere[2]);
    return {
      cpus,
      memoryGiB,
      hourly: cpus * VSPHERE_CORE_HOURLY + memoryGiB * VSPHERE_GIB_HOURLY,
    };
  }
  return DEFAULTS[provider] ?? { cpus: 4, memoryGiB: 16, hourly: 0.15 };
}

/** OpenCost's rates: a node's price split 65/35 between CPU and RAM. */
export function nodeRates(type: InstanceType): {
  cpuHourly: number;
  ramHourly: number;
} {
  return {
    cpuHourly: (type.hourly * 0.65) / type.cpus,
    ramHourly: (type.hourly * 0.35) / type.memoryGiB,
  };
}
