/*
 * KOF kinds (API fact sheet §6.3). Note the snake_case spec fields.
 */
import type { K0rdentObject } from './meta';

/** `spec` of a PromxyServerGroup: one regional metric store Promxy fans out to. @public */
export interface PromxyServerGroupSpec {
  /** Value of the `promxyCluster` label Promxy adds to series from this store. */
  cluster_name?: string;
  /** `host:port` entries. */
  targets?: string[];
  /** e.g. `/vm/select/0/prometheus`. */
  path_prefix?: string;
  scheme?: 'http' | 'https';
  http_client?: {
    dial_timeout?: string;
    tls_config?: { insecure_skip_verify?: boolean };
    basic_auth?: {
      credentials_secret_name?: string;
      username_key?: string;
      password_key?: string;
    };
  };
}

/** A PromxyServerGroup (`kof.k0rdent.mirantis.com/v1beta1`; empty status). @public */
export type PromxyServerGroup = K0rdentObject<
  'PromxyServerGroup',
  PromxyServerGroupSpec,
  Record<string, never>
>;
