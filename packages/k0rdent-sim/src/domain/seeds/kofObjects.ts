/*
 * What kof-operator generates for a regional KOF cluster that the plugins read: the
 * PromxyServerGroup Promxy fans out to.
 */
import {
  K0RDENT_LABELS,
  KOF_NAMESPACE,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../store/types';
import { object } from './objectBuilders';

export function promxyServerGroup(
  regionalCluster: string,
  domain: string,
  createdAt: number,
): KubeObject {
  const hash = createHash('sha256')
    .update(regionalCluster)
    .digest('hex')
    .slice(0, 8);
  return object(
    'PromxyServerGroup',
    {
      name: `${regionalCluster}-metrics`,
      namespace: KOF_NAMESPACE,
      labels: {
        [K0RDENT_LABELS.kofSecretName]: 'kof-mothership-promxy-config',
        [K0RDENT_LABELS.kofGenerated]: 'true',
        'app.kubernetes.io/managed-by': 'kof-operator',
      },
    },
    createdAt,
    {
      spec: {
        cluster_name: regionalCluster,
        targets: [`vmauth.${domain}:443`],
        path_prefix: '/vm/select/0/prometheus',
        scheme: 'https',
        http_client: {
          dial_timeout: '10s',
          tls_config: { insecure_skip_verify: false },
          basic_auth: {
            credentials_secret_name: `kof-vmuser-creds-admin-${hash}`,
            username_key: 'username',
            password_key: 'password',
          },
        },
      },
    },
  );
}
