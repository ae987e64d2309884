import {
  ApisApi,
  CoreApi,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  NAMESPACE,
  READ_ONLY_TOKEN,
  clusterDeployment,
  eventually,
  rawRequest,
  startTestSimulator,
  type TestSimulator,
} from './__testUtils__/simulator';

describe('discovery and OpenAPI', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it('serves /version without authentication', async () => {
    const response = await rawRequest(sim.url, '/version', { token: null });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      major: '1',
      minor: '33',
      gitVersion: 'v1.33.0',
    });
  });

  it('lists the core and named groups', async () => {
    const core = await sim.kubeConfig.makeApiClient(CoreApi).getAPIVersions();
    expect(core.versions).toEqual(['v1']);
    const groups = await sim.kubeConfig.makeApiClient(ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name).sort()).toEqual([
      'k0rdent.mirantis.com',
      'kof.k0rdent.mirantis.com',
    ]);
    expect(groups.groups[0].preferredVersion?.version).toBe('v1beta1');
  });

  it('describes resources with verbs, short names and status subresources', async () => {
    const response = await rawRequest(
      sim.url,
      '/apis/k0rdent.mirantis.com/v1beta1',
    );
    expect(response.json.kind).toBe('APIResourceList');
    const byName = new Map<string, any>(
      response.json.resources.map((r: any) => [r.name, r]),
    );
    expect(byName.get('clusterdeployments')).toMatchObject({
      singularName: 'clusterdeployment',
      namespaced: true,
      kind: 'ClusterDeployment',
      shortNames: ['clusterd', 'cld'],
      verbs: expect.arrayContaining([
        'get',
        'list',
        'watch',
        'create',
        'update',
        'patch',
        'delete',
        'deletecollection',
      ]),
    });
    expect(byName.get('clusterdeployments/status')).toMatchObject({
      verbs: ['get', 'patch', 'update'],
    });
    expect(byName.get('managements')).toMatchObject({ namespaced: false });
    expect(byName.has('datasources/status')).toBe(false);

    const core = await rawRequest(sim.url, '/api/v1');
    expect(core.json.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'namespaces',
        'namespaces/status',
        'secrets',
        'configmaps',
        'events',
        'services',
        'services/proxy',
      ]),
    );
  });

  it('answers aggregated discovery when asked for it', async () => {
    const accept =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const response = await rawRequest(sim.url, '/apis', { accept });
    expect(response.headers.get('content-type')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const group = response.json.items.find(
      (i: any) => i.metadata.name === 'k0rdent.mirantis.com',
    );
    const resource = group.versions[0].resources.find(
      (r: any) => r.resource === 'clusterdeployments',
    );
    expect(resource).toMatchObject({
      scope: 'Namespaced',
      responseKind: {
        group: 'k0rdent.mirantis.com',
        version: 'v1beta1',
        kind: 'ClusterDeployment',
      },
      subresources: [
        { subresource: 'status', verbs: ['get', 'patch', 'update'] },
      ],
    });
  });

  it('serves the OpenAPI v3 index and per-group documents with PATCH field validation', async () => {
    const index = await rawRequest(sim.url, '/openapi/v3');
    const url =
      index.json.paths['apis/k0rdent.mirantis.com/v1beta1'].serverRelativeURL;
    expect(url).toMatch(
      /^\/openapi\/v3\/apis\/k0rdent.mirantis.com\/v1beta1\?hash=[0-9A-F]+$/,
    );
    const document = await rawRequest(sim.url, url);
    const schema =
      document.json.components.schemas[
        'com.mirantis.k0rdent.v1beta1.ClusterDeployment'
      ];
    expect(schema).toMatchObject({
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-group-version-kind': [
        {
          group: 'k0rdent.mirantis.com',
          version: 'v1beta1',
          kind: 'ClusterDeployment',
        },
      ],
    });
    const patch =
      document.json.paths[
        '/apis/k0rdent.mirantis.com/v1beta1/namespaces/{namespace}/clusterdeployments/{name}'
      ].patch;
    expect(patch.parameters.map((p: any) => p.name)).toContain(
      'fieldValidation',
    );
  });

  it('uses the pluggable schema provider', async () => {
    const custom = await startTestSimulator({
      openApiSchema: kind =>
        kind.kind === 'ClusterDeployment'
          ? {
              type: 'object',
              properties: { spec: { type: 'object', required: ['template'] } },
            }
          : undefined,
    });
    try {
      const document = await rawRequest(
        custom.url,
        '/openapi/v3/apis/k0rdent.mirantis.com/v1beta1',
      );
      expect(
        document.json.components.schemas[
          'com.mirantis.k0rdent.v1beta1.ClusterDeployment'
        ],
      ).toEqual({
        type: 'object',
        properties: { spec: { type: 'object', required: ['template'] } },
        'x-kubernetes-group-version-kind': [
          {
            group: 'k0rdent.mirantis.com',
            version: 'v1beta1',
            kind: 'ClusterDeployment',
          },
        ],
      });
    } finally {
      await custom.close();
    }
  });

  it('logs one line per request when asked', async () => {
    const lines: string[] = [];
    const logged = await startTestSimulator({ log: line => lines.push(line) });
    try {
      await rawRequest(logged.url, '/api/v1/namespaces?limit=1');
      await eventually(() =>
        expect(lines).toEqual([
          expect.stringMatching(
            /^GET \/api\/v1\/namespaces\?limit=1 200 \d+ms$/,
          ),
        ]),
      );
    } finally {
      await logged.close();
    }
  });

  it('requires a token for discovery', async () => {
    expect((await rawRequest(sim.url, '/apis', { token: null })).status).toBe(
      401,
    );
    expect(
      (await rawRequest(sim.url, '/apis', { token: READ_ONLY_TOKEN })).status,
    ).toBe(200);
  });

  it('lets KubernetesObjectApi find resources through discovery', async () => {
    const objects = KubernetesObjectApi.makeApiClient(sim.kubeConfig);
    await objects.create(
      clusterDeployment('via-discovery') as KubernetesObject,
    );
    const read = await objects.read({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'via-discovery', namespace: NAMESPACE },
    });
    expect(read.metadata?.uid).toBeDefined();
  });
});
