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

describe('create, read, update, delete', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
  });
  afterEach(() => sim.close());

  it('handles a namespaced custom resource end to end', async () => {
    const created: any = await sim.custom.createNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      body: {
        ...clusterDeployment('alpha'),
        status: { phase: 'dropped on create' },
      },
    });
    expect(created.metadata).toMatchObject({
      name: 'alpha',
      namespace: NAMESPACE,
      generation: 1,
    });
    expect(created.status).toBeUndefined();
    expect(created.metadata.managedFields[0]).toMatchObject({
      operation: 'Update',
      fieldsType: 'FieldsV1',
    });

    const read: any = await sim.custom.getNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      name: 'alpha',
    });
    expect(read.metadata.uid).toBe(created.metadata.uid);

    read.spec.template = 'aws-standalone-cp-1-0-1';
    const replaced: any = await sim.custom.replaceNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      name: 'alpha',
      body: read,
    });
    expect(replaced.metadata.generation).toBe(2);
    expect(Number(replaced.metadata.resourceVersion)).toBeGreaterThan(
      Number(read.metadata.resourceVersion),
    );

    const list: any = await sim.custom.listNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
    });
    expect(list.kind).toBe('ClusterDeploymentList');
    expect(list.items.map((i: any) => i.metadata.name)).toEqual(['alpha']);
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(
      Number(replaced.metadata.resourceVersion),
    );

    const deleted: any = await sim.custom.deleteNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      name: 'alpha',
    });
    expect(deleted.metadata.name).toBe('alpha');
    const gone = await rejectionOf(
      sim.custom.getNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        name: 'alpha',
      }),
    );
    expect(gone.code).toBe(404);
  });

  it('handles cluster-scoped custom resources', async () => {
    const management = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'Management',
      metadata: { name: 'kcm' },
      spec: { release: 'kcm-1-0-0' },
    };
    await sim.custom.createClusterCustomObject({
      group: CD.group,
      version: CD.version,
      plural: 'managements',
      body: management,
    });
    const read: any = await sim.custom.getClusterCustomObject({
      group: CD.group,
      version: CD.version,
      plural: 'managements',
      name: 'kcm',
    });
    expect(read.metadata.namespace).toBeUndefined();
    const list: any = await sim.custom.listClusterCustomObject({
      group: CD.group,
      version: CD.version,
      plural: 'managements',
    });
    expect(list.items).toHaveLength(1);
    await sim.custom.deleteClusterCustomObject({
      group: CD.group,
      version: CD.version,
      plural: 'managements',
      name: 'kcm',
    });
    expect(sim.store.get({ kind: 'Management', name: 'kcm' })).toBeUndefined();
  });

  it('lists across namespaces with label and field selectors', async () => {
    sim.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    sim.store.create(clusterDeployment('one', { labels: { env: 'prod' } }));
    sim.store.create(clusterDeployment('two', { labels: { env: 'dev' } }));
    sim.store.create(
      clusterDeployment('three', {
        namespace: 'team-a',
        labels: { env: 'prod' },
      }),
    );
    const all: any = await sim.custom.listClusterCustomObject({ ...CD });
    expect(
      all.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`),
    ).toEqual(['kcm-system/one', 'kcm-system/two', 'team-a/three']);
    const prod: any = await sim.custom.listClusterCustomObject({
      ...CD,
      labelSelector: 'env in (prod)',
    });
    expect(prod.items.map((i: any) => i.metadata.name)).toEqual([
      'one',
      'three',
    ]);
    const notInTeam: any = await sim.custom.listClusterCustomObject({
      ...CD,
      fieldSelector: 'metadata.namespace!=team-a',
    });
    expect(notInTeam.items.map((i: any) => i.metadata.name)).toEqual([
      'one',
      'two',
    ]);
    const byName: any = await sim.custom.listClusterCustomObject({
      ...CD,
      fieldSelector: 'metadata.name=two',
    });
    expect(byName.items.map((i: any) => i.metadata.name)).toEqual(['two']);
  });

  it('handles core kinds through CoreV1Api', async () => {
    await sim.core.createNamespacedConfigMap({
      namespace: NAMESPACE,
      body: { metadata: { name: 'settings' }, data: { a: '1' } },
    });
    const read = await sim.core.readNamespacedConfigMap({
      namespace: NAMESPACE,
      name: 'settings',
    });
    expect(read.data).toEqual({ a: '1' });
    // Core kinds accept unconditional updates (no resourceVersion).
    const replaced = await sim.core.replaceNamespacedConfigMap({
      namespace: NAMESPACE,
      name: 'settings',
      body: { metadata: { name: 'settings' }, data: { a: '2' } },
    });
    expect(replaced.data).toEqual({ a: '2' });
    const status = await sim.core.deleteNamespacedConfigMap({
      namespace: NAMESPACE,
      name: 'settings',
    });
    expect(status).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'settings', kind: 'configmaps' },
    });

    const namespaces = await sim.core.listNamespace();
    expect(
      namespaces.items.map(n => [n.metadata?.name, n.status?.phase]),
    ).toEqual([[NAMESPACE, 'Active']]);
  });

  it('generates names and honours dryRun', async () => {
    const body = {
      ...clusterDeployment(''),
      metadata: { generateName: 'gen-', namespace: NAMESPACE },
    };
    const created: any = await sim.custom.createNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      body,
    });
    expect(created.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);

    const before = sim.store.currentResourceVersion;
    const dry: any = await sim.custom.createNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      body: clusterDeployment('dry'),
      dryRun: 'All',
    });
    expect(dry.metadata.name).toBe('dry');
    expect(
      sim.store.get({
        kind: 'ClusterDeployment',
        namespace: NAMESPACE,
        name: 'dry',
      }),
    ).toBeUndefined();
    expect(sim.store.currentResourceVersion).toBe(before);
  });

  it('creates in a missing namespace with 404 and a real message', async () => {
    const error = await rejectionOf(
      sim.custom.createNamespacedCustomObject({
        ...CD,
        namespace: 'nowhere',
        body: clusterDeployment('x', { namespace: 'nowhere' }),
      }),
    );
    expect(error.code).toBe(404);
    expect(statusOf(error)).toMatchObject({
      reason: 'NotFound',
      message: 'namespaces "nowhere" not found',
    });
  });

  it('requires resourceVersion on custom resource updates', async () => {
    sim.store.create(clusterDeployment('pinned'));
    const response = await rawRequest(
      sim.url,
      `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments/pinned`,
      {
        method: 'PUT',
        body: clusterDeployment('pinned'),
      },
    );
    expect(response.status).toBe(422);
    expect(response.json.message).toBe(
      'ClusterDeployment.k0rdent.mirantis.com "pinned" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    );
  });

  it('rejects mismatched names, namespaces and apiVersions with 400', async () => {
    const base = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;
    sim.store.create(clusterDeployment('real'));
    const wrongName = await rawRequest(sim.url, `${base}/real`, {
      method: 'PUT',
      body: {
        ...clusterDeployment('other'),
        metadata: { name: 'other', resourceVersion: '1' },
      },
    });
    expect(wrongName.status).toBe(400);
    expect(wrongName.json.message).toBe(
      'the name of the object (other) does not match the name on the URL (real)',
    );
    const wrongNamespace = await rawRequest(sim.url, base, {
      method: 'POST',
      body: clusterDeployment('n', { namespace: 'elsewhere' }),
    });
    expect(wrongNamespace.json.message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
    const wrongVersion = await rawRequest(sim.url, base, {
      method: 'POST',
      body: {
        ...clusterDeployment('v'),
        apiVersion: 'k0rdent.mirantis.com/v1alpha1',
      },
    });
    expect(wrongVersion.status).toBe(400);
  });
});
