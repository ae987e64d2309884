import {
  clusterPhase,
  getCondition,
  type ClusterDeployment,
  type Condition,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { parse } from 'yaml';
import type { KubeObject } from '../../../store/types';
import { startHarness, type Harness } from '../../testing/controllerHarness';
import { NS, clusterDeployment, fixtureObjects } from '../../testing/fixtures';
import { object } from '../../seeds/objectBuilders';

const P = 10_000;

/** Every status the object had, in order. */
function recordStatuses(h: Harness, name: string): ClusterDeployment[] {
  const seen: ClusterDeployment[] = [];
  h.store.subscribe(event => {
    if (
      event.object.kind === 'ClusterDeployment' &&
      event.object.metadata.name === name
    ) {
      seen.push(event.object as unknown as ClusterDeployment);
    }
  });
  return seen;
}

/** When (index in `statuses`) each condition type first became True. */
function firstTrue(statuses: ClusterDeployment[], type: string): number {
  return statuses.findIndex(cd => getCondition(cd, type)?.status === 'True');
}

const cd = (h: Harness, name: string) =>
  h.get<ClusterDeployment>('ClusterDeployment', name, NS)!;
const condition = (
  h: Harness,
  name: string,
  type: string,
): Condition | undefined => getCondition(cd(h, name), type);

describe('ClusterDeploymentController', () => {
  let h: Harness;

  beforeEach(() => {
    h = startHarness({ objects: fixtureObjects(), provisioningMillis: P });
  });

  afterEach(() => h.stop());

  it('takes a new cluster to Ready through its conditions in order', () => {
    const statuses = recordStatuses(h, 'dev-1');
    h.store.create(clusterDeployment('dev-1'));
    h.settle();
    expect(cd(h, 'dev-1').metadata.finalizers).toEqual([
      'k0rdent.mirantis.com/cluster-deployment',
    ]);
    expect(cd(h, 'dev-1').metadata.labels).toMatchObject({
      'k0rdent.mirantis.com/component': 'kcm',
    });

    h.advance(P / 2);
    expect(condition(h, 'dev-1', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'Progressing',
    });
    expect(clusterPhase(cd(h, 'dev-1'))).toBe('Provisioning');

    h.advance(P);
    const order = [
      'CredentialReady',
      'TemplateReady',
      'HelmChartReady',
      'HelmReleaseReady',
      'CAPIClusterSummary',
      'ServicesInReadyState',
      'Ready',
    ].map(type => firstTrue(statuses, type));
    expect(order.every(index => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[3]).toBeLessThan(order[4]);

    const ready = cd(h, 'dev-1');
    expect(clusterPhase(ready)).toBe('Ready');
    expect(getCondition(ready, 'Ready')).toMatchObject({
      reason: 'Succeeded',
      message: 'Object is ready',
    });
    expect(getCondition(ready, 'HelmReleaseReady')).toMatchObject({
      reason: 'InstallSucceeded',
      message:
        'Helm install succeeded for release kcm-system/dev-1.v1 with chart aws-standalone-cp@1.0.43',
    });
    expect(ready.status?.observedGeneration).toBe(ready.metadata.generation);
    // Every status write moved the cluster forward: no write repeats the previous status.
    const written = statuses.map(s => JSON.stringify(s.status ?? null));
    expect(new Set(written).size).toBeGreaterThan(6);
  });

  it('passes through Progressing while in flight, never Failed', () => {
    const statuses = recordStatuses(h, 'dev-2');
    h.store.create(clusterDeployment('dev-2'));
    h.advance(2 * P);
    const reasons = new Set(
      statuses.map(s => getCondition(s, 'Ready')?.reason).filter(Boolean),
    );
    expect([...reasons]).toEqual(
      expect.arrayContaining(['Progressing', 'Succeeded']),
    );
    expect(reasons.has('Failed')).toBe(false);
  });

  it('writes the child kubeconfig Secret once the control plane is up', () => {
    h.store.create(clusterDeployment('dev-3'));
    h.settle();
    expect(h.get('Secret', 'dev-3-kubeconfig', NS)).toBeUndefined();
    h.advance(2 * P);
    const secret = h.get<KubeObject>('Secret', 'dev-3-kubeconfig', NS)!;
    const kubeconfig = parse(
      Buffer.from(
        (secret.data as { value: string }).value,
        'base64',
      ).toString(),
    );
    expect(kubeconfig).toMatchObject({
      kind: 'Config',
      'current-context': 'dev-3-admin@dev-3',
    });
    expect(kubeconfig.clusters[0].cluster.server).toMatch(/^https:\/\/dev-3\./);
  });

  it('deploys services in dependsOn order', () => {
    const statuses = recordStatuses(h, 'svc-1');
    h.store.create(
      clusterDeployment('svc-1', {
        services: [
          {
            name: 'ingress-nginx',
            namespace: 'ingress-nginx',
            template: 'ingress-nginx-4-15-1',
            dependsOn: [{ name: 'cert-manager', namespace: 'cert-manager' }],
          },
          {
            name: 'cert-manager',
            namespace: 'cert-manager',
            template: 'cert-manager-1-21-1',
          },
        ],
      }),
    );
    h.advance(2 * P);
    const stateOf = (s: ClusterDeployment, name: string) =>
      s.status?.services?.find(x => x.name === name)?.state;
    const certDeployed = statuses.findIndex(
      s => stateOf(s, 'cert-manager') === 'Deployed',
    );
    const ingressProvisioning = statuses.findIndex(
      s => stateOf(s, 'ingress-nginx') === 'Provisioning',
    );
    expect(statuses.some(s => stateOf(s, 'ingress-nginx') === 'Pending')).toBe(
      true,
    );
    expect(certDeployed).toBeGreaterThan(-1);
    expect(ingressProvisioning).toBeGreaterThanOrEqual(certDeployed);
    const final = cd(h, 'svc-1');
    expect(
      final.status?.services?.map(s => [s.name, s.state, s.version]),
    ).toEqual([
      ['ingress-nginx', 'Deployed', '4.15.1'],
      ['cert-manager', 'Deployed', '1.21.1'],
    ]);
    expect(final.status?.services?.every(s => s.lastDeployedHash)).toBe(true);
    expect(getCondition(final, 'ServicesInReadyState')).toMatchObject({
      status: 'True',
      message: '2/2',
    });
    expect(clusterPhase(final)).toBe('Ready');
  });

  it('fails with CredentialReady when the Credential is missing, and recovers when it appears', () => {
    h.store.create(clusterDeployment('nocred', { credential: 'nope' }));
    h.advance(P);
    expect(condition(h, 'nocred', 'CredentialReady')).toMatchObject({
      status: 'False',
      reason: 'Failed',
      message:
        'failed to get Credential kcm-system/nope: credentials.k0rdent.mirantis.com "nope" not found',
    });
    expect(condition(h, 'nocred', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'Failed',
    });
    expect(clusterPhase(cd(h, 'nocred'))).toBe('Failed');

    h.store.create(
      object('Credential', { name: 'nope', namespace: NS }, h.clock.now(), {
        spec: {
          identityRef: {
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
            kind: 'AWSClusterRoleIdentity',
            name: 'x',
          },
        },
      }),
    );
    h.advance(2 * P);
    expect(clusterPhase(cd(h, 'nocred'))).toBe('Ready');
  });

  it('fails while the Credential is not ready (identity Secret missing)', () => {
    h.store.create(clusterDeployment('os-1', { credential: 'openstack-cred' }));
    h.advance(P);
    expect(condition(h, 'os-1', 'CredentialReady')?.message).toBe(
      'the Credential kcm-system/openstack-cred is not ready',
    );
    expect(clusterPhase(cd(h, 'os-1'))).toBe('Failed');

    h.store.create(
      object(
        'Secret',
        { name: 'openstack-clouds', namespace: NS },
        h.clock.now(),
        { data: {} },
      ),
    );
    h.advance(2 * P);
    expect(clusterPhase(cd(h, 'os-1'))).toBe('Ready');
  });

  it('fails with TemplateReady when the template is invalid or missing', () => {
    h.store.create(clusterDeployment('bad-tpl', { template: 'mystery-0-1-0' }));
    h.store.create(
      clusterDeployment('no-tpl', { template: 'aws-standalone-cp-9-9-9' }),
    );
    h.advance(P);
    expect(condition(h, 'bad-tpl', 'TemplateReady')?.message).toMatch(
      /^ClusterTemplate kcm-system\/mystery-0-1-0 is not marked as valid: HelmChart kcm-system\/mystery-0-1-0 is not ready/,
    );
    expect(condition(h, 'no-tpl', 'TemplateReady')?.message).toBe(
      'failed to get ClusterTemplate kcm-system/aws-standalone-cp-9-9-9: clustertemplates.k0rdent.mirantis.com "aws-standalone-cp-9-9-9" not found',
    );
    expect(clusterPhase(cd(h, 'bad-tpl'))).toBe('Failed');
  });

  it('reports a Helm install failure when the values break the chart schema, then retries after a fix', () => {
    h.store.create(
      clusterDeployment('helm-1', {
        config: {
          region: 'us-east-1',
          controlPlane: { instanceType: 'm5.large' },
        },
      }),
    );
    h.advance(2 * P);
    const helm = condition(h, 'helm-1', 'HelmReleaseReady');
    expect(helm).toMatchObject({ status: 'False', reason: 'InstallFailed' });
    expect(helm?.message).toContain(
      '- worker.instanceType: String length must be greater than or equal to 1',
    );
    expect(clusterPhase(cd(h, 'helm-1'))).toBe('Failed');
    expect(h.get('Secret', 'helm-1-kubeconfig', NS)).toBeUndefined();

    const current = cd(h, 'helm-1');
    h.store.update({
      ...(current as unknown as KubeObject),
      spec: {
        ...current.spec,
        config: {
          ...current.spec!.config,
          worker: { instanceType: 'm5.large' },
        },
      },
    });
    h.advance(2 * P);
    expect(condition(h, 'helm-1', 'HelmReleaseReady')?.reason).toBe(
      'InstallSucceeded',
    );
    expect(clusterPhase(cd(h, 'helm-1'))).toBe('Ready');
  });

  it('upgrades along the chain: the Helm release runs again and availableUpgrades moves on', () => {
    const statuses = recordStatuses(h, 'old-1');
    h.store.create(
      clusterDeployment('old-1', { template: 'aws-standalone-cp-1-0-40' }),
    );
    h.advance(2 * P);
    expect(cd(h, 'old-1').status?.availableUpgrades).toEqual([
      'aws-standalone-cp-1-0-43',
    ]);
    expect(clusterPhase(cd(h, 'old-1'))).toBe('Ready');

    const current = cd(h, 'old-1');
    h.store.update({
      ...(current as unknown as KubeObject),
      spec: { ...current.spec, template: 'aws-standalone-cp-1-0-43' },
    });
    h.settle();
    expect(condition(h, 'old-1', 'HelmReleaseReady')).toMatchObject({
      status: 'Unknown',
      message: "Running 'upgrade' action with timeout of 10m0s",
    });
    expect(clusterPhase(cd(h, 'old-1'))).toBe('Provisioning');
    h.advance(P);
    const upgraded = cd(h, 'old-1');
    expect(getCondition(upgraded, 'HelmReleaseReady')).toMatchObject({
      reason: 'UpgradeSucceeded',
      message:
        'Helm upgrade succeeded for release kcm-system/old-1.v2 with chart aws-standalone-cp@1.0.43',
    });
    expect(clusterPhase(upgraded)).toBe('Ready');
    expect(upgraded.status?.availableUpgrades).toBeUndefined();
    expect(
      statuses.some(s =>
        getCondition(s, 'CAPIClusterSummary')?.message.includes('Rolling out'),
      ),
    ).toBe(true);
  });

  it('walks through the Deleting reasons, then releases the finalizer and the kubeconfig', () => {
    h.store.create({
      ...clusterDeployment('gone-1'),
      spec: {
        ...(clusterDeployment('gone-1').spec as object),
        cleanupOnDeletion: true,
      },
    });
    h.advance(2 * P);
    expect(h.get('Secret', 'gone-1-kubeconfig', NS)).toBeDefined();
    const statuses = recordStatuses(h, 'gone-1');

    h.store.delete({
      kind: 'ClusterDeployment',
      namespace: NS,
      name: 'gone-1',
    });
    h.settle();
    expect(clusterPhase(cd(h, 'gone-1'))).toBe('Deleting');
    expect(condition(h, 'gone-1', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'Deleting',
    });
    h.advance(P);

    const reasons = statuses
      .map(s => getCondition(s, 'Deleting')?.reason)
      .filter(Boolean);
    const distinct = reasons.filter((r, i) => r !== reasons[i - 1]);
    expect(distinct).toEqual([
      'WaitingForServiceSetsDeletion',
      'WaitingForCloudResourcesDeletion',
      'WaitingForHelmReleaseDeletion',
      'WaitingForClusterDeletion',
      'DeletionCompleted',
    ]);
    expect(h.get('ClusterDeployment', 'gone-1', NS)).toBeUndefined();
    expect(h.get('Secret', 'gone-1-kubeconfig', NS)).toBeUndefined();
  });

  it('stops a dry run after validation', () => {
    const dry = clusterDeployment('dry-1');
    (dry.spec as Record<string, unknown>).dryRun = true;
    h.store.create(dry);
    h.advance(2 * P);
    const status = cd(h, 'dry-1');
    expect(getCondition(status, 'TemplateReady')?.status).toBe('True');
    expect(getCondition(status, 'HelmReleaseReady')).toBeUndefined();
    expect(getCondition(status, 'HelmChartReady')?.status).toBe('Unknown');
    expect(clusterPhase(status)).toBe('Provisioning');
    expect(h.get('Secret', 'dry-1-kubeconfig', NS)).toBeUndefined();
  });

  it('resumes a rollout after a restart and clears its timers on stop', () => {
    h.store.create(clusterDeployment('restart-1'));
    h.advance(P / 3);
    h.stop();
    expect(h.clock.pendingTimers).toBe(0);

    const again = startHarness({ provisioningMillis: P, now: h.clock.now() });
    again.stop();
    // A fresh controller set over the same store picks up where the old one stopped.
    const store = h.store;
    const controllers = again.controllers;
    for (const controller of controllers)
      controller.start({ store, provisioningMillis: P, log: () => {} });
    again.advance(2 * P);
    expect(
      clusterPhase(
        store.get({
          kind: 'ClusterDeployment',
          namespace: NS,
          name: 'restart-1',
        }) as unknown as ClusterDeployment,
      ),
    ).toBe('Ready');
    controllers.forEach(c => c.stop());
    expect(again.clock.pendingTimers).toBe(0);
  });
});
