/*
 * The kubeconfig CAPI writes for a child cluster (`<cd>-kubeconfig`, key `value`),
 * reduced to what the Kubernetes plugin needs: the API server URL, its CA and one
 * credential. Only data embedded in the kubeconfig is used: file references,
 * exec plugins and auth-provider plugins are refused, so a kubeconfig can never
 * make the backend read its own files or run a program.
 *
 * Error messages name the field that is wrong, never a value from the kubeconfig.
 */
import type { KubernetesCredential } from '@backstage/plugin-kubernetes-node';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { parse } from 'yaml';

/** Where a child cluster answers. Nothing in here is secret. */
export interface ChildEndpoint {
  /** The API server URL from the kubeconfig. */
  server: string;
  /** base64 PEM of the CA (`certificate-authority-data`), as ClusterDetails.caData expects. */
  caData?: string;
}

/** A child cluster's kubeconfig, parsed. */
export interface ChildKubeconfig {
  endpoint: ChildEndpoint;
  credential: KubernetesCredential;
}

/** Why a kubeconfig cannot be used. The message names a field, never a value. */
export class ChildKubeconfigError extends Error {
  name = 'ChildKubeconfigError' as const;
}

type Named<T> = { name?: unknown } & T;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

function pick<T>(
  list: unknown,
  name: string | undefined,
  field: string,
): Named<T> {
  if (!Array.isArray(list) || list.length === 0) {
    throw new ChildKubeconfigError(`the kubeconfig has no ${field}`);
  }
  const entries = list.map(record).filter(Boolean) as Array<Named<T>>;
  const found =
    name === undefined ? entries[0] : entries.find(e => e.name === name);
  if (!found) {
    throw new ChildKubeconfigError(
      `the kubeconfig's current context names a missing entry of ${field}`,
    );
  }
  return found;
}

const decode = (base64: string) =>
  Buffer.from(base64, 'base64').toString('utf8');

const UNSUPPORTED_USER_FIELDS: Array<[string, string]> = [
  ['exec', 'an exec credential plugin'],
  ['auth-provider', 'an auth-provider plugin'],
  ['tokenFile', 'a token file'],
  ['client-certificate', 'a client certificate file'],
  ['client-key', 'a client key file'],
  ['username', 'basic authentication'],
];

/**
 * Parses a child cluster's kubeconfig (YAML or JSON text).
 *
 * @remarks
 * Uses the current context (or the first one), its cluster's `server` and
 * `certificate-authority-data`, and its user's `client-certificate-data` +
 * `client-key-data` (preferred) or `token`. Throws {@link ChildKubeconfigError}
 * for anything else.
 */
export function parseChildKubeconfig(text: string): ChildKubeconfig {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = record(parse(text));
  } catch {
    // The YAML parser's message quotes the text around the error: never pass it on.
    doc = undefined;
  }
  if (!doc) {
    throw new ChildKubeconfigError('the kubeconfig is not a YAML mapping');
  }

  const currentContext = nonEmptyString(doc['current-context']);
  const contextEntry = Array.isArray(doc.contexts)
    ? pick<{ context?: unknown }>(doc.contexts, currentContext, 'contexts')
    : undefined;
  const context = record(contextEntry?.context);
  const clusterName = context ? nonEmptyString(context.cluster) : undefined;
  const userName = context ? nonEmptyString(context.user) : undefined;

  const cluster = record(
    pick<{ cluster?: unknown }>(doc.clusters, clusterName, 'clusters').cluster,
  );
  const user = record(
    pick<{ user?: unknown }>(doc.users, userName, 'users').user,
  );
  if (!cluster) {
    throw new ChildKubeconfigError('the kubeconfig cluster has no `cluster`');
  }
  if (!user) {
    throw new ChildKubeconfigError('the kubeconfig user has no `user`');
  }

  const server = nonEmptyString(cluster.server);
  if (!server) {
    throw new ChildKubeconfigError('the kubeconfig cluster has no `server`');
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ChildKubeconfigError(
      'the kubeconfig cluster `server` is not a URL',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ChildKubeconfigError(
      'the kubeconfig cluster `server` is not an http(s) URL',
    );
  }
  if (cluster['certificate-authority'] !== undefined) {
    throw new ChildKubeconfigError(
      'the kubeconfig cluster uses `certificate-authority` (a file); only `certificate-authority-data` is supported',
    );
  }
  if (cluster['insecure-skip-tls-verify'] === true) {
    throw new ChildKubeconfigError(
      'the kubeconfig cluster sets `insecure-skip-tls-verify`, which is not supported',
    );
  }
  const caData = nonEmptyString(cluster['certificate-authority-data']);

  const endpoint: ChildEndpoint = { server, ...(caData ? { caData } : {}) };

  const certData = nonEmptyString(user['client-certificate-data']);
  const keyData = nonEmptyString(user['client-key-data']);
  if (certData && keyData) {
    return {
      endpoint,
      credential: {
        type: 'x509 client certificate',
        cert: decode(certData),
        key: decode(keyData),
      },
    };
  }
  const token = nonEmptyString(user.token);
  if (token) {
    return { endpoint, credential: { type: 'bearer token', token } };
  }
  if (certData || keyData) {
    throw new ChildKubeconfigError(
      'the kubeconfig user has only one of `client-certificate-data` and `client-key-data`',
    );
  }
  for (const [field, what] of UNSUPPORTED_USER_FIELDS) {
    if (user[field] !== undefined) {
      throw new ChildKubeconfigError(
        `the kubeconfig user uses \`${field}\` (${what}); only \`token\` or \`client-certificate-data\` + \`client-key-data\` are supported`,
      );
    }
  }
  throw new ChildKubeconfigError(
    'the kubeconfig user has neither `token` nor `client-certificate-data` + `client-key-data`',
  );
}

/**
 * Throws {@link ChildKubeconfigError} when a client certificate or key cannot
 * be loaded. The Kubernetes backend would otherwise fail while building its TLS
 * agent, with an OpenSSL message that names neither the cluster nor the field.
 */
export function checkCredential(credential: KubernetesCredential): void {
  if (credential.type !== 'x509 client certificate') return;
  try {
    // eslint-disable-next-line no-new
    new X509Certificate(credential.cert);
  } catch {
    throw new ChildKubeconfigError(
      'the kubeconfig user `client-certificate-data` is not a PEM certificate',
    );
  }
  try {
    createPrivateKey(credential.key);
  } catch {
    throw new ChildKubeconfigError(
      'the kubeconfig user `client-key-data` is not a PEM private key',
    );
  }
}
