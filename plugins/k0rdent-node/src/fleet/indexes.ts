/*
 * The secondary indexes every fleet cache keeps. Values of namespaced references
 * are `namespace/name`, because k0rdent resolves these references in the
 * object's own namespace.
 */
import {
  kofMetricLabelsOf,
  tenantOf,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { KubeObject } from '../types';
import { FleetIndexDefinition } from './ObjectIndex';

function spec(object: KubeObject): Record<string, any> {
  const s = object.spec;
  return s && typeof s === 'object' ? (s as Record<string, any>) : {};
}

function sameNamespace(object: KubeObject, name: unknown): string | undefined {
  return typeof name === 'string' && name
    ? `${object.metadata.namespace ?? ''}/${name}`
    : undefined;
}

/**
 * The `kofSeries` index value of KOF's `cluster` and `tenant` metric labels.
 *
 * @public
 */
export function kofSeriesKey(labels: {
  cluster: string;
  tenant: string | undefined;
}): string {
  return `${labels.cluster}/${labels.tenant ?? ''}`;
}

/**
 * The indexes a fleet cache keeps by default, by kind and name:
 *
 * - `ClusterDeployment` `template`: `namespace/spec.template`
 * - `ClusterDeployment` `credential`: `namespace/spec.credential`
 * - `ClusterDeployment` `serviceTemplate`: `namespace/<template>` of each `spec.serviceSpec.services[]`
 * - `ClusterDeployment` `tenant`: the KOF tenant (`tenantOf` from -common: the
 *   `k0rdent.mirantis.com/kof-tenant-id` label, `PLATFORM` when absent)
 * - `ClusterDeployment` `region`: `status.region` (`''` = the management cluster)
 * - `ClusterDeployment` `kofSeries`: `<name>/<tenant>` as KOF labels the
 *   cluster's metrics (`kofMetricLabelsOf` from -common; no tenant for a
 *   regional cluster): clusters sharing a value share their metric series
 * - `ServiceSet` `cluster`: `namespace/spec.cluster`
 * - `ServiceSet` `multiClusterService`: `spec.multiClusterService`
 *
 * @public
 */
export const DEFAULT_FLEET_INDEXES: readonly FleetIndexDefinition[] =
  Object.freeze([
    {
      kind: 'ClusterDeployment',
      name: 'template',
      values: o => sameNamespace(o, spec(o).template),
    },
    {
      kind: 'ClusterDeployment',
      name: 'credential',
      values: o => sameNamespace(o, spec(o).credential),
    },
    {
      kind: 'ClusterDeployment',
      name: 'serviceTemplate',
      values: o => {
        const services = spec(o).serviceSpec?.services;
        if (!Array.isArray(services)) return undefined;
        const values = new Set<string>();
        for (const service of services) {
          const v = sameNamespace(o, service?.template);
          if (v) values.add(v);
        }
        return [...values];
      },
    },
    {
      kind: 'ClusterDeployment',
      name: 'tenant',
      values: o => tenantOf(o),
    },
    {
      kind: 'ClusterDeployment',
      name: 'region',
      values: o => {
        const region = (o.status as Record<string, any> | undefined)?.region;
        return typeof region === 'string' ? region : '';
      },
    },
    {
      kind: 'ClusterDeployment',
      name: 'kofSeries',
      values: o => kofSeriesKey(kofMetricLabelsOf(o)),
    },
    {
      kind: 'ServiceSet',
      name: 'cluster',
      values: o => sameNamespace(o, spec(o).cluster),
    },
    {
      kind: 'ServiceSet',
      name: 'multiClusterService',
      values: o =>
        typeof spec(o).multiClusterService === 'string' &&
        spec(o).multiClusterService
          ? spec(o).multiClusterService
          : undefined,
    },
  ]);
