import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { badRequest } from '../errors';
import type { AdmissionHook, KubeObject } from '../store/types';
import {
  CD,
  NAMESPACE,
  clusterDeployment,
  rawRequest,
  rejectionOf,
  startTestSimulator,
  statusOf,
  type TestSimulator,
} from './__testUtils__/simulator';

const key = (name: string) => ({ ...CD, namespace: NAMESPACE, name });

describe('status subresource, generation and finalizers', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.store.create({
      ...clusterDeployment('cd'),
      status: { phase: 'Provisioning' },
    });
  });
  afterEach(() => sim.close());

  it('ignores status on main-resource writes and spec on status writes', async () => {
    const read: any = await sim.custom.getNamespacedCustomObject(key('cd'));
    const updated: any = await sim.custom.replaceNamespacedCustomObject({
      ...key('cd'),
      body: {
        ...read,
        spec: { ...read.spec, template: 't2' },
        status: { phase: 'Hacked' },
      },
    });
    expect(updated.status).toEqual({ phase: 'Provisioning' });
    expect(updated.metadata.generation).toBe(2);

    const statusWrite: any =
      await sim.custom.replaceNamespacedCustomObjectStatus({
        ...key('cd'),
        body: {
          ...updated,
          spec: { template: 'sneaky' },
          metadata: { ...updated.metadata, labels: { a: 'b' } },
          status: { phase: 'Ready' },
        },
      });
    expect(statusWrite.status).toEqual({ phase: 'Ready' });
    expect(statusWrite.spec.template).toBe('t2');
    expect(statusWrite.metadata.labels).toBeUndefined();
    expect(statusWrite.metadata.generation).toBe(2);
    expect(Number(statusWrite.metadata.resourceVersion)).toBeGreaterThan(
      Number(updated.metadata.resourceVersion),
    );

    const patched: any = await sim.custom.patchNamespacedCustomObjectStatus(
      { ...key('cd'), body: { status: { message: 'hi' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.status).toEqual({ phase: 'Ready', message: 'hi' });

    const got: any = await sim.custom.getNamespacedCustomObjectStatus(
      key('cd'),
    );
    expect(got.status.message).toBe('hi');
  });

  it('has no status subresource for kinds without one', async () => {
    const response = await rawRequest(
      sim.url,
      `/api/v1/namespaces/${NAMESPACE}/configmaps/x/status`,
    );
    expect(response.status).toBe(404);
  });

  it('returns 409 Conflict with the real message on a stale resourceVersion', async () => {
    const read: any = await sim.custom.getNamespacedCustomObject(key('cd'));
    await sim.custom.replaceNamespacedCustomObject({
      ...key('cd'),
      body: { ...read, spec: { template: 'first' } },
    });
    const error = await rejectionOf(
      sim.custom.replaceNamespacedCustomObject({
        ...key('cd'),
        body: { ...read, spec: { template: 'second' } },
      }),
    );
    expect(error.code).toBe(409);
    expect(statusOf(error)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Operation cannot be fulfilled on clusterdeployments.k0rdent.mirantis.com "cd": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
      details: {
        name: 'cd',
        group: 'k0rdent.mirantis.com',
        kind: 'clusterdeployments',
      },
      code: 409,
    });
  });

  it('marks objects with finalizers for deletion and deletes them when the last finalizer goes', async () => {
    sim.store.create(
      clusterDeployment('held', {
        finalizers: ['k0rdent.mirantis.com/cleanup'],
      }),
    );
    const marked: any = await sim.custom.deleteNamespacedCustomObject(
      key('held'),
    );
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.metadata.finalizers).toEqual([
      'k0rdent.mirantis.com/cleanup',
    ]);

    const adding = await rejectionOf(
      sim.custom.patchNamespacedCustomObject(
        {
          ...key('held'),
          body: {
            metadata: { finalizers: ['k0rdent.mirantis.com/cleanup', 'more'] },
          },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(adding.code).toBe(422);

    await sim.custom.patchNamespacedCustomObject({
      ...key('held'),
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    const gone = await rejectionOf(
      sim.custom.getNamespacedCustomObject(key('held')),
    );
    expect(gone.code).toBe(404);
  });

  it('deletes with preconditions', async () => {
    const response = await rawRequest(
      sim.url,
      `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments/cd`,
      {
        method: 'DELETE',
        body: { preconditions: { uid: 'not-the-uid' } },
      },
    );
    expect(response.status).toBe(409);
    expect(response.json.message).toContain(
      'Precondition failed: UID in precondition: not-the-uid',
    );
  });

  it('deletes collections by selector', async () => {
    sim.store.create(clusterDeployment('a', { labels: { batch: '1' } }));
    sim.store.create(clusterDeployment('b', { labels: { batch: '1' } }));
    await sim.custom.deleteCollectionNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      labelSelector: 'batch=1',
    });
    expect(
      sim.store.list('ClusterDeployment').map(o => o.metadata.name),
    ).toEqual(['cd']);
  });
});

describe('validation and admission', () => {
  let sim: TestSimulator;
  const seen: string[] = [];
  const requireTemplate: AdmissionHook = request => {
    seen.push(
      `${request.operation}${
        request.subresource ? `/${request.subresource}` : ''
      }`,
    );
    if (
      request.operation === 'DELETE' &&
      request.oldObject?.metadata.labels?.protected === 'true'
    ) {
      return {
        allowed: false,
        code: 403,
        message:
          'admission webhook "protect.k0rdent.mirantis.com" denied the request: protected',
      };
    }
    if (request.object && request.operation !== 'DELETE') {
      request.object.metadata.annotations = {
        ...request.object.metadata.annotations,
        mutated: 'yes',
      };
    }
    return { allowed: true };
  };

  beforeEach(async () => {
    seen.length = 0;
    sim = await startTestSimulator({
      validate: (_kind, object: KubeObject) =>
        (object.spec as { template?: string } | undefined)?.template
          ? []
          : [
              {
                reason: 'FieldValueRequired',
                message: 'Required value',
                field: 'spec.template',
              },
            ],
      admission: [requireTemplate],
    });
  });
  afterEach(() => sim.close());

  it('returns 422 Invalid with causes when validation fails', async () => {
    const error = await rejectionOf(
      sim.custom.createNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        body: clusterDeployment('bad', { spec: { credential: 'c' } }),
      }),
    );
    expect(error.code).toBe(422);
    expect(statusOf(error)).toMatchObject({
      reason: 'Invalid',
      message:
        'ClusterDeployment.k0rdent.mirantis.com "bad" is invalid: spec.template: Required value',
      details: {
        name: 'bad',
        group: 'k0rdent.mirantis.com',
        kind: 'ClusterDeployment',
        causes: [
          {
            reason: 'FieldValueRequired',
            message: 'Required value',
            field: 'spec.template',
          },
        ],
      },
    });
  });

  it('runs mutating admission on writes and lets hooks deny deletes', async () => {
    const created: any = await sim.custom.createNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      body: clusterDeployment('ok', { labels: { protected: 'true' } }),
    });
    expect(created.metadata.annotations).toEqual({ mutated: 'yes' });
    await sim.custom.patchNamespacedCustomObjectStatus(
      { ...key('ok'), body: { status: { phase: 'Ready' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const denied = await rejectionOf(
      sim.custom.deleteNamespacedCustomObject(key('ok')),
    );
    expect(denied.code).toBe(403);
    expect(statusOf(denied)).toMatchObject({
      reason: 'Forbidden',
      message:
        'admission webhook "protect.k0rdent.mirantis.com" denied the request: protected',
    });
    expect(seen).toEqual(['CREATE', 'UPDATE/status', 'DELETE']);
  });

  it('does not run admission for store (controller) writes', () => {
    sim.store.create(clusterDeployment('direct', { spec: {} }));
    expect(seen).toEqual([]);
  });
});

describe('rich validation results', () => {
  let sim: TestSimulator;
  const contexts: string[] = [];
  beforeEach(async () => {
    contexts.length = 0;
    sim = await startTestSimulator({
      // Like the schema module: prune unknown spec fields, warn or fail on them.
      validate: (_kind, object, _old, context) => {
        contexts.push(`${context.operation} ${context.fieldValidation}`);
        const spec = { ...(object.spec as Record<string, unknown>) };
        const unknown = Object.keys(spec).filter(
          field => !['template', 'credential'].includes(field),
        );
        if (unknown.length && context.fieldValidation === 'Strict') {
          return {
            error: badRequest(
              `strict decoding error: ${unknown
                .map(f => `unknown field "spec.${f}"`)
                .join(', ')}`,
            ),
          };
        }
        unknown.forEach(field => delete spec[field]);
        return {
          object: { ...object, spec },
          warnings:
            context.fieldValidation === 'Warn'
              ? unknown.map(f => `unknown field "spec.${f}"`)
              : [],
        };
      },
    });
  });
  afterEach(() => sim.close());

  const path = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;

  it('stores the pruned object and sends warnings', async () => {
    const response = await rawRequest(sim.url, path, {
      method: 'POST',
      body: clusterDeployment('w', { spec: { template: 't', bogus: 1 } }),
    });
    expect(response.status).toBe(201);
    expect(response.json.spec).toEqual({ template: 't' });
    expect(response.headers.get('warning')).toBe(
      '299 - "unknown field \\"spec.bogus\\""',
    );
    expect(contexts).toEqual(['CREATE Warn']);
  });

  it('answers the error a validator returns (400 for strict decoding)', async () => {
    const response = await rawRequest(
      sim.url,
      `${path}?fieldValidation=Strict`,
      {
        method: 'POST',
        body: clusterDeployment('s', { spec: { template: 't', bogus: 1 } }),
      },
    );
    expect(response.status).toBe(400);
    expect(response.json.message).toBe(
      'strict decoding error: unknown field "spec.bogus"',
    );
    const invalidMode = await rawRequest(
      sim.url,
      `${path}?fieldValidation=Sometimes`,
      { method: 'POST', body: clusterDeployment('x') },
    );
    expect(invalidMode.status).toBe(400);
  });
});
