/*
 * Plays a seeded ClusterDeployment's past with the controller's own status functions:
 * created at some instant, provisioned over SEED_PROVISIONING_MS, then (optionally)
 * deleted. The result is the status the controller would have left, with plausible
 * timestamps, and a fixed point for the controller when it starts.
 */
import type { ClusterDeployment } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  blockedStatus,
  rolloutStatus,
  type ClusterContext,
} from '../controllers/clusterDeployment/clusterStatus';
import { deletionStatus } from '../controllers/clusterDeployment/deletion';
import { decideHelmOutcome } from '../controllers/clusterDeployment/helmOutcome';
import {
  changingServices,
  levelCount,
} from '../controllers/clusterDeployment/ownServices';
import { checkPreconditions } from '../controllers/clusterDeployment/preconditions';
import {
  installRollout,
  resumeRollout,
} from '../controllers/clusterDeployment/resume';
import {
  DELETION_SHARE,
  boundariesOf,
  stageAt,
  stageIndex,
  type Rollout,
} from '../controllers/clusterDeployment/rollout';
import { claimedServiceKeys } from '../controllers/multiClusterService/matching';
import { toKubeTime } from '../clock';
import type { SeedWorld } from './seedWorld';
import { SEED_PROVISIONING_MS } from './seedTime';

export function clusterContext(
  cd: ClusterDeployment,
  world: SeedWorld,
  now: number,
): ClusterContext {
  const namespace = cd.metadata.namespace;
  return {
    now,
    credential: world.credential(namespace, cd.spec?.credential),
    template: world.clusterTemplate(namespace, cd.spec?.template),
    serviceTemplate: name => world.serviceTemplate(namespace, name),
    claimedByMultiClusterServices: claimedServiceKeys(
      cd,
      world.multiClusterServices(),
    ),
  };
}

function step(
  cd: ClusterDeployment,
  rollout: Rollout,
  world: SeedWorld,
  now: number,
): void {
  const context = clusterContext(cd, world, now);
  if (
    !rollout.helmOutcome &&
    rollout.kind !== 'services' &&
    !cd.spec?.dryRun &&
    stageIndex(stageAt(rollout, now)) >= stageIndex('releaseReady')
  ) {
    rollout.helmOutcome = decideHelmOutcome({
      kind: rollout.kind,
      cd,
      template: context.template,
      credential: context.credential,
      schema: world.valuesSchema(context.template),
      revision: rollout.revision,
    });
  }
  cd.status = rolloutStatus(cd, rollout, context);
}

/** Provisions `cd` from `createdAt` until `until`, one controller step per boundary. */
export function replayInstall(
  cd: ClusterDeployment,
  world: SeedWorld,
  createdAt: number,
  until: number,
): void {
  const rollout = installRollout(cd, createdAt, SEED_PROVISIONING_MS);
  const times = boundariesOf(
    rollout,
    levelCount(changingServices(cd, rollout)),
  ).filter(t => t <= until);
  for (const at of times) step(cd, rollout, world, at);
}

/** A cluster whose Credential or template fails the controller's checks since creation. */
export function replayBlocked(
  cd: ClusterDeployment,
  world: SeedWorld,
  at: number,
): void {
  const context = clusterContext(cd, world, at);
  const { failures } = checkPreconditions(
    cd,
    context.credential,
    context.template,
  );
  cd.status = blockedStatus(cd, failures, context);
}

/** Recomputes a settled cluster at `now` (after MultiClusterServices changed its services). */
export function settleCluster(
  cd: ClusterDeployment,
  world: SeedWorld,
  now: number,
): void {
  step(cd, resumeRollout(cd, now, SEED_PROVISIONING_MS), world, now);
}

/** Deletion requested at `deletedAt`, observed at `now`. */
export function replayDeletion(
  cd: ClusterDeployment,
  world: SeedWorld,
  deletedAt: number,
  now: number,
): void {
  cd.metadata.deletionTimestamp = toKubeTime(deletedAt);
  const deletion = {
    startedAt: deletedAt,
    durationMs: DELETION_SHARE * SEED_PROVISIONING_MS,
  };
  for (const share of [0, 0.2, 0.4, 0.6, 0.9]) {
    const at = deletedAt + share * deletion.durationMs;
    if (at > now) break;
    cd.status = deletionStatus(cd, deletion, clusterContext(cd, world, at));
  }
}
