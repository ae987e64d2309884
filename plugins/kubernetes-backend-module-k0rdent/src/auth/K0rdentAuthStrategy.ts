/*
 * Server-side authentication to a k0rdent child cluster with the credential of
 * its own kubeconfig (a client certificate and key, or a token), read from the
 * management cluster inside the backend. Nothing of it reaches the browser: the
 * strategy presents no auth metadata, and the credential is only ever sent to
 * the API server named in that same kubeconfig.
 */
import type { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
import type {
  AuthenticationStrategy,
  AuthMetadata,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { ENTITY_ANNOTATIONS } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  describeLocation,
  type ChildKubeconfigs,
} from '../kubeconfig/ChildKubeconfigs';
import {
  checkCredential,
  ChildKubeconfigError,
} from '../kubeconfig/parseChildKubeconfig';
import {
  K0rdentClustersSupplier,
  locationFromAuthMetadata,
} from '../supplier/K0rdentClustersSupplier';

/**
 * Options of {@link K0rdentAuthStrategy}.
 *
 * @public
 */
export interface K0rdentAuthStrategyOptions {
  kubeconfigs: ChildKubeconfigs;
  /** Says which ClusterDeployments exist and are Ready. */
  clusters: Pick<K0rdentClustersSupplier, 'isReady'>;
}

function sameServer(a: string, b: string): boolean {
  try {
    const normalize = (url: string) => new URL(url).href.replace(/\/+$/, '');
    return normalize(a) === normalize(b);
  } catch {
    return false;
  }
}

/**
 * The `k0rdent` auth strategy of the Kubernetes backend.
 *
 * @public
 */
export class K0rdentAuthStrategy implements AuthenticationStrategy {
  readonly #kubeconfigs: ChildKubeconfigs;
  readonly #clusters: Pick<K0rdentClustersSupplier, 'isReady'>;

  constructor(options: K0rdentAuthStrategyOptions) {
    this.#kubeconfigs = options.kubeconfigs;
    this.#clusters = options.clusters;
  }

  async getCredential(
    clusterDetails: ClusterDetails,
    _requestAuth: KubernetesRequestAuth,
  ): Promise<KubernetesCredential> {
    const location = locationFromAuthMetadata(clusterDetails.authMetadata);
    if (!location) {
      throw new Error(
        `Kubernetes cluster '${clusterDetails.name}' uses the k0rdent auth provider but does not name its ClusterDeployment (auth metadata ${ENTITY_ANNOTATIONS.managementCluster}, ${ENTITY_ANNOTATIONS.namespace}, ${ENTITY_ANNOTATIONS.name})`,
      );
    }
    if (!this.#clusters.isReady(location)) {
      throw new Error(
        `Kubernetes cluster '${clusterDetails.name}': the k0rdent cluster '${location.namespace}/${location.name}' on management cluster '${location.managementCluster}' is unknown or not Ready`,
      );
    }
    const { credential, endpoint } = await this.#kubeconfigs.credential(
      location,
    );
    if (!sameServer(endpoint.server, clusterDetails.url)) {
      throw new Error(
        `Kubernetes cluster '${clusterDetails.name}': its URL is not the API server of the k0rdent cluster's kubeconfig; its credential is only sent there`,
      );
    }
    try {
      checkCredential(credential);
    } catch (e) {
      if (e instanceof ChildKubeconfigError) {
        throw new Error(
          `Cannot use the kubeconfig of k0rdent cluster ${describeLocation(
            location,
          )}: ${e.message}`,
        );
      }
      throw e;
    }
    return credential;
  }

  validateCluster(authMetadata: AuthMetadata): Error[] {
    return locationFromAuthMetadata(authMetadata)
      ? []
      : [
          new Error(
            `the k0rdent auth provider needs the auth metadata ${ENTITY_ANNOTATIONS.managementCluster}, ${ENTITY_ANNOTATIONS.namespace} and ${ENTITY_ANNOTATIONS.name}`,
          ),
        ];
  }

  presentAuthMetadata(_authMetadata: AuthMetadata): AuthMetadata {
    return {};
  }
}
