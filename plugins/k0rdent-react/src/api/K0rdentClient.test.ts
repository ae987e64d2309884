import { K0rdentClient } from './K0rdentClient';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function makeClient(response: Response) {
  const fetch = jest.fn(async (_url: string) => response);
  const client = new K0rdentClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('K0rdentClient', () => {
  it('lists templates with the filter as query parameters', async () => {
    const { client, fetch } = makeClient(
      jsonResponse(200, { items: [{ name: 'aws-1' }] }),
    );
    const templates = await client.listTemplates({
      managementCluster: 'mgmt',
      namespace: 'team-a',
      kind: 'cluster',
      valid: true,
    });
    expect(templates).toEqual([{ name: 'aws-1' }]);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/templates?managementCluster=mgmt&namespace=team-a&kind=cluster&valid=true',
    );
  });

  it('repeats facet parameters given several values and leaves out undefined ones', async () => {
    const { client, fetch } = makeClient(
      jsonResponse(200, { items: [], totalItems: 0 }),
    );
    await client.listClusters({
      status: ['Ready', 'Failed'],
      namespace: undefined,
      limit: 10,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/clusters?status=Ready&status=Failed&limit=10',
    );
  });

  it('encodes path segments', async () => {
    const { client, fetch } = makeClient(jsonResponse(200, { name: 'x' }));
    await client.getTemplate({
      managementCluster: 'mgmt one',
      kind: 'service',
      namespace: 'kcm-system',
      name: 'a/b',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/templates/mgmt%20one/service/kcm-system/a%2Fb',
    );
  });

  it('asks for a MultiClusterService by management cluster and name', async () => {
    const { client, fetch } = makeClient(
      jsonResponse(200, { name: 'prod ingress' }),
    );
    const mcs = await client.getMultiClusterService({
      managementCluster: 'mgmt one',
      name: 'prod ingress',
    });
    expect(mcs).toEqual({ name: 'prod ingress' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/multi-cluster-services/mgmt%20one/prod%20ingress',
    );
  });

  it('asks for usage over a window, cost, and cost summaries by facet', async () => {
    const ref = {
      managementCluster: 'mgmt',
      namespace: 'team-a',
      name: 'prod',
    };
    const usage = makeClient(jsonResponse(200, { metrics: [] }));
    await usage.client.getClusterMetrics(ref, '24h');
    expect(usage.fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/clusters/mgmt/team-a/prod/metrics?window=24h',
    );
    const cost = makeClient(jsonResponse(200, { byNamespace: [] }));
    await cost.client.getClusterCost(ref);
    expect(cost.fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/clusters/mgmt/team-a/prod/cost',
    );
    const summary = makeClient(jsonResponse(200, { items: [] }));
    await summary.client.getCostSummary({
      owner: 'group:default/payments',
      limit: 5,
    });
    expect(summary.fetch).toHaveBeenCalledWith(
      'http://backstage/api/k0rdent/cost?owner=group%3Adefault%2Fpayments&limit=5',
    );
  });

  it("turns the backend's error body into a ResponseError with its message", async () => {
    const { client } = makeClient(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No cluster team-a/prod' },
        response: { statusCode: 404 },
      }),
    );
    await expect(
      client.getCluster({
        managementCluster: 'mgmt',
        namespace: 'team-a',
        name: 'prod',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });
});
