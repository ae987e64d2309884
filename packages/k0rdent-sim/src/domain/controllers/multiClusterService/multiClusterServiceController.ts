/*
 * KSM's MultiClusterService controller, simulated: matches ClusterDeployments by label,
 * rolls the services out on each matched cluster (after the MultiClusterServices it
 * depends on), writes them into each cluster's status.services, and reports
 * matchingClusters and "ready/total" clusters. Reacts to label changes, new and deleted
 * clusters, clusters coming up, and changes of MultiClusterServices.
 */
import {
  KCM_SYSTEM_NAMESPACE,
  type ClusterDeployment,
  type ClusterTemplateChain,
  type Credential,
  type MultiClusterService,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject, StoreEvent } from '../../../store/types';
import type { Clock } from '../../clock';
import { deepEqual, typed } from '../../kube/objects';
import { KeyedTimers } from '../../kube/timers';
import { servicesUpgradePathsOf } from '../chains/upgradePaths';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import { QueueController } from '../queueController';
import { clusterIsUp, selects } from './matching';
import { planMultiClusterService } from './mcsPlan';

/** One service takes this share of the provisioning time to deploy on a cluster. */
export const SERVICE_ROLLOUT_SHARE = 0.1;

const DELETED_PREFIX = 'deleted:';

export class MultiClusterServiceController extends QueueController {
  readonly name = 'multiclusterservice-controller';
  private readonly timers: KeyedTimers;
  /** Last known state of deleted MultiClusterServices, to clean their services up. */
  private readonly deleted = new Map<string, MultiClusterService>();

  constructor(clock: Clock) {
    super(clock);
    this.timers = new KeyedTimers(clock);
  }

  protected onStop(): void {
    this.timers.clear();
    this.deleted.clear();
  }

  protected onEvent(event: StoreEvent): void {
    const { object, previous } = event;
    switch (object.kind) {
      case 'MultiClusterService':
        if (event.type === 'DELETED') {
          this.deleted.set(
            object.metadata.name,
            typed<MultiClusterService>(object),
          );
          this.queue.add(`${DELETED_PREFIX}${object.metadata.name}`);
          this.enqueueAll();
        } else if (
          !previous ||
          !deepEqual(previous.spec, object.spec) ||
          !deepEqual(previous.metadata.labels, object.metadata.labels)
        ) {
          // Its own status writes need no reaction; a new spec may concern its dependants too.
          this.enqueueAll();
        }
        break;
      case 'ClusterDeployment':
        if (
          event.type !== 'MODIFIED' ||
          this.clusterChangeMatters(object, previous)
        ) {
          this.enqueueConcerned(object, previous);
        }
        break;
      case 'ServiceTemplate':
        this.enqueueAll();
        break;
      default:
        break;
    }
  }

  /** Labels, deletion, the cluster coming up or its services changing can change an MCS. */
  private clusterChangeMatters(
    object: KubeObject,
    previous: KubeObject | undefined,
  ): boolean {
    if (!previous) return true;
    const cd = typed<ClusterDeployment>(object);
    const before = typed<ClusterDeployment>(previous);
    return (
      !deepEqual(cd.metadata.labels, before.metadata.labels) ||
      cd.metadata.deletionTimestamp !== before.metadata.deletionTimestamp ||
      clusterIsUp(cd) !== clusterIsUp(before) ||
      !deepEqual(cd.status?.services, before.status?.services) ||
      !deepEqual(cd.spec?.serviceSpec, before.spec?.serviceSpec)
    );
  }

  private enqueueConcerned(
    object: KubeObject,
    previous: KubeObject | undefined,
  ): void {
    const cd = typed<ClusterDeployment>(object);
    const before = previous ? typed<ClusterDeployment>(previous) : undefined;
    for (const item of this.store.list('MultiClusterService')) {
      const mcs = typed<MultiClusterService>(item);
      const listed = (mcs.status?.matchingClusters ?? []).some(
        m =>
          m.name === cd.metadata.name && m.namespace === cd.metadata.namespace,
      );
      if (listed || selects(mcs, cd) || (before && selects(mcs, before))) {
        this.queue.add(mcs.metadata.name);
      }
    }
  }

  private enqueueAll(): void {
    for (const mcs of this.store.list('MultiClusterService')) {
      this.queue.add(mcs.metadata.name);
    }
  }

  protected resync(): void {
    this.enqueueAll();
  }

  protected reconcile(key: string): void {
    if (key.startsWith(DELETED_PREFIX)) {
      const name = key.slice(DELETED_PREFIX.length);
      const gone = this.deleted.get(name);
      this.deleted.delete(name);
      this.timers.cancel(name);
      if (gone && !this.store.get({ kind: 'MultiClusterService', name })) {
        // Planning it with a selector that matches nothing removes its services everywhere.
        this.apply(
          {
            ...gone,
            spec: {
              ...gone.spec,
              clusterSelector: {},
              keepServicesOnSelectorMismatch: false,
            },
          },
          false,
        );
      }
      return;
    }
    const object = this.store.get({ kind: 'MultiClusterService', name: key });
    if (!object) return;
    if (!hasComponentLabel(object)) {
      this.store.update(withComponentLabel(object));
      return;
    }
    this.apply(typed<MultiClusterService>(object), true);
  }

  private apply(mcs: MultiClusterService, writeStatus: boolean): void {
    const store = this.store;
    const serviceTemplate = (namespace: string, name: string) => {
      const found = store.get({ kind: 'ServiceTemplate', namespace, name });
      return found ? typed<ServiceTemplate>(found) : undefined;
    };
    const chains = store
      .list('ServiceTemplateChain', { namespace: KCM_SYSTEM_NAMESPACE })
      .map(c => typed<ClusterTemplateChain>(c));
    const plan = planMultiClusterService({
      mcs,
      clusters: store
        .list('ClusterDeployment')
        .map(c => typed<ClusterDeployment>(c)),
      multiClusterServices: store
        .list('MultiClusterService')
        .map(m => typed<MultiClusterService>(m))
        .filter(m => writeStatus || m.metadata.name !== mcs.metadata.name),
      credential: (namespace, name) => {
        const found = store.get({ kind: 'Credential', namespace, name });
        return found ? typed<Credential>(found) : undefined;
      },
      serviceTemplate,
      upgradePaths: servicesUpgradePathsOf(
        (mcs.spec?.serviceSpec?.services ?? []).filter(s => !s.disable),
        chains,
        name => serviceTemplate(KCM_SYSTEM_NAMESPACE, name),
      ),
      now: this.now,
      serviceRolloutMs: SERVICE_ROLLOUT_SHARE * this.context.provisioningMillis,
    });

    for (const [cdKey, services] of plan.clusterServices) {
      const slash = cdKey.indexOf('/');
      const key = {
        kind: 'ClusterDeployment',
        namespace: cdKey.slice(0, slash),
        name: cdKey.slice(slash + 1),
      };
      if (!store.get(key)) continue;
      store.updateStatus(key, status => {
        const { services: _old, ...rest } = status;
        return services.length > 0 ? { ...rest, services } : rest;
      });
    }
    if (writeStatus) {
      if (!deepEqual(mcs.status, plan.status)) {
        store.updateStatus(
          { kind: 'MultiClusterService', name: mcs.metadata.name },
          () => ({ ...plan.status }),
        );
      }
      const name = mcs.metadata.name;
      if (plan.nextWakeAt === undefined) {
        this.timers.cancel(name);
      } else {
        this.timers.schedule(name, plan.nextWakeAt - this.now, () =>
          this.queue.add(name),
        );
      }
    }
  }
}
