/*
 * KCM's ClusterDeployment controller, simulated: adds its finalizer, checks the
 * Credential and ClusterTemplate, walks the cluster through its conditions to Ready
 * (install, Helm upgrade, services changes), writes the child kubeconfig Secret once
 * the control plane is up, and on deletion walks the Deleting reasons before letting
 * the object go. Status at every step comes from the pure functions beside this file.
 */
import {
  CONDITION_TYPES,
  K0RDENT_FINALIZERS,
  getCondition,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
  type MultiClusterService,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject, StoreEvent } from '../../../store/types';
import type { Clock } from '../../clock';
import type { JsonSchema } from '../../catalog/jsonSchema';
import { deepEqual, keyOf, typed } from '../../kube/objects';
import { KeyedTimers } from '../../kube/timers';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import { claimedServiceKeys } from '../multiClusterService/matching';
import {
  QueueController,
  objectKeyString,
  parseKeyString,
} from '../queueController';
import { schemaFromConfigMap } from '../templates/schemaConfigMap';
import {
  blockedStatus,
  rolloutStatus,
  type ClusterContext,
} from './clusterStatus';
import {
  deletionShareOf,
  deletionStageAt,
  deletionStatus,
  nextDeletionBoundary,
  type Deletion,
} from './deletion';
import { decideHelmOutcome } from './helmOutcome';
import { kubeconfigSecret, kubeconfigSecretName } from './kubeconfig';
import { changingServices, levelCount } from './ownServices';
import { checkPreconditions } from './preconditions';
import { installRollout, resumeRollout, rolloutForSpecChange } from './resume';
import {
  DELETION_SHARE,
  nextBoundary,
  stageAt,
  stageIndex,
  type Rollout,
} from './rollout';

interface TrackedRollout {
  rollout: Rollout;
  generation: number;
}

/** The parts of a spec whose change means a Helm upgrade vs a services-only change. */
function specDigest(cd: ClusterDeployment): { helm: string; services: string } {
  const { serviceSpec, ...helm } = cd.spec ?? { template: '' };
  return {
    helm: JSON.stringify(helm),
    services: JSON.stringify(serviceSpec ?? {}),
  };
}

export class ClusterDeploymentController extends QueueController {
  readonly name = 'clusterdeployment-controller';
  private readonly rollouts = new Map<string, TrackedRollout>();
  private readonly deletions = new Map<string, Deletion>();
  private readonly lastSpec = new Map<
    string,
    { generation: number; helm: string; services: string }
  >();
  private readonly timers: KeyedTimers;
  private multiClusterServices: MultiClusterService[] | undefined;

  constructor(clock: Clock) {
    super(clock);
    this.timers = new KeyedTimers(clock);
  }

  protected onStop(): void {
    this.timers.clear();
    this.rollouts.clear();
    this.deletions.clear();
  }

  protected onEvent(event: StoreEvent): void {
    const { object, previous } = event;
    switch (object.kind) {
      case 'ClusterDeployment':
        this.queue.add(
          objectKeyString(object.metadata.namespace, object.metadata.name),
        );
        break;
      case 'Credential':
        if (
          !previous ||
          !deepEqual(previous.status, object.status) ||
          event.type === 'DELETED'
        ) {
          this.enqueueUsers(
            object,
            cd => cd.spec?.credential === object.metadata.name,
          );
        }
        break;
      case 'ClusterTemplate':
        if (
          !previous ||
          !deepEqual(previous.status, object.status) ||
          event.type === 'DELETED'
        ) {
          this.enqueueUsers(
            object,
            cd => cd.spec?.template === object.metadata.name,
          );
        }
        break;
      case 'MultiClusterService':
        this.multiClusterServices = undefined;
        break;
      default:
        break;
    }
  }

  protected resync(): void {
    for (const cd of this.store.list('ClusterDeployment')) {
      this.queue.add(objectKeyString(cd.metadata.namespace, cd.metadata.name));
    }
  }

  private enqueueUsers(
    dependency: KubeObject,
    uses: (cd: ClusterDeployment) => boolean,
  ): void {
    for (const object of this.store.list('ClusterDeployment', {
      namespace: dependency.metadata.namespace,
    })) {
      if (uses(typed<ClusterDeployment>(object))) {
        this.queue.add(
          objectKeyString(object.metadata.namespace, object.metadata.name),
        );
      }
    }
  }

  private forget(key: string): void {
    this.timers.cancel(key);
    this.rollouts.delete(key);
    this.deletions.delete(key);
    this.lastSpec.delete(key);
    this.queue.forget(key);
  }

  private wakeAt(key: string, at: number | undefined): void {
    if (at === undefined) {
      this.timers.cancel(key);
    } else {
      this.timers.schedule(key, at - this.now, () => this.queue.add(key));
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = parseKeyString(key);
    const object = this.store.get({
      kind: 'ClusterDeployment',
      namespace,
      name,
    });
    if (!object) {
      this.forget(key);
      return;
    }
    const cd = typed<ClusterDeployment>(object);
    if (cd.metadata.deletionTimestamp) {
      this.reconcileDeletion(key, cd);
      return;
    }
    if (getCondition(cd, CONDITION_TYPES.deleting)?.status === 'True') {
      // A deletion in progress whose deletionTimestamp did not survive loading (a plain
      // create drops it, as the API server does; seeds keep it): request the deletion
      // again so that it completes.
      this.store.delete(keyOf(cd));
      return;
    }
    const finalizers = cd.metadata.finalizers ?? [];
    if (
      !finalizers.includes(K0RDENT_FINALIZERS.clusterDeployment) ||
      !hasComponentLabel(object)
    ) {
      this.store.update(
        withComponentLabel(object, K0RDENT_FINALIZERS.clusterDeployment),
      );
      return;
    }
    this.reconcileLifecycle(key, cd);
  }

  private contextFor(
    cd: ClusterDeployment,
  ): ClusterContext & { credential?: Credential; template?: ClusterTemplate } {
    const namespace = cd.metadata.namespace;
    const get = <
      T extends
        | ClusterDeployment
        | ClusterTemplate
        | Credential
        | ServiceTemplate,
    >(
      kind: string,
      name: string | undefined,
    ) => {
      if (!name) return undefined;
      const found = this.store.get({ kind, namespace, name });
      return found ? typed<T>(found) : undefined;
    };
    this.multiClusterServices ??= this.store
      .list('MultiClusterService')
      .map(m => typed<MultiClusterService>(m));
    return {
      now: this.now,
      credential: get<Credential>('Credential', cd.spec?.credential),
      template: get<ClusterTemplate>('ClusterTemplate', cd.spec?.template),
      serviceTemplate: templateName =>
        get<ServiceTemplate>('ServiceTemplate', templateName),
      claimedByMultiClusterServices: claimedServiceKeys(
        cd,
        this.multiClusterServices,
      ),
    };
  }

  private writeStatus(cd: ClusterDeployment, status: object): void {
    if (!deepEqual(cd.status, status)) {
      this.store.updateStatus(keyOf(cd), () => ({ ...status }));
    }
  }

  /** Picks the rollout: the one in flight, a new one after a spec change, or the one the status shows. */
  private rolloutFor(key: string, cd: ClusterDeployment): Rollout {
    const generation = cd.metadata.generation ?? 1;
    const tracked = this.rollouts.get(key);
    if (tracked && tracked.generation === generation) {
      return tracked.rollout;
    }
    const provisioningMillis = this.context.provisioningMillis;
    let rollout: Rollout;
    if (!cd.status?.conditions?.length) {
      rollout = installRollout(cd, this.now, provisioningMillis);
    } else if (!tracked && cd.status.observedGeneration === generation) {
      rollout = resumeRollout(cd, this.now, provisioningMillis);
    } else {
      const previous = this.lastSpec.get(key);
      const helmSpecChanged =
        !previous || previous.helm !== specDigest(cd).helm;
      rollout = rolloutForSpecChange(
        cd,
        helmSpecChanged,
        this.now,
        provisioningMillis,
      );
    }
    this.rollouts.set(key, { rollout, generation });
    return rollout;
  }

  private reconcileLifecycle(key: string, cd: ClusterDeployment): void {
    const context = this.contextFor(cd);
    const { failures, templatePending } = checkPreconditions(
      cd,
      context.credential,
      context.template,
    );
    if (templatePending) {
      return; // the template controller has not evaluated the template yet
    }
    if (failures.length > 0) {
      this.rollouts.delete(key);
      this.timers.cancel(key);
      this.writeStatus(cd, blockedStatus(cd, failures, context));
      this.remember(key, cd);
      return;
    }

    const rollout = this.rolloutFor(key, cd);
    const stage = stageAt(rollout, this.now);
    if (
      !rollout.helmOutcome &&
      rollout.kind !== 'services' &&
      !cd.spec?.dryRun &&
      stageIndex(stage) >= stageIndex('releaseReady')
    ) {
      rollout.helmOutcome = decideHelmOutcome({
        kind: rollout.kind,
        cd,
        template: context.template,
        credential: context.credential,
        schema: this.valuesSchemaOf(context.template),
        revision: rollout.revision,
      });
    }
    const status = rolloutStatus(cd, rollout, context);
    this.writeStatus(cd, status);
    this.remember(key, cd);

    const controlPlaneUp =
      !cd.spec?.dryRun &&
      rollout.helmOutcome?.succeeded !== false &&
      getCondition({ status }, CONDITION_TYPES.helmReleaseReady)?.status ===
        'True' &&
      stageIndex(stage) >= stageIndex('capiControlPlaneReady');
    // Regional clusters keep the child kubeconfig on the regional cluster, not here.
    if (controlPlaneUp && !context.credential?.spec?.region) {
      this.ensureKubeconfig(cd);
    }

    const next = nextBoundary(
      rollout,
      levelCount(changingServices(cd, rollout)),
      this.now,
    );
    if (next === undefined) {
      this.rollouts.delete(key);
    }
    this.wakeAt(key, next);
  }

  private remember(key: string, cd: ClusterDeployment): void {
    this.lastSpec.set(key, {
      generation: cd.metadata.generation ?? 1,
      ...specDigest(cd),
    });
  }

  private valuesSchemaOf(
    template: ClusterTemplate | undefined,
  ): JsonSchema | undefined {
    const name = template?.status?.schemaConfigMapName;
    if (!template || !name) return undefined;
    return schemaFromConfigMap(
      this.store.get({
        kind: 'ConfigMap',
        namespace: template.metadata.namespace,
        name,
      }),
    );
  }

  private ensureKubeconfig(cd: ClusterDeployment): void {
    const key = {
      kind: 'Secret',
      namespace: cd.metadata.namespace,
      name: kubeconfigSecretName(cd.metadata.name),
    };
    if (!this.store.get(key)) {
      this.store.create(kubeconfigSecret(cd));
    }
  }

  private reconcileDeletion(key: string, cd: ClusterDeployment): void {
    this.rollouts.delete(key);
    if (
      !(cd.metadata.finalizers ?? []).includes(
        K0RDENT_FINALIZERS.clusterDeployment,
      )
    ) {
      return; // not ours to hold
    }
    const context = this.contextFor(cd);
    let deletion = this.deletions.get(key);
    if (!deletion) {
      const durationMs = DELETION_SHARE * this.context.provisioningMillis;
      const share = deletionShareOf(
        cd,
        getCondition(cd, CONDITION_TYPES.deleting),
      );
      deletion = { startedAt: this.now - share * durationMs, durationMs };
      this.deletions.set(key, deletion);
    }
    if (deletionStageAt(cd, deletion, this.now) === 'gone') {
      this.store.delete({
        kind: 'Secret',
        namespace: cd.metadata.namespace,
        name: kubeconfigSecretName(cd.metadata.name),
      });
      const latest = this.store.get(keyOf(cd));
      if (latest) {
        this.store.update({
          ...latest,
          metadata: {
            ...latest.metadata,
            finalizers: (latest.metadata.finalizers ?? []).filter(
              f => f !== K0RDENT_FINALIZERS.clusterDeployment,
            ),
          },
        });
      }
      this.forget(key);
      return;
    }
    this.writeStatus(cd, deletionStatus(cd, deletion, context));
    this.wakeAt(key, nextDeletionBoundary(cd, deletion, this.now));
  }
}
