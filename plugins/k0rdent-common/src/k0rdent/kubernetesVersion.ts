/*
 * The Kubernetes version of a ClusterDeployment. `status.k8sVersion` is empty for all
 * shipped templates, so the version is derived from the Helm values the way each
 * template family carries it (API fact sheet §3.1).
 */
import { kubernetesVersionFromConfig, nonEmptyString } from './clusterValues';
import type { JsonObject } from './meta';

/** The parts of a ClusterDeployment the version is read from. @public */
export interface WithClusterConfig {
  spec?: { config?: JsonObject };
  status?: { k8sVersion?: string };
}

/** The parts of a ClusterTemplate the version is read from. @public */
export interface WithTemplateVersion {
  spec?: { k8sVersion?: string };
  status?: { k8sVersion?: string; config?: JsonObject };
}

/**
 * The Kubernetes version of a cluster, first found of: the CD's `status.k8sVersion`,
 * its `spec.config`, the template's k8sVersion (status, then spec), the template's
 * default values (`status.config`). The value is returned as written (k0s versions
 * keep their `+k0s.N` suffix).
 * @public
 */
export function kubernetesVersionOf(
  cd: WithClusterConfig,
  template?: WithTemplateVersion,
): string | undefined {
  return (
    nonEmptyString(cd.status?.k8sVersion) ??
    kubernetesVersionFromConfig(cd.spec?.config) ??
    nonEmptyString(template?.status?.k8sVersion) ??
    nonEmptyString(template?.spec?.k8sVersion) ??
    kubernetesVersionFromConfig(template?.status?.config)
  );
}
