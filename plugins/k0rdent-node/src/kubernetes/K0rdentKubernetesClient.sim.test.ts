/*
 * The write client against the simulated management cluster over HTTP.
 */
import {
  SIM_READONLY_TOKEN,
  SimCluster,
  clusterDeployment,
  k0rdentObject,
  ns,
  startSimCluster,
} from '../__testUtils__/simCluster';
import { KubeObject } from '../types';
import { K0rdentKubernetesClient } from './K0rdentKubernetesClient';
import { KubernetesApiError } from './KubernetesApiError';

const MANAGER = 'backstage-k0rdent';

describe('K0rdentKubernetesClient against the simulator', () => {
  let sim: SimCluster;
  let client: K0rdentKubernetesClient;

  beforeEach(async () => {
    sim = await startSimCluster({
      validate: (kind, object) =>
        kind.kind === 'ClusterDeployment' && !(object.spec as any)?.template
          ? [
              {
                reason: 'FieldValueRequired',
                message: 'Required value',
                field: 'spec.template',
              },
            ]
          : [],
    });
    sim.store.create(ns('team-a'));
    client = K0rdentKubernetesClient.fromKubeConfig(sim.kubeConfig());
  });

  afterEach(async () => {
    await sim.close();
  });

  it('creates and updates with server-side apply under its field manager', async () => {
    const created = await client.apply(
      clusterDeployment('dev-1', { namespace: 'team-a' }),
      { fieldManager: MANAGER },
    );
    expect(created.metadata.uid).toBeDefined();
    expect(created.metadata.managedFields?.map(f => f.manager)).toContain(
      MANAGER,
    );

    const desired = clusterDeployment('dev-1', {
      namespace: 'team-a',
      template: 'aws-standalone-cp-1-0-44',
      labels: { env: 'dev' },
    });
    const updated = await client.apply<KubeObject>(
      {
        ...desired,
        // Neither is sent.
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
        metadata: { ...desired.metadata, managedFields: [{ manager: 'x' }] },
      },
      { fieldManager: MANAGER },
    );
    expect((updated.spec as any).template).toBe('aws-standalone-cp-1-0-44');
    expect(updated.metadata.labels).toEqual({ env: 'dev' });
    const stored = await client.get('ClusterDeployment', 'team-a', 'dev-1');
    expect(stored?.metadata.resourceVersion).toBe(
      updated.metadata.resourceVersion,
    );
    expect((stored?.status as any)?.conditions).toBeUndefined();
  });

  it('applies cluster-scoped objects', async () => {
    const region = await client.apply(
      k0rdentObject('Region', 'eu', undefined, {
        clusterDeployment: { name: 'eu-mgmt', namespace: 'kcm-system' },
      }),
      { fieldManager: MANAGER },
    );
    expect(region.metadata.namespace).toBeUndefined();
    expect((await client.get('Region', 'ignored', 'eu'))?.metadata.name).toBe(
      'eu',
    );
  });

  it('maps field manager conflicts to 409 with causes, and force takes over', async () => {
    await client.apply(clusterDeployment('c', { credential: 'mine' }), {
      fieldManager: MANAGER,
    });
    const error = await client
      .apply(clusterDeployment('c', { credential: 'theirs' }), {
        fieldManager: 'kubectl',
      })
      .catch(e => e);
    expect(KubernetesApiError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: 409,
      reason: 'Conflict',
      retryable: false,
    });
    expect(error.causes).toEqual([
      expect.objectContaining({ field: '.spec.credential' }),
    ]);
    const forced = await client.apply(
      clusterDeployment('c', { credential: 'theirs' }),
      { fieldManager: 'kubectl', force: true },
    );
    expect((forced.spec as any).credential).toBe('theirs');
  });

  it('maps validation errors to 422 with field causes', async () => {
    const object = clusterDeployment('bad');
    delete (object.spec as any).template;
    const error = await client
      .apply(object, { fieldManager: MANAGER })
      .catch(e => e);
    expect(error).toMatchObject({
      name: 'KubernetesApiError',
      code: 422,
      reason: 'Invalid',
      retryable: false,
      causes: [
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.template',
        },
      ],
    });
  });

  it('does not persist a dry run', async () => {
    const result = await client.apply(clusterDeployment('dry'), {
      fieldManager: MANAGER,
      dryRun: true,
    });
    expect(result.metadata.name).toBe('dry');
    expect(
      await client.get('ClusterDeployment', 'kcm-system', 'dry'),
    ).toBeUndefined();
  });

  it('gets, reads status and deletes', async () => {
    expect(
      await client.get('ClusterDeployment', 'kcm-system', 'none'),
    ).toBeUndefined();
    expect(
      await client.getStatus('ClusterDeployment', 'kcm-system', 'none'),
    ).toBeUndefined();
    await client.apply(clusterDeployment('x'), { fieldManager: MANAGER });
    sim.store.updateStatus(
      { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'x' },
      s => ({ ...s, region: 'eu', k8sVersion: 'v1.36.3' }),
    );
    expect(
      await client.getStatus('ClusterDeployment', 'kcm-system', 'x'),
    ).toMatchObject({ region: 'eu', k8sVersion: 'v1.36.3' });
    expect(await client.delete('ClusterDeployment', 'kcm-system', 'x')).toBe(
      true,
    );
    expect(await client.delete('ClusterDeployment', 'kcm-system', 'x')).toBe(
      false,
    );
    expect(
      await client.get('ClusterDeployment', 'kcm-system', 'x'),
    ).toBeUndefined();
  });

  it('reports deletion in progress while finalizers remain', async () => {
    const object = clusterDeployment('fin');
    object.metadata.finalizers = ['k0rdent.mirantis.com/cluster-deployment'];
    await client.apply(object, { fieldManager: MANAGER });
    expect(await client.delete('ClusterDeployment', 'kcm-system', 'fin')).toBe(
      true,
    );
    const pending = await client.get('ClusterDeployment', 'kcm-system', 'fin');
    expect(pending?.metadata.deletionTimestamp).toBeDefined();
  });

  it('marks 5xx, 429 and timeouts retryable, with Retry-After', async () => {
    sim.server.faults.failNext(1, { status: 500 });
    await expect(
      client.get('ClusterDeployment', 'kcm-system', 'a'),
    ).rejects.toMatchObject({ code: 500, retryable: true });

    sim.server.faults.failNext(1, { status: 429, retryAfterSeconds: 2 });
    await expect(
      client.apply(clusterDeployment('a'), { fieldManager: MANAGER }),
    ).rejects.toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      retryable: true,
      retryAfterSeconds: 2,
    });

    sim.server.faults.failNext(1, { status: 'timeout', holdMillis: 2000 });
    const impatient = K0rdentKubernetesClient.fromKubeConfig(sim.kubeConfig(), {
      requestTimeoutMs: 200,
    });
    await expect(
      impatient.get('ClusterDeployment', 'kcm-system', 'a'),
    ).rejects.toMatchObject({ code: 0, reason: 'Timeout', retryable: true });
  });

  it('maps 403 for a read-only identity', async () => {
    const reader = K0rdentKubernetesClient.fromKubeConfig(
      sim.kubeConfig(SIM_READONLY_TOKEN),
    );
    await expect(
      reader.apply(clusterDeployment('nope'), { fieldManager: MANAGER }),
    ).rejects.toMatchObject({
      code: 403,
      reason: 'Forbidden',
      retryable: false,
    });
    expect(
      await reader.get('ClusterDeployment', 'kcm-system', 'nope'),
    ).toBeUndefined();
  });

  it('reports a server that is gone as a retryable connection error', async () => {
    await sim.stop();
    const error = await client
      .get('ClusterDeployment', 'kcm-system', 'a')
      .catch(e => e);
    expect(error).toMatchObject({
      code: 0,
      reason: 'ConnectionError',
      retryable: true,
    });
    expect(error.message).not.toContain(sim.url);
  });

  it('checks its input before sending anything', async () => {
    await expect(
      client.apply(clusterDeployment('a'), { fieldManager: '' }),
    ).rejects.toThrow('fieldManager is required');
    await expect(
      client.apply(
        { ...clusterDeployment('a'), apiVersion: 'v1' },
        { fieldManager: MANAGER },
      ),
    ).rejects.toThrow(
      "apiVersion must be 'k0rdent.mirantis.com/v1beta1' for ClusterDeployment, got 'v1'",
    );
    const noNamespace = clusterDeployment('a');
    delete noNamespace.metadata.namespace;
    await expect(
      client.apply(noNamespace, { fieldManager: MANAGER }),
    ).rejects.toThrow(
      'metadata.namespace is required for the namespaced kind ClusterDeployment',
    );
    await expect(client.get('Pod', 'a', 'b')).rejects.toThrow(
      "Unknown kind 'Pod'",
    );
    await expect(
      client.delete('ClusterDeployment', undefined, 'b'),
    ).rejects.toThrow('namespace is required');
  });
  it('lists the events of one object, newest first, with the fields a page shows', async () => {
    const event = (
      name: string,
      involved: { kind: string; name: string; uid?: string },
      fields: Record<string, unknown>,
    ): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'team-a' },
      involvedObject: {
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        namespace: 'team-a',
        ...involved,
      },
      ...fields,
    });
    const cd = { kind: 'ClusterDeployment', name: 'dev-1', uid: 'uid-1' };
    sim.store.create(
      event('old', cd, {
        type: 'Normal',
        reason: 'HelmReleaseCreated',
        message: 'created',
        count: 1,
        lastTimestamp: '2026-08-20T10:00:00Z',
      }),
    );
    sim.store.create(
      event('new', cd, {
        type: 'Warning',
        reason: 'HelmReleaseFailed',
        message: 'install failed',
        count: 3,
        lastTimestamp: '2026-08-21T10:00:00Z',
      }),
    );
    sim.store.create(
      event('series', cd, {
        type: 'Normal',
        reason: 'Progressing',
        eventTime: '2026-08-20T12:00:00.000000Z',
        series: { count: 7, lastObservedTime: '2026-08-20T12:30:00.000000Z' },
      }),
    );
    sim.store.create(
      event(
        'earlier-incarnation',
        { ...cd, uid: 'uid-0' },
        {
          type: 'Normal',
          reason: 'Old',
          lastTimestamp: '2026-08-22T10:00:00Z',
        },
      ),
    );
    sim.store.create(
      event(
        'other-object',
        { kind: 'ClusterDeployment', name: 'dev-2' },
        {
          type: 'Normal',
          reason: 'Other',
          lastTimestamp: '2026-08-22T10:00:00Z',
        },
      ),
    );
    sim.store.create(
      event(
        'same-name-other-kind',
        { kind: 'Credential', name: 'dev-1' },
        {
          type: 'Normal',
          reason: 'Other',
          lastTimestamp: '2026-08-22T10:00:00Z',
        },
      ),
    );

    const events = await client.listEvents({ ...cd, namespace: 'team-a' });
    expect(events).toEqual([
      {
        type: 'Warning',
        reason: 'HelmReleaseFailed',
        message: 'install failed',
        count: 3,
        lastTimestamp: '2026-08-21T10:00:00.000Z',
      },
      {
        type: 'Normal',
        reason: 'Progressing',
        count: 7,
        lastTimestamp: '2026-08-20T12:30:00.000Z',
      },
      {
        type: 'Normal',
        reason: 'HelmReleaseCreated',
        message: 'created',
        count: 1,
        lastTimestamp: '2026-08-20T10:00:00.000Z',
      },
    ]);
    expect(
      await client.listEvents({ ...cd, namespace: 'team-a' }, { limit: 1 }),
    ).toHaveLength(1);
    expect(
      (
        await client.listEvents({
          kind: 'ClusterDeployment',
          name: 'dev-1',
          namespace: 'team-a',
        })
      ).map(e => e.reason),
    ).toEqual([
      'Old',
      'HelmReleaseFailed',
      'Progressing',
      'HelmReleaseCreated',
    ]);
    expect(await client.listEvents({ ...cd, namespace: 'elsewhere' })).toEqual(
      [],
    );
  });

  it('GETs a service through the API server proxy with the path and query as given', async () => {
    sim.server.proxies.register(
      'kof',
      'promxy',
      (_req, res, path, query) => {
        const status = query.get('query') === 'bad(' ? 400 : 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path, query: query.get('query') }));
      },
      8082,
    );
    const target = { namespace: 'kof', name: 'promxy', port: 8082 };

    const ok = await client.getThroughServiceProxy(
      target,
      '/api/v1/query',
      new URLSearchParams({ query: 'sum(up{cluster="a b"})' }),
    );
    expect(ok.status).toBe(200);
    expect(ok.contentType).toBe('application/json');
    expect(JSON.parse(ok.body)).toEqual({
      path: '/api/v1/query',
      query: 'sum(up{cluster="a b"})',
    });

    // The service's own errors come back for the caller to read.
    const refused = await client.getThroughServiceProxy(
      target,
      '/api/v1/query',
      new URLSearchParams({ query: 'bad(' }),
    );
    expect(refused.status).toBe(400);

    // The API server's own: no such service behind the proxy.
    await expect(
      client.getThroughServiceProxy(
        { ...target, name: 'missing' },
        '/api/v1/query',
        new URLSearchParams(),
      ),
    ).rejects.toMatchObject({
      name: 'KubernetesApiError',
      code: 503,
      retryable: true,
    });
  });
});
