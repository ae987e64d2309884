/*
 * The timeline of a ClusterDeployment rollout. A rollout (install, Helm upgrade, or a
 * change of services only) moves through named stages at fixed fractions of its
 * duration; the status is a function of the stage reached, so a timer per stage
 * boundary is all a controller needs, and a rollout can resume from the status alone.
 */

export type RolloutKind = 'install' | 'upgrade' | 'services';

/** Stages in the order a cluster reaches them. */
export const STAGES = [
  'initialised',
  'credentialReady',
  'templateReady',
  'chartReady',
  'releaseRunning',
  'releaseReady',
  'capiProvisioning',
  'capiControlPlaneReady',
  'capiReady',
] as const;

export type Stage = (typeof STAGES)[number];

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The outcome of the Helm install/upgrade, decided once when the release finishes. */
export interface HelmOutcome {
  succeeded: boolean;
  reason: string;
  message: string;
}

export interface Rollout {
  kind: RolloutKind;
  startedAt: number;
  durationMs: number;
  /** Helm release revision this rollout produces. */
  revision: number;
  /** Keys (`namespace/name`) of own services deployed by this rollout. */
  changedServices: string[];
  helmOutcome?: HelmOutcome;
}

/** How long each kind takes, as a share of the simulated provisioning time. */
export const ROLLOUT_SHARE: Record<RolloutKind, number> = {
  install: 1,
  upgrade: 0.6,
  services: 0.2,
};

/** Deletion takes half the provisioning time. */
export const DELETION_SHARE = 0.5;

type Schedule = ReadonlyArray<readonly [number, Stage]>;

/** Services deploy at the end of a rollout, after the cluster is up. */
const SERVICES_FROM = 0.85;

function installSchedule(hasServiceWork: boolean): Schedule {
  return [
    [0, 'initialised'],
    [0.05, 'credentialReady'],
    [0.1, 'templateReady'],
    [0.15, 'chartReady'],
    [0.2, 'releaseRunning'],
    [0.4, 'releaseReady'],
    [0.5, 'capiProvisioning'],
    [0.7, 'capiControlPlaneReady'],
    [hasServiceWork ? SERVICES_FROM : 1, 'capiReady'],
  ];
}

function upgradeSchedule(hasServiceWork: boolean): Schedule {
  return [
    [0, 'releaseRunning'],
    [0.3, 'releaseReady'],
    [0.4, 'capiProvisioning'],
    [hasServiceWork ? SERVICES_FROM : 1, 'capiReady'],
  ];
}

export function scheduleOf(rollout: Rollout): Schedule {
  const hasServiceWork = rollout.changedServices.length > 0;
  switch (rollout.kind) {
    case 'install':
      return installSchedule(hasServiceWork);
    case 'upgrade':
      return upgradeSchedule(hasServiceWork);
    default:
      return [[0, 'capiReady']];
  }
}

/** The [from, to] share of the rollout in which changed services deploy. */
export function servicesWindowOf(
  rollout: Rollout,
): [number, number] | undefined {
  if (rollout.changedServices.length === 0) {
    return undefined;
  }
  return rollout.kind === 'services' ? [0, 1] : [SERVICES_FROM, 1];
}

/** Tolerance for comparing shares (boundaries are rounded to whole milliseconds). */
export const SHARE_EPSILON = 1e-6;

/** Share of the rollout elapsed at `now`, clamped to [0, 1]. */
export function progressOf(rollout: Rollout, now: number): number {
  if (rollout.durationMs <= 0) {
    return 1;
  }
  return Math.min(
    1,
    Math.max(0, (now - rollout.startedAt) / rollout.durationMs),
  );
}

/** Whether the rollout has reached a share at `now`. */
export function hasReached(
  rollout: Rollout,
  share: number,
  now: number,
): boolean {
  return progressOf(rollout, now) + SHARE_EPSILON >= share;
}

/** The stage reached at `now`. */
export function stageAt(rollout: Rollout, now: number): Stage {
  const schedule = scheduleOf(rollout);
  let reached: Stage = schedule[0][1];
  for (const [from, stage] of schedule) {
    if (hasReached(rollout, from, now)) {
      reached = stage;
    }
  }
  return reached;
}

/** Share of the rollout at which a stage starts (for resuming a rollout from status). */
export function shareOfStage(rollout: Rollout, stage: Stage): number {
  const entry = scheduleOf(rollout).find(([, s]) => s === stage);
  if (entry) {
    return entry[0];
  }
  // Stages the schedule skips (an upgrade never re-checks the credential) count as done.
  return 0;
}

/** Absolute times at which anything in the rollout changes, in order. */
export function boundariesOf(
  rollout: Rollout,
  serviceLevels: number,
): number[] {
  const shares = new Set<number>(scheduleOf(rollout).map(([from]) => from));
  const window = servicesWindowOf(rollout);
  if (window) {
    const levels = Math.max(1, serviceLevels);
    for (let level = 0; level <= levels; level++) {
      shares.add(window[0] + ((window[1] - window[0]) * level) / levels);
    }
  }
  shares.add(1);
  return [...shares]
    .sort((a, b) => a - b)
    .map(share => Math.ceil(rollout.startedAt + share * rollout.durationMs));
}

/** The next boundary after `now`, or undefined when the rollout has played out. */
export function nextBoundary(
  rollout: Rollout,
  serviceLevels: number,
  now: number,
): number | undefined {
  return boundariesOf(rollout, serviceLevels).find(at => at > now);
}
