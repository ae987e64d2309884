import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  AdmissionRequest,
  AdmissionResult,
  KubeObject,
} from '../../store/types';
import { object } from '../seeds/objectBuilders';
import { startHarness, type Harness } from '../testing/controllerHarness';
import { NS, clusterDeployment, fixtureObjects } from '../testing/fixtures';
import { createK0rdentAdmissionHooks } from './index';

const VALIDATION =
  'admission webhook "validation.clusterdeployment.k0rdent.mirantis.com" denied the request: ';
const MUTATION =
  'admission webhook "mutation.clusterdeployment.k0rdent.mirantis.com" denied the request: ';

/** Runs all hooks in order, as the API server does; stops at the first denial. */
async function admit(
  h: Harness,
  operation: AdmissionRequest['operation'],
  candidate: KubeObject | undefined,
  oldObject?: KubeObject,
): Promise<AdmissionResult> {
  const kind = findKind((candidate ?? oldObject)!.kind)!;
  for (const hook of createK0rdentAdmissionHooks()) {
    const result = await hook({
      operation,
      kind,
      object: candidate,
      oldObject,
      store: h.store,
    });
    if (!result.allowed) return result;
  }
  return { allowed: true };
}

const denied = (message: string, code = 403) => ({
  allowed: false,
  code,
  message,
});

describe('k0rdent admission webhooks', () => {
  let h: Harness;

  beforeEach(() => {
    h = startHarness({ objects: fixtureObjects(), provisioningMillis: 1000 });
  });

  afterEach(() => h.stop());

  describe('ClusterDeployment create', () => {
    it('allows a valid cluster', async () => {
      expect(await admit(h, 'CREATE', clusterDeployment('ok'))).toEqual({
        allowed: true,
      });
    });

    it('requires the template in the same namespace', async () => {
      expect(
        await admit(
          h,
          'CREATE',
          clusterDeployment('x', { template: 'nope-1-0-0' }),
        ),
      ).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: clustertemplates.k0rdent.mirantis.com "nope-1-0-0" not found`,
        ),
      );
    });

    it('requires a valid template', async () => {
      const result = await admit(
        h,
        'CREATE',
        clusterDeployment('x', { template: 'mystery-0-1-0' }),
      );
      expect(result).toMatchObject({ allowed: false, code: 403 });
      expect(!result.allowed && result.message).toMatch(
        /the ClusterDeployment is invalid: the ClusterTemplate kcm-system\/mystery-0-1-0 is invalid with the error: HelmChart/,
      );
    });

    it('requires an existing, ready Credential', async () => {
      expect(
        await admit(
          h,
          'CREATE',
          clusterDeployment('x', { credential: 'ghost' }),
        ),
      ).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: failed to get Credential kcm-system/ghost referred in the ClusterDeployment kcm-system/x: credentials.k0rdent.mirantis.com "ghost" not found`,
        ),
      );
      expect(
        await admit(
          h,
          'CREATE',
          clusterDeployment('x', { credential: 'openstack-cred' }),
        ),
      ).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: the Credential kcm-system/openstack-cred is not Ready`,
        ),
      );
    });

    it('requires an identity kind the infrastructure provider supports', async () => {
      h.store.create(
        object(
          'Secret',
          { name: 'openstack-clouds', namespace: NS },
          h.clock.now(),
          { data: {} },
        ),
      );
      h.settle();
      expect(
        await admit(
          h,
          'CREATE',
          clusterDeployment('x', { credential: 'openstack-cred' }),
        ),
      ).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: provider infrastructure-aws does not support ClusterIdentity Kind Secret from the Credential kcm-system/openstack-cred`,
        ),
      );
    });

    it('requires valid service templates', async () => {
      const result = await admit(
        h,
        'CREATE',
        clusterDeployment('x', {
          services: [{ name: 'a', template: 'a-1-0-0' }],
        }),
      );
      expect(result).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: failed to get ServiceTemplate kcm-system/a-1-0-0: servicetemplates.k0rdent.mirantis.com "a-1-0-0" not found`,
        ),
      );
    });

    it('copies the template defaults and makes a dry run when config is missing', async () => {
      const cd = clusterDeployment('defaults');
      delete (cd.spec as Record<string, unknown>).config;
      expect(await admit(h, 'CREATE', cd)).toEqual({ allowed: true });
      expect(cd.spec).toMatchObject({
        dryRun: true,
        config: { controlPlaneNumber: 3, workersNumber: 2, region: '' },
      });

      const missing = clusterDeployment('x', { template: 'nope-1-0-0' });
      delete (missing.spec as Record<string, unknown>).config;
      expect(await admit(h, 'CREATE', missing)).toEqual(
        denied(
          `${MUTATION}failed to get ClusterTemplate for the ClusterDeployment kcm-system/x: clustertemplates.k0rdent.mirantis.com "nope-1-0-0" not found`,
        ),
      );
    });
  });

  describe('ClusterDeployment update', () => {
    let stored: KubeObject;

    beforeEach(() => {
      h.store.create(
        clusterDeployment('old', { template: 'aws-standalone-cp-1-0-40' }),
      );
      h.advance(2000);
      stored = h.get<KubeObject>('ClusterDeployment', 'old', NS)!;
    });

    const withTemplate = (template: string) => ({
      ...stored,
      spec: { ...(stored.spec as object), template },
    });

    it('allows upgrades listed in availableUpgrades', async () => {
      expect(
        await admit(
          h,
          'UPDATE',
          withTemplate('aws-standalone-cp-1-0-43'),
          stored,
        ),
      ).toEqual({ allowed: true });
    });

    it('refuses templates off the upgrade path', async () => {
      expect(
        await admit(h, 'UPDATE', withTemplate('mystery-0-1-0'), stored),
      ).toEqual(
        denied(
          `${VALIDATION}cluster upgrade is forbidden: Cluster can't be upgraded from aws-standalone-cp-1-0-40 to mystery-0-1-0. This upgrade sequence is not allowed`,
        ),
      );
    });

    it('refuses an invalid upgrade target even when the chain allows it', async () => {
      const template = h.get<KubeObject>(
        'ClusterTemplate',
        'aws-standalone-cp-1-0-43',
        NS,
      )!;
      h.store.updateStatus(
        {
          kind: 'ClusterTemplate',
          namespace: NS,
          name: template.metadata.name,
        },
        status => ({
          ...status,
          valid: false,
          validationError: 'broken',
        }),
      );
      expect(
        await admit(
          h,
          'UPDATE',
          withTemplate('aws-standalone-cp-1-0-43'),
          stored,
        ),
      ).toEqual(
        denied(
          `${VALIDATION}the ClusterDeployment is invalid: the ClusterTemplate kcm-system/aws-standalone-cp-1-0-43 is invalid with the error: broken`,
        ),
      );
    });

    it('keeps the serviceSpec provider name once set', async () => {
      const before = {
        ...stored,
        spec: {
          ...(stored.spec as object),
          serviceSpec: { provider: { name: 'ksm-projectsveltos' } },
        },
      };
      const after = {
        ...stored,
        spec: {
          ...(stored.spec as object),
          serviceSpec: { provider: { name: 'other' } },
        },
      };
      expect(await admit(h, 'UPDATE', after, before)).toEqual({
        allowed: false,
        code: 422,
        message:
          'ClusterDeployment.k0rdent.mirantis.com "old" is invalid: spec.serviceSpec.provider.name: Invalid value: "string": Provider name is immutable once set',
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.serviceSpec.provider.name',
            message:
              'Invalid value: "string": Provider name is immutable once set',
          },
        ],
      });
    });
  });

  describe('ClusterDeployment delete', () => {
    it('is refused while a Region references the cluster', async () => {
      h.store.create(clusterDeployment('regional'));
      h.store.create(
        object('Region', { name: 'eu' }, h.clock.now(), {
          spec: { clusterDeployment: { name: 'regional', namespace: NS } },
        }),
      );
      const cd = h.get<KubeObject>('ClusterDeployment', 'regional', NS)!;
      expect(await admit(h, 'DELETE', undefined, cd)).toEqual(
        denied(
          `${VALIDATION}ClusterDeployment cannot be deleted: referenced by Region "eu"`,
        ),
      );
      h.store.create(clusterDeployment('plain'));
      expect(
        await admit(
          h,
          'DELETE',
          undefined,
          h.get<KubeObject>('ClusterDeployment', 'plain', NS),
        ),
      ).toEqual({ allowed: true });
    });
  });

  describe('immutable specs', () => {
    it('refuses changes to template and chain specs with the CEL message', async () => {
      const template = h.get<KubeObject>(
        'ClusterTemplate',
        'aws-standalone-cp-1-0-43',
        NS,
      )!;
      const changed = {
        ...template,
        spec: {
          helm: {
            chartSpec: { chart: 'aws-standalone-cp', version: '1.0.44' },
          },
        },
      };
      expect(await admit(h, 'UPDATE', changed, template)).toMatchObject({
        allowed: false,
        code: 422,
        message:
          'ClusterTemplate.k0rdent.mirantis.com "aws-standalone-cp-1-0-43" is invalid: spec: Invalid value: "object": Spec is immutable',
      });
      const chain = h.get<KubeObject>(
        'ClusterTemplateChain',
        'aws-standalone-cp-1-0-43',
        NS,
      )!;
      expect(
        await admit(
          h,
          'UPDATE',
          { ...chain, spec: { supportedTemplates: [] } },
          chain,
        ),
      ).toMatchObject({ code: 422 });
      // Metadata changes are fine.
      expect(
        await admit(
          h,
          'UPDATE',
          {
            ...template,
            metadata: { ...template.metadata, labels: { a: 'b' } },
          },
          template,
        ),
      ).toEqual({ allowed: true });
    });

    it('keeps a Credential region once set', async () => {
      const cred = h.get<KubeObject>('Credential', 'aws-cred', NS)!;
      const regional = {
        ...cred,
        spec: { ...(cred.spec as object), region: 'eu' },
      };
      expect(
        await admit(
          h,
          'UPDATE',
          { ...cred, spec: { ...(cred.spec as object), region: 'us' } },
          regional,
        ),
      ).toMatchObject({
        code: 422,
        message:
          'Credential.k0rdent.mirantis.com "aws-cred" is invalid: spec.region: Invalid value: "string": Region is immutable',
      });
      // Setting it the first time is not a transition.
      expect(await admit(h, 'UPDATE', regional, cred)).toEqual({
        allowed: true,
      });
    });

    it('keeps a MultiClusterService provider name once set', async () => {
      const mcs = (name?: string): KubeObject => ({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'MultiClusterService',
        metadata: { name: 'm' },
        spec: { serviceSpec: { provider: name === undefined ? {} : { name } } },
      });
      expect(await admit(h, 'UPDATE', mcs('b'), mcs('a'))).toMatchObject({
        code: 422,
      });
      expect(await admit(h, 'UPDATE', mcs('b'), mcs())).toEqual({
        allowed: true,
      });
      expect(await admit(h, 'UPDATE', mcs('b'), mcs(''))).toEqual({
        allowed: true,
      });
    });
  });

  describe('template deletion', () => {
    it('is refused while clusters use the template', async () => {
      h.store.create(clusterDeployment('user'));
      const template = h.get<KubeObject>(
        'ClusterTemplate',
        'aws-standalone-cp-1-0-43',
        NS,
      )!;
      expect(await admit(h, 'DELETE', undefined, template)).toEqual(
        denied(
          `admission webhook "validation.clustertemplate.k0rdent.mirantis.com" denied the request: template deletion is forbidden: The ClusterTemplate object can't be removed if ClusterDeployment objects referencing it still exist`,
        ),
      );
      const unused = h.get<KubeObject>('ClusterTemplate', 'mystery-0-1-0', NS)!;
      expect(await admit(h, 'DELETE', undefined, unused)).toEqual({
        allowed: true,
      });
    });
  });
});
