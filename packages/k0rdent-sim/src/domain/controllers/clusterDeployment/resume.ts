/*
 * Choosing the rollout for a ClusterDeployment: a fresh install, a Helm upgrade after a
 * spec change, a services-only change, or - after a restart, or for seeded objects -
 * the rollout its status shows it is in the middle of.
 */
import {
  CONDITION_REASONS as REASONS,
  CONDITION_TYPES as TYPES,
  getCondition,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { desiredServices, serviceKey } from './ownServices';
import {
  ROLLOUT_SHARE,
  shareOfStage,
  type HelmOutcome,
  type Rollout,
  type RolloutKind,
  type Stage,
} from './rollout';

const FINAL_HELM_REASONS = new Set<string>([
  REASONS.installSucceeded,
  REASONS.installFailed,
  REASONS.upgradeSucceeded,
  REASONS.upgradeFailed,
]);

function durationOf(kind: RolloutKind, provisioningMillis: number): number {
  return ROLLOUT_SHARE[kind] * provisioningMillis;
}

/** Helm release revision recorded in the HelmReleaseReady message (`ns/name.v3`). */
export function recordedRevision(cd: ClusterDeployment): number {
  const message = getCondition(cd, TYPES.helmReleaseReady)?.message ?? '';
  const match = /\.v(\d+) with chart/.exec(message);
  return match ? Number(match[1]) : 0;
}

/** The outcome of the last Helm action, if it finished. */
export function recordedHelmOutcome(
  cd: ClusterDeployment,
): HelmOutcome | undefined {
  const condition = getCondition(cd, TYPES.helmReleaseReady);
  if (!condition || !FINAL_HELM_REASONS.has(condition.reason)) {
    return undefined;
  }
  return {
    succeeded: condition.status === 'True',
    reason: condition.reason,
    message: condition.message,
  };
}

/** Whether a release exists to upgrade (a failed install leaves none: Flux installs again). */
export function wasInstalled(cd: ClusterDeployment): boolean {
  const outcome = recordedHelmOutcome(cd);
  return outcome !== undefined && outcome.reason !== REASONS.installFailed;
}

/** Own services not (yet) Deployed with their current template; failed ones stay failed. */
export function servicesToDeploy(
  cd: ClusterDeployment,
  includeFailed: boolean,
): string[] {
  const current = new Map(
    (cd.status?.services ?? []).map(e => [serviceKey(e), e]),
  );
  return desiredServices(cd)
    .filter(service => {
      const entry = current.get(serviceKey(service));
      if (!entry || entry.template !== service.template) return true;
      if (entry.state === 'Failed') return includeFailed;
      return entry.state !== 'Deployed';
    })
    .map(serviceKey);
}

function startedAtFor(
  rollout: Omit<Rollout, 'startedAt'>,
  stage: Stage,
  now: number,
): Rollout {
  const draft: Rollout = { ...rollout, startedAt: now };
  return {
    ...draft,
    startedAt: now - shareOfStage(draft, stage) * draft.durationMs,
  };
}

export function installRollout(
  cd: ClusterDeployment,
  now: number,
  provisioningMillis: number,
): Rollout {
  return {
    kind: 'install',
    startedAt: now,
    durationMs: durationOf('install', provisioningMillis),
    revision: 1,
    changedServices: desiredServices(cd).map(serviceKey),
  };
}

/**
 * The rollout after a spec change. `helmSpecChanged` is false when only the services
 * changed (known only while the controller remembers the previous spec).
 */
export function rolloutForSpecChange(
  cd: ClusterDeployment,
  helmSpecChanged: boolean,
  now: number,
  provisioningMillis: number,
): Rollout {
  if (!wasInstalled(cd)) {
    return installRollout(cd, now, provisioningMillis);
  }
  const kind: RolloutKind = helmSpecChanged ? 'upgrade' : 'services';
  return {
    kind,
    startedAt: now,
    durationMs: durationOf(kind, provisioningMillis),
    revision: recordedRevision(cd) + (helmSpecChanged ? 1 : 0),
    changedServices: servicesToDeploy(cd, true),
  };
}

/** The rollout a status shows a ClusterDeployment is in (observedGeneration current). */
export function resumeRollout(
  cd: ClusterDeployment,
  now: number,
  provisioningMillis: number,
): Rollout {
  const conditions = cd.status?.conditions ?? [];
  if (conditions.length === 0) {
    return installRollout(cd, now, provisioningMillis);
  }
  const helm = getCondition(cd, TYPES.helmReleaseReady);
  const outcome = recordedHelmOutcome(cd);
  const upgrading =
    (outcome && outcome.reason.startsWith('Upgrade')) ||
    (helm?.message ?? '').includes("'upgrade'");
  const kind: RolloutKind = upgrading ? 'upgrade' : 'install';
  const changedServices = servicesToDeploy(cd, false);
  const base = {
    kind,
    durationMs: durationOf(kind, provisioningMillis),
    revision: Math.max(1, recordedRevision(cd)),
    changedServices,
    helmOutcome: outcome,
  };

  const isTrue = (type: string) => getCondition(cd, type)?.status === 'True';
  const capi = getCondition(cd, TYPES.capiClusterSummary);
  let stage: Stage;
  if (outcome && !outcome.succeeded) {
    stage = 'releaseReady';
  } else if (outcome && capi?.status === 'True') {
    if (changedServices.length > 0) {
      // The cluster is up: only services are left to deploy.
      return {
        kind: 'services',
        startedAt: now,
        durationMs: durationOf('services', provisioningMillis),
        revision: base.revision,
        changedServices,
        helmOutcome: outcome,
      };
    }
    stage = 'capiReady';
  } else if (outcome && capi) {
    stage = capi.message.startsWith('* WorkersAvailable')
      ? 'capiControlPlaneReady'
      : 'capiProvisioning';
  } else if (outcome) {
    stage = 'releaseReady';
  } else if (helm?.status === 'Unknown' && helm.message.startsWith('Running')) {
    stage = 'releaseRunning';
  } else if (isTrue(TYPES.helmChartReady)) {
    stage = 'chartReady';
  } else if (isTrue(TYPES.templateReady)) {
    stage = 'templateReady';
  } else if (isTrue(TYPES.credentialReady)) {
    stage = 'credentialReady';
  } else {
    stage = 'initialised';
  }
  return startedAtFor(base, stage, now);
}
