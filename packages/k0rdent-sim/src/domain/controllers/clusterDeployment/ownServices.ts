/*
 * The services a ClusterDeployment deploys itself (`spec.serviceSpec.services`) as they
 * appear in its `status.services`: Pending until their dependencies are Deployed, then
 * Provisioning, then Deployed, each dependency level taking its slot of the rollout's
 * services window. Entries other controllers own (MultiClusterServices) are kept.
 */
import { createHash } from 'node:crypto';
import type {
  ClusterDeployment,
  Service,
  ServiceState,
  ServiceStateName,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { toKubeTime } from '../../clock';
import { notFoundMessage } from '../../kube/objects';
import { serviceVersionOf } from '../templates/templateStatus';
import { hasReached, servicesWindowOf, type Rollout } from './rollout';

/** `namespace/name` of a service (namespace defaults to `default`). */
export function serviceKey(service: {
  name: string;
  namespace?: string;
}): string {
  return `${service.namespace || 'default'}/${service.name}`;
}

/** The enabled services of a spec. */
export function desiredServices(cd: ClusterDeployment): Service[] {
  return (cd.spec?.serviceSpec?.services ?? []).filter(s => !s.disable);
}

/**
 * Dependency level of each service: 0 without dependencies among the list, else one
 * more than its deepest dependency. Cycles and unknown dependencies count as level 0.
 */
export function dependencyLevels(
  services: readonly Service[],
): Map<string, number> {
  const byKey = new Map(services.map(s => [serviceKey(s), s]));
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (key: string): number => {
    const known = levels.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    const service = byKey.get(key);
    let level = 0;
    for (const dep of service?.dependsOn ?? []) {
      const depKey = serviceKey({
        name: dep.name,
        namespace: dep.namespace ?? service?.namespace,
      });
      if (byKey.has(depKey)) {
        level = Math.max(level, levelOf(depKey) + 1);
      }
    }
    visiting.delete(key);
    levels.set(key, level);
    return level;
  };
  for (const key of byKey.keys()) levelOf(key);
  return levels;
}

/** Number of dependency levels (1 for independent services, 0 for none). */
export function levelCount(services: readonly Service[]): number {
  const levels = [...dependencyLevels(services).values()];
  return levels.length === 0 ? 0 : Math.max(...levels) + 1;
}

/**
 * The services a rollout deploys. Their levels count only among themselves: a
 * dependency that is not part of the rollout is already deployed.
 */
export function changingServices(
  cd: ClusterDeployment,
  rollout: Rollout | undefined,
): Service[] {
  const changed = new Set(rollout?.changedServices ?? []);
  return desiredServices(cd).filter(s => changed.has(serviceKey(s)));
}

/** A stable stand-in for the hash of the deployed Helm release. */
export function deployedHash(cluster: string, service: Service): string {
  return createHash('sha256')
    .update(
      `${cluster}\n${serviceKey(service)}\n${service.template}\n${
        service.values ?? ''
      }`,
    )
    .digest('hex')
    .slice(0, 16);
}

export interface OwnServicesInput {
  cd: ClusterDeployment;
  rollout: Rollout | undefined;
  now: number;
  serviceTemplate(name: string): ServiceTemplate | undefined;
}

function templateProblem(
  namespace: string,
  name: string,
  template: ServiceTemplate | undefined,
): string | undefined {
  if (!template) {
    return `failed to get ServiceTemplate ${namespace}/${name}: ${notFoundMessage(
      'ServiceTemplate',
      name,
    )}`;
  }
  if (template.status && !template.status.valid) {
    return `the ServiceTemplate ${namespace}/${name} is invalid with the error: ${
      template.status.validationError ?? ''
    }`;
  }
  return undefined;
}

export function ownServiceStates(input: OwnServicesInput): ServiceState[] {
  const { cd, rollout, now } = input;
  const namespace = cd.metadata.namespace ?? 'default';
  const current = new Map(
    (cd.status?.services ?? []).map(e => [serviceKey(e), e]),
  );
  const services = desiredServices(cd);
  const changing = changingServices(cd, rollout);
  const levels = dependencyLevels(changing);
  const levelTotal = levelCount(changing);
  const window = rollout ? servicesWindowOf(rollout) : undefined;
  const result: ServiceState[] = [];

  for (const service of services) {
    const key = serviceKey(service);
    const existing = current.get(key);
    const isChanging = rollout?.changedServices.includes(key) ?? false;
    if (
      !isChanging ||
      !rollout ||
      !window ||
      !hasReached(rollout, window[0], now)
    ) {
      if (existing) result.push(existing);
      continue;
    }
    const level = levels.get(key) ?? 0;
    const span = window[1] - window[0];
    const slotStart = window[0] + (span * level) / Math.max(1, levelTotal);
    const slotEnd = window[0] + (span * (level + 1)) / Math.max(1, levelTotal);
    const template = input.serviceTemplate(service.template);
    const problem = templateProblem(namespace, service.template, template);

    let state: ServiceStateName;
    if (!hasReached(rollout, slotStart, now)) {
      state = 'Pending';
    } else if (problem) {
      state = 'Failed';
    } else if (!hasReached(rollout, slotEnd, now)) {
      state = 'Provisioning';
    } else {
      state = 'Deployed';
    }
    const unchanged =
      existing &&
      existing.state === state &&
      existing.template === service.template;
    result.push({
      name: service.name,
      namespace: service.namespace || 'default',
      template: service.template,
      version: service.version ?? serviceVersionOf(template, service.template),
      type: 'Helm',
      state,
      ...(state === 'Failed' && problem ? { failureMessage: problem } : {}),
      lastStateTransitionTime: unchanged
        ? existing.lastStateTransitionTime
        : toKubeTime(now),
      ...(state === 'Deployed'
        ? { lastDeployedHash: deployedHash(cd.metadata.name, service) }
        : {}),
    });
  }
  return result;
}

/**
 * The full `status.services`: own entries first, then entries other controllers put
 * there that a MultiClusterService still claims.
 */
export function composeServices(
  cd: ClusterDeployment,
  own: ServiceState[],
  claimedByMultiClusterServices: ReadonlySet<string>,
): ServiceState[] {
  const ownKeys = new Set(desiredServices(cd).map(serviceKey));
  const others = (cd.status?.services ?? []).filter(
    entry =>
      !ownKeys.has(serviceKey(entry)) &&
      claimedByMultiClusterServices.has(serviceKey(entry)),
  );
  return [...own, ...others];
}
