import { CoreV1Api } from '@kubernetes/client-node';
import {
  CD,
  NAMESPACE,
  READ_ONLY_TOKEN,
  clusterDeployment,
  kubeConfigFor,
  rawRequest,
  rejectionOf,
  startTestSimulator,
  statusOf,
  type TestSimulator,
} from './__testUtils__/simulator';

const CDS = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;

describe('errors as Kubernetes Status bodies', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
    sim.store.create(clusterDeployment('exists'));
  });
  afterAll(() => sim.close());

  it('404 NotFound', async () => {
    const response = await rawRequest(sim.url, `${CDS}/missing`);
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'clusterdeployments.k0rdent.mirantis.com "missing" not found',
      reason: 'NotFound',
      details: {
        name: 'missing',
        group: 'k0rdent.mirantis.com',
        kind: 'clusterdeployments',
      },
      code: 404,
    });
    const unknown = await rawRequest(
      sim.url,
      '/apis/k0rdent.mirantis.com/v1beta1/nonsense',
    );
    expect(unknown.json).toMatchObject({
      code: 404,
      message: 'the server could not find the requested resource',
    });
  });

  it('409 AlreadyExists', async () => {
    const error = await rejectionOf(
      sim.custom.createNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        body: clusterDeployment('exists'),
      }),
    );
    expect(error.code).toBe(409);
    expect(statusOf(error)).toMatchObject({
      reason: 'AlreadyExists',
      message:
        'clusterdeployments.k0rdent.mirantis.com "exists" already exists',
      details: {
        name: 'exists',
        group: 'k0rdent.mirantis.com',
        kind: 'clusterdeployments',
      },
    });
  });

  it('422 Invalid for bad names', async () => {
    const response = await rawRequest(sim.url, CDS, {
      method: 'POST',
      body: clusterDeployment('Not_Valid'),
    });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({
      reason: 'Invalid',
      details: {
        name: 'Not_Valid',
        kind: 'ClusterDeployment',
        causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }],
      },
    });
  });

  it('400 BadRequest for malformed bodies and selectors', async () => {
    const body = await rawRequest(sim.url, CDS, {
      method: 'POST',
      body: '{not json',
    });
    expect(body.status).toBe(400);
    expect(body.json.reason).toBe('BadRequest');
    const selector = await rawRequest(
      sim.url,
      `${CDS}?labelSelector=${encodeURIComponent('env in prod')}`,
    );
    expect(selector.status).toBe(400);
    const field = await rawRequest(
      sim.url,
      `${CDS}?fieldSelector=spec.template%3Dx`,
    );
    expect(field.json).toMatchObject({
      code: 400,
      message: 'field label not supported: spec.template',
    });
  });

  it('401 Unauthorized without or with a wrong token', async () => {
    for (const token of [null, 'wrong']) {
      const response = await rawRequest(sim.url, CDS, { token });
      expect(response.status).toBe(401);
      expect(response.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    const client = kubeConfigFor(sim.url, 'wrong').makeApiClient(CoreV1Api);
    expect((await rejectionOf(client.listNamespace())).code).toBe(401);
  });

  it('403 Forbidden for writes with the read-only token', async () => {
    const viewer = sim.readOnlyKubeConfig.makeApiClient(CoreV1Api);
    expect((await viewer.listNamespace()).items.length).toBeGreaterThan(0);
    const response = await rawRequest(sim.url, `${CDS}/exists`, {
      method: 'DELETE',
      token: READ_ONLY_TOKEN,
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({
      reason: 'Forbidden',
      message:
        'clusterdeployments.k0rdent.mirantis.com "exists" is forbidden: User "viewer" cannot delete resource "clusterdeployments" in API group "k0rdent.mirantis.com" in the namespace "kcm-system"',
      details: {
        name: 'exists',
        group: 'k0rdent.mirantis.com',
        kind: 'clusterdeployments',
      },
    });
    const create = await rejectionOf(
      viewer.createNamespace({ body: { metadata: { name: 'x' } } }),
    );
    expect(statusOf(create).message).toBe(
      'namespaces is forbidden: User "viewer" cannot create resource "namespaces" in API group "" at the cluster scope',
    );
  });

  it('405 MethodNotAllowed', async () => {
    const response = await rawRequest(sim.url, `${CDS}/exists`, {
      method: 'POST',
      body: clusterDeployment('exists'),
    });
    expect(response.status).toBe(405);
    expect(response.json.reason).toBe('MethodNotAllowed');
  });

  it('415 UnsupportedMediaType', async () => {
    const response = await rawRequest(sim.url, `${CDS}/exists`, {
      method: 'PATCH',
      body: {},
      contentType: 'text/plain',
    });
    expect(response.status).toBe(415);
    expect(response.json.reason).toBe('UnsupportedMediaType');
  });
});
