import { MockK0rdentApi, mockCluster } from './testUtils';

const api = new MockK0rdentApi({
  clusters: [
    mockCluster({ name: 'a1', provider: 'aws', status: 'Ready' }),
    mockCluster({ name: 'a2', provider: 'aws', status: 'Failed' }),
    mockCluster({ name: 'a3', provider: 'aws', status: 'Failed' }),
    mockCluster({ name: 'z1', provider: 'azure', status: 'Ready' }),
    mockCluster({
      name: 'z2',
      namespace: 'team-b',
      provider: 'azure',
      status: 'Provisioning',
    }),
    mockCluster({ name: 'no-provider', status: 'Ready' }),
  ],
});

describe('MockK0rdentApi.listClusters', () => {
  it('counts facet values over the whole selection without filters', async () => {
    const page = await api.listClusters({ limit: 0 });
    expect(page.items).toEqual([]);
    expect(page.totalItems).toBe(6);
    expect(page.facets.status).toEqual([
      { value: 'Ready', count: 3 },
      { value: 'Failed', count: 2 },
      { value: 'Provisioning', count: 1 },
    ]);
    expect(page.facets.provider).toEqual([
      { value: 'aws', count: 3 },
      { value: 'azure', count: 2 },
    ]);
  });

  it("keeps the other values' counts of a filtered facet, as a faceted search does", async () => {
    const unfiltered = await api.listClusters({ limit: 0 });
    const page = await api.listClusters({ status: 'Failed' });
    expect(page.items.map(c => c.name)).toEqual(['a2', 'a3']);
    // status ignores its own filter: Ready 3, Failed 2, Provisioning 1 ...
    expect(page.facets.status).toEqual(unfiltered.facets.status);
    // ... while the other facets count only the Failed clusters.
    expect(page.facets.provider).toEqual([{ value: 'aws', count: 2 }]);
  });

  it('combines facets (AND) and values of one facet (OR), and the search', async () => {
    const page = await api.listClusters({
      provider: ['aws', 'azure'],
      status: 'Ready',
    });
    expect(page.items.map(c => c.name)).toEqual(['a1', 'z1']);
    expect(page.facets.status).toEqual([
      { value: 'Failed', count: 2 },
      { value: 'Ready', count: 2 },
      { value: 'Provisioning', count: 1 },
    ]);
    expect(page.facets.provider).toEqual([
      { value: 'aws', count: 1 },
      { value: 'azure', count: 1 },
    ]);

    const searched = await api.listClusters({ q: ' TEAM-B ' });
    expect(searched.items.map(c => c.name)).toEqual(['z2']);
    expect(searched.facets.provider).toEqual([{ value: 'azure', count: 1 }]);
  });

  it('sorts like the backend, clusters without a value last, and pages', async () => {
    const desc = await api.listClusters({ sort: 'provider', order: 'desc' });
    expect(desc.items.map(c => c.name)).toEqual([
      'z1',
      'z2',
      'a1',
      'a2',
      'a3',
      'no-provider',
    ]);
    const page = await api.listClusters({ sort: 'name', offset: 2, limit: 2 });
    expect(page.items.map(c => c.name)).toEqual(['a3', 'no-provider']);
    expect(page).toMatchObject({ totalItems: 6, offset: 2, limit: 2 });
  });
});
