/*
 * KCM's Region controller, simulated: a Region is Ready once the cluster it stands for
 * is reachable (its kubeconfig Secret exists, or the ClusterDeployment it onboards is
 * Ready) and reports the components and providers installed there.
 */
import {
  CONDITION_REASONS,
  CONDITION_TYPES,
  KCM_SYSTEM_NAMESPACE,
  isReady,
  type ClusterDeployment,
  type ComponentStatus,
  type Region,
  type RegionStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { StoreEvent } from '../../../store/types';
import { CAPI_PROVIDERS } from '../../catalog/providers';
import { setCondition, type ConditionUpdate } from '../../kube/conditions';
import { deepEqual, notFoundMessage, typed } from '../../kube/objects';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import { QueueController } from '../queueController';

/** The regional KCM component of the simulated release. */
export const KCM_REGIONAL_TEMPLATE = 'kcm-regional-1-11-4';

export function regionReadiness(
  region: Region,
  cluster: (namespace: string, name: string) => ClusterDeployment | undefined,
  secretExists: (namespace: string, name: string) => boolean,
): ConditionUpdate {
  const fail = (message: string): ConditionUpdate => ({
    type: CONDITION_TYPES.ready,
    status: 'False',
    reason: CONDITION_REASONS.configurationError,
    message,
  });
  const { kubeConfig, clusterDeployment } = region.spec ?? {};
  if (Boolean(kubeConfig) === Boolean(clusterDeployment)) {
    return fail(
      'exactly one of spec.kubeConfig and spec.clusterDeployment must be set',
    );
  }
  if (kubeConfig && !secretExists(KCM_SYSTEM_NAMESPACE, kubeConfig.name)) {
    return fail(
      `failed to get kubeconfig Secret ${KCM_SYSTEM_NAMESPACE}/${
        kubeConfig.name
      }: ${notFoundMessage('Secret', kubeConfig.name)}`,
    );
  }
  if (clusterDeployment) {
    const cd = cluster(clusterDeployment.namespace, clusterDeployment.name);
    const ref = `${clusterDeployment.namespace}/${clusterDeployment.name}`;
    if (!cd) {
      return fail(
        `failed to get ClusterDeployment ${ref}: ${notFoundMessage(
          'ClusterDeployment',
          clusterDeployment.name,
        )}`,
      );
    }
    if (!isReady(cd)) {
      return {
        type: CONDITION_TYPES.ready,
        status: 'False',
        reason: CONDITION_REASONS.progressing,
        message: `ClusterDeployment ${ref} is not ready yet`,
      };
    }
  }
  return {
    type: CONDITION_TYPES.ready,
    status: 'True',
    reason: CONDITION_REASONS.allComponentsHealthy,
    message: 'All components are successfully installed',
  };
}

export function regionStatus(
  region: Region,
  readiness: ConditionUpdate,
  now: number,
): RegionStatus {
  const healthy = readiness.status === 'True';
  const components: Record<string, ComponentStatus> = {
    'kcm-regional': { template: KCM_REGIONAL_TEMPLATE, success: healthy },
  };
  const available = new Set<string>();
  for (const wanted of region.spec?.providers ?? []) {
    const provider = CAPI_PROVIDERS.find(p => p.name === wanted.name);
    components[wanted.name] = {
      template: wanted.template ?? provider?.template ?? wanted.name,
      success: healthy,
      ...(healthy && provider ? { exposedProviders: provider.exposes } : {}),
    };
    if (healthy) provider?.exposes.forEach(p => available.add(p));
  }
  return {
    ...region.status,
    components,
    ...(available.size > 0
      ? { availableProviders: [...available].sort() }
      : {}),
    conditions: setCondition(
      region.status?.conditions,
      readiness,
      now,
      region.metadata.generation ?? 1,
    ),
    observedGeneration: region.metadata.generation ?? 1,
  };
}

export class RegionController extends QueueController {
  readonly name = 'region-controller';

  protected onEvent(event: StoreEvent): void {
    const { object } = event;
    if (object.kind === 'Region' && event.type !== 'DELETED') {
      this.queue.add(object.metadata.name);
    } else if (
      object.kind === 'ClusterDeployment' ||
      (object.kind === 'Secret' && event.type !== 'MODIFIED')
    ) {
      for (const item of this.store.list('Region')) {
        const ref = typed<Region>(item).spec?.clusterDeployment;
        if (
          object.kind === 'Secret' ||
          (ref?.name === object.metadata.name &&
            ref.namespace === object.metadata.namespace)
        ) {
          this.queue.add(item.metadata.name);
        }
      }
    }
  }

  protected resync(): void {
    for (const region of this.store.list('Region'))
      this.queue.add(region.metadata.name);
  }

  protected reconcile(key: string): void {
    const object = this.store.get({ kind: 'Region', name: key });
    if (!object || object.metadata.deletionTimestamp) return;
    if (!hasComponentLabel(object)) {
      this.store.update(withComponentLabel(object));
      return;
    }
    const region = typed<Region>(object);
    const readiness = regionReadiness(
      region,
      (namespace, name) => {
        const found = this.store.get({
          kind: 'ClusterDeployment',
          namespace,
          name,
        });
        return found ? typed<ClusterDeployment>(found) : undefined;
      },
      (namespace, name) =>
        Boolean(this.store.get({ kind: 'Secret', namespace, name })),
    );
    const status = regionStatus(region, readiness, this.now);
    if (!deepEqual(region.status, status)) {
      this.store.updateStatus({ kind: 'Region', name: key }, () => ({
        ...status,
      }));
    }
  }
}
