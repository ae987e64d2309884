import {
  PatchStrategy,
  setHeaderOptions,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  CD,
  CD_API_VERSION,
  NAMESPACE,
  clusterDeployment,
  rawRequest,
  rejectionOf,
  startTestSimulator,
  statusOf,
  type TestSimulator,
} from './__testUtils__/simulator';

const PATH = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;

type CdObject = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

function applied(
  name: string,
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
): CdObject {
  return {
    apiVersion: CD_API_VERSION,
    kind: 'ClusterDeployment',
    metadata: { name, namespace: NAMESPACE, ...(labels ? { labels } : {}) },
    spec,
  };
}

describe('patch', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.store.create(
      clusterDeployment('target', {
        labels: { env: 'dev' },
        spec: { template: 't1', config: { region: 'us', size: 3 } },
      }),
    );
  });
  afterEach(() => sim.close());

  it('applies JSON merge patches (RFC 7386)', async () => {
    const patched: any = await sim.custom.patchNamespacedCustomObject(
      {
        ...CD,
        namespace: NAMESPACE,
        name: 'target',
        body: {
          metadata: { labels: { env: null, team: 'a' } },
          spec: { config: { size: null, zone: 'b' } },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.metadata.labels).toEqual({ team: 'a' });
    expect(patched.spec.config).toEqual({ region: 'us', zone: 'b' });
    expect(patched.metadata.generation).toBe(2);
  });

  it('applies JSON patches (RFC 6902) including test', async () => {
    const patched: any = await sim.custom.patchNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      name: 'target',
      body: [
        { op: 'test', path: '/spec/template', value: 't1' },
        { op: 'replace', path: '/spec/template', value: 't2' },
        {
          op: 'add',
          path: '/metadata/labels/app.kubernetes.io~1name',
          value: 'x',
        },
        { op: 'remove', path: '/spec/config/size' },
        { op: 'copy', from: '/spec/template', path: '/spec/previous' },
      ],
    });
    expect(patched.spec).toEqual({
      template: 't2',
      config: { region: 'us' },
      previous: 't2',
    });
    expect(patched.metadata.labels['app.kubernetes.io/name']).toBe('x');

    const failed = await rejectionOf(
      sim.custom.patchNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        name: 'target',
        body: [{ op: 'test', path: '/spec/template', value: 'nope' }],
      }),
    );
    expect(failed.code).toBe(422);
    expect(statusOf(failed).details.causes[0].message).toBe(
      'testing value /spec/template failed: test failed',
    );
  });

  it('refuses strategic merge patches on custom resources (415) but accepts them on core kinds', async () => {
    const refused = await rawRequest(sim.url, `${PATH}/target`, {
      method: 'PATCH',
      body: { spec: { template: 'x' } },
      contentType: PatchStrategy.StrategicMergePatch,
    });
    expect(refused.status).toBe(415);
    expect(refused.json).toMatchObject({
      reason: 'UnsupportedMediaType',
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    });

    sim.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: NAMESPACE, finalizers: ['a'] },
      data: { a: '1' },
    });
    const patched = await sim.core.patchNamespacedConfigMap(
      {
        namespace: NAMESPACE,
        name: 'cm',
        body: { metadata: { finalizers: ['b'] }, data: { b: '2' } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.data).toEqual({ a: '1', b: '2' });
    expect(patched.metadata?.finalizers).toEqual(['a', 'b']);
  });

  it('tracks updates in managedFields', async () => {
    await sim.custom.patchNamespacedCustomObject(
      {
        ...CD,
        namespace: NAMESPACE,
        name: 'target',
        body: { spec: { template: 't9' } },
        fieldManager: 'patcher',
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const read: any = await sim.custom.getNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      name: 'target',
    });
    expect(read.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'patcher',
        operation: 'Update',
        apiVersion: CD_API_VERSION,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:template': {} } },
      }),
    ]);
  });
});

describe('server-side apply', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
  });
  afterEach(() => sim.close());

  const apply = (object: CdObject, manager: string, force = false) =>
    sim.objects.patch(
      object,
      undefined,
      undefined,
      manager,
      force,
      PatchStrategy.ServerSideApply,
    ) as Promise<CdObject>;

  it('creates on apply and records the manager in the real FieldsV1 format', async () => {
    const created = await apply(
      applied('ssa', { template: 't1', credential: 'c1' }, { env: 'prod' }),
      'alice',
    );
    // client-node turns the entries into V1ManagedFieldsEntry with a Date time.
    expect(created.metadata?.managedFields).toEqual([
      expect.objectContaining({
        manager: 'alice',
        operation: 'Apply',
        apiVersion: CD_API_VERSION,
        time: expect.any(Date),
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:env': {} } },
          'f:spec': { 'f:credential': {}, 'f:template': {} },
        },
      }),
    ]);
  });

  it('reports conflicts between managers, shares equal values and takes over with force', async () => {
    await apply(applied('ssa', { template: 't1', credential: 'c1' }), 'alice');
    // Same value: no conflict, shared ownership.
    await apply(applied('ssa', { template: 't1' }), 'bob');

    const conflict = await rejectionOf(
      apply(applied('ssa', { template: 't2', credential: 'c2' }), 'bob'),
    );
    expect(conflict.code).toBe(409);
    expect(statusOf(conflict)).toMatchObject({
      reason: 'Conflict',
      message:
        'Apply failed with 2 conflicts: conflicts with "alice" using k0rdent.mirantis.com/v1beta1:\n- .spec.template\n- .spec.credential',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "alice" using k0rdent.mirantis.com/v1beta1',
            field: '.spec.template',
          },
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "alice" using k0rdent.mirantis.com/v1beta1',
            field: '.spec.credential',
          },
        ],
      },
    });

    const forced = await apply(
      applied('ssa', { template: 't2', credential: 'c2' }),
      'bob',
      true,
    );
    expect(forced.spec).toEqual({ template: 't2', credential: 'c2' });
    const owners = Object.fromEntries(
      (forced.metadata?.managedFields ?? []).map(entry => [
        entry.manager,
        entry.fieldsV1,
      ]),
    );
    expect(owners).toEqual({
      bob: { 'f:spec': { 'f:credential': {}, 'f:template': {} } },
    });
  });

  it('removes fields a manager stops applying unless someone else owns them', async () => {
    await apply(
      applied('ssa', {
        template: 't1',
        credential: 'c1',
        extra: 'x',
        shared: 's',
      }),
      'alice',
    );
    await apply(applied('ssa', { shared: 's' }), 'bob');
    const after = await apply(
      applied('ssa', { template: 't1', credential: 'c1' }),
      'alice',
    );
    expect(after.spec).toEqual({
      template: 't1',
      credential: 'c1',
      shared: 's',
    });
  });

  it('applies to the status subresource without touching spec', async () => {
    await apply(applied('ssa', { template: 't1' }), 'alice');
    const response = await rawRequest(
      sim.url,
      `${PATH}/ssa/status?fieldManager=controller`,
      {
        method: 'PATCH',
        contentType: 'application/apply-patch+yaml',
        body: `apiVersion: ${CD_API_VERSION}\nkind: ClusterDeployment\nmetadata:\n  name: ssa\nspec:\n  template: ignored\nstatus:\n  phase: Ready\n`,
      },
    );
    expect(response.status).toBe(200);
    expect(response.json.spec).toEqual({ template: 't1' });
    expect(response.json.status).toEqual({ phase: 'Ready' });
    expect(response.json.metadata.managedFields).toContainEqual(
      expect.objectContaining({
        manager: 'controller',
        operation: 'Apply',
        subresource: 'status',
        fieldsV1: { 'f:status': { 'f:phase': {} } },
      }),
    );
  });

  it('requires a field manager', async () => {
    const response = await rawRequest(sim.url, `${PATH}/x`, {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: applied('x', { template: 't' }),
    });
    expect(response.status).toBe(400);
  });
});
