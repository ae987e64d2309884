/*
 * A kubeconfig for the simulator, for kubectl and for clients that load files.
 */
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  /** The API server URL, e.g. `https://127.0.0.1:6443`. */
  server: string;
  /** Bearer token; leave out for a server without authentication. */
  token?: string;
  /** PEM certificate to trust (the server's self-signed one); otherwise TLS is not verified. */
  certificateAuthority?: string;
  /** Default namespace of the context. */
  namespace?: string;
  /** Name of the cluster, user and context (default `k0rdent-sim`). */
  name?: string;
}

/** The kubeconfig as YAML text. */
export function kubeconfigYaml(options: KubeconfigOptions): string {
  const name = options.name ?? 'k0rdent-sim';
  const cluster: Record<string, unknown> = { server: options.server };
  if (options.server.startsWith('https:')) {
    if (options.certificateAuthority) {
      cluster['certificate-authority-data'] = Buffer.from(
        options.certificateAuthority,
      ).toString('base64');
    } else {
      cluster['insecure-skip-tls-verify'] = true;
    }
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name, user: options.token ? { token: options.token } : {} }],
    contexts: [
      {
        name,
        context: {
          cluster: name,
          user: name,
          ...(options.namespace ? { namespace: options.namespace } : {}),
        },
      },
    ],
    'current-context': name,
  });
}
