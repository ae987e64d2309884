/*
 * The child cluster's kubeconfig Secret CAPI writes once the control plane is up:
 * `<cd>-kubeconfig`, key `value`. Well-formed, obviously fake credentials.
 */
import type { ClusterDeployment } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../../store/types';

export function kubeconfigSecretName(cdName: string): string {
  return `${cdName}-kubeconfig`;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const fakePem = (what: string) =>
  base64(
    `-----BEGIN ${what}-----\nRkFLRS1TSU1VTEFUT1ItREFUQS1OT1QtQS1SRUFMLUtFWQ==\n-----END ${what}-----\n`,
  );

const FAKE_CA = fakePem('CERTIFICATE');
const FAKE_CERT = fakePem('CERTIFICATE');
const FAKE_KEY = fakePem('RSA PRIVATE KEY');

/** The kubeconfig YAML of a simulated child cluster (written by hand: seeds make thousands). */
export function childKubeconfig(
  cd: Pick<ClusterDeployment, 'metadata'>,
): string {
  const name = cd.metadata.name;
  const user = `${name}-admin`;
  const server = `https://${name}.${
    cd.metadata.namespace ?? 'default'
  }.clusters.k0rdent.example:6443`;
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${name}`,
    '    cluster:',
    `      server: ${server}`,
    `      certificate-authority-data: ${FAKE_CA}`,
    'contexts:',
    `  - name: ${user}@${name}`,
    '    context:',
    `      cluster: ${name}`,
    `      user: ${user}`,
    `current-context: ${user}@${name}`,
    'users:',
    `  - name: ${user}`,
    '    user:',
    `      client-certificate-data: ${FAKE_CERT}`,
    `      client-key-data: ${FAKE_KEY}`,
    'preferences: {}',
    '',
  ].join('\n');
}

export function kubeconfigSecret(
  cd: Pick<ClusterDeployment, 'metadata'>,
): KubeObject {
  const name = cd.metadata.name;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: kubeconfigSecretName(name),
      namespace: cd.metadata.namespace,
      labels: { 'cluster.x-k8s.io/cluster-name': name },
    },
    type: 'cluster.x-k8s.io/secret',
    data: { value: base64(childKubeconfig(cd)) },
  };
}
