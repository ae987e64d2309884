/*
 * Values read from a ClusterDeployment's Helm values (`spec.config`), the way the
 * shipped templates carry them. Nothing else of the config is read: it may hold
 * secrets.
 */
import type { JsonObject, JsonValue } from './meta';

/** A string with more than white space, else undefined. */
export function nonEmptyString(
  value: JsonValue | undefined,
): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function field(
  value: JsonValue | undefined,
  key: string,
): JsonValue | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? value[key]
    : undefined;
}

/**
 * The version carried in Helm values: `k0s.version` (k0s-based templates, e.g.
 * `v1.36.3+k0s.2`), `kubernetes.version` (EKS, AKS) or `version` (GKE; null = let GKE choose).
 * @public
 */
export function kubernetesVersionFromConfig(
  config: JsonObject | undefined,
): string | undefined {
  if (!config) {
    return undefined;
  }
  return (
    nonEmptyString(field(config.k0s, 'version')) ??
    nonEmptyString(field(config.kubernetes, 'version')) ??
    nonEmptyString(config.version)
  );
}

/**
 * The cloud's own region or location: `region` (AWS, GCP), `location` (Azure),
 * `identityRef.region` (OpenStack) or `vsphere.datacenter` (vSphere, which KOF
 * also uses as the location).
 * @public
 */
export function cloudRegionFromConfig(
  config: JsonObject | undefined,
): string | undefined {
  if (!config) {
    return undefined;
  }
  return (
    nonEmptyString(config.region) ??
    nonEmptyString(config.location) ??
    nonEmptyString(field(config.identityRef, 'region')) ??
    nonEmptyString(field(config.vsphere, 'datacenter'))
  );
}
