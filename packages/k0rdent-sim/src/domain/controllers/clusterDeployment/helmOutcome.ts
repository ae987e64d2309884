/*
 * What Flux reports when the HelmRelease of a ClusterDeployment finishes: the chart's
 * values schema is enforced on the merged values (chart defaults, then the CD config
 * with the values KCM injects), as Helm does at install time.
 */
import type {
  ClusterDeployment,
  ClusterTemplate,
  Credential,
  JsonObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { CONDITION_REASONS } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { JsonSchema } from '../../catalog/jsonSchema';
import { mergeValues, validateValues } from '../../catalog/valuesValidation';
import type { HelmOutcome, RolloutKind } from './rollout';

/** The values KCM always injects (clusterIdentity, and CD labels as clusterLabels). */
export function injectedValues(
  cd: ClusterDeployment,
  credential: Credential | undefined,
): JsonObject {
  const config = cd.spec?.config ?? {};
  const injected: JsonObject = {};
  const identity = credential?.spec?.identityRef;
  if (identity) {
    injected.clusterIdentity = {
      apiVersion: identity.apiVersion ?? '',
      kind: identity.kind ?? '',
      name: identity.name ?? '',
      namespace: identity.namespace ?? '',
    };
  }
  if (!('clusterLabels' in config)) {
    injected.clusterLabels = { ...(cd.metadata.labels ?? {}) };
  }
  return mergeValues(config, injected);
}

export function releaseName(cd: ClusterDeployment): string {
  return `${cd.metadata.namespace}/${cd.metadata.name}`;
}

export function chartOf(template: ClusterTemplate | undefined): string {
  const chartSpec = template?.spec?.helm?.chartSpec;
  return chartSpec
    ? `${chartSpec.chart}@${chartSpec.version}`
    : template?.metadata.name ?? '';
}

export function decideHelmOutcome(params: {
  kind: RolloutKind;
  cd: ClusterDeployment;
  template: ClusterTemplate | undefined;
  credential: Credential | undefined;
  schema: JsonSchema | undefined;
  revision: number;
}): HelmOutcome {
  const { kind, cd, template, credential, schema, revision } = params;
  const action = kind === 'install' ? 'install' : 'upgrade';
  const values = mergeValues(
    template?.status?.config ?? {},
    injectedValues(cd, credential),
  );
  const errors = schema ? validateValues(schema, values) : [];
  const chart = chartOf(template);
  if (errors.length > 0) {
    const chartName = template?.spec?.helm?.chartSpec?.chart ?? chart;
    return {
      succeeded: false,
      reason:
        kind === 'install'
          ? CONDITION_REASONS.installFailed
          : CONDITION_REASONS.upgradeFailed,
      message:
        `Helm ${action} failed for release ${releaseName(
          cd,
        )} with chart ${chart}: ` +
        `values don't meet the specifications of the schema(s) in the following chart(s):\n` +
        `${chartName}:\n${errors.join('\n')}`,
    };
  }
  return succeededHelmOutcome(kind, cd, template, revision);
}

/** The outcome of a release whose values are known to be valid. */
export function succeededHelmOutcome(
  kind: RolloutKind,
  cd: ClusterDeployment,
  template: ClusterTemplate | undefined,
  revision: number,
): HelmOutcome {
  const action = kind === 'install' ? 'install' : 'upgrade';
  return {
    succeeded: true,
    reason:
      kind === 'install'
        ? CONDITION_REASONS.installSucceeded
        : CONDITION_REASONS.upgradeSucceeded,
    message: `Helm ${action} succeeded for release ${releaseName(
      cd,
    )}.v${revision} with chart ${chartOf(template)}`,
  };
}
