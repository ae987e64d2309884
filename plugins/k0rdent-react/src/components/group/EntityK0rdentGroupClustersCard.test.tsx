import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ClusterCost } from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, within } from '@testing-library/react';
import { k0rdentApiRef, type K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster } from '../../testUtils';
import { EntityK0rdentGroupClustersCard } from './EntityK0rdentGroupClustersCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'Payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const payments = 'group:default/payments';

const clusters = [
  mockCluster({ name: 'prod-eu', owner: payments }),
  mockCluster({ name: 'prod-us', owner: payments }),
  mockCluster({ name: 'staging', owner: payments, status: 'Failed' }),
  mockCluster({ name: 'dev-1', owner: payments, status: 'Provisioning' }),
  mockCluster({ name: 'dev-2', owner: payments }),
  mockCluster({ name: 'dev-3', owner: payments }),
  mockCluster({ name: 'other', owner: 'group:default/search' }),
];

function cost(name: string, hourly: number): ClusterCost {
  return {
    managementCluster: 'mgmt',
    namespace: 'kcm-system',
    name,
    currency: 'USD',
    hourly,
    monthly: hourly * 730,
    nodes: 3,
    byNamespace: [],
    at: new Date().toISOString(),
  };
}

const costs = [
  cost('prod-eu', 2),
  cost('prod-us', 1.5),
  cost('staging', 1),
  cost('dev-1', 0.5),
  cost('dev-2', 0.25),
  cost('dev-3', 0.1),
  cost('other', 100),
];

async function renderCard(api: K0rdentApi, fleetPath?: string) {
  return renderInTestApp(
    <TestApiProvider apis={[[k0rdentApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityK0rdentGroupClustersCard fleetPath={fleetPath} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityK0rdentGroupClustersCard', () => {
  it("counts the group's clusters by status, each count a link to the filtered fleet", async () => {
    const api = new MockK0rdentApi({ clusters, costs });
    const listClusters = jest.spyOn(api, 'listClusters');
    await renderCard(api);

    expect(
      await screen.findByRole('link', { name: '6 clusters' }),
    ).toHaveAttribute('href', '/k0rdent?owner=group:default/payments');
    expect(listClusters).toHaveBeenCalledTimes(1);
    expect(listClusters).toHaveBeenCalledWith({ owner: payments, limit: 0 });

    const byStatus = screen.getByRole('table', { name: 'Clusters by status' });
    expect(
      within(byStatus)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual(['Failed1', 'Provisioning1', 'Ready4']);
    expect(
      within(byStatus).getByRole('link', { name: '4 Ready clusters' }),
    ).toHaveAttribute(
      'href',
      '/k0rdent?status=Ready&owner=group:default/payments',
    );
    expect(
      within(byStatus).getByRole('link', { name: '1 Failed cluster' }),
    ).toHaveAttribute(
      'href',
      '/k0rdent?status=Failed&owner=group:default/payments',
    );
  });

  it('links to the fleet page where it is mounted', async () => {
    await renderCard(new MockK0rdentApi({ clusters, costs }), '/fleet');
    expect(
      await screen.findByRole('link', { name: '1 Failed cluster' }),
    ).toHaveAttribute(
      'href',
      '/fleet?status=Failed&owner=group:default/payments',
    );
  });

  it('shows the monthly cost and the five most expensive clusters', async () => {
    const api = new MockK0rdentApi({ clusters, costs });
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await renderCard(api);

    // 5.35 $/h over 730 hours, without the other group's cluster.
    expect(await screen.findByText('$3,905.50 per month')).toBeInTheDocument();
    expect(getCostSummary).toHaveBeenCalledWith({ owner: payments, limit: 5 });
    const top = screen.getByRole('table', { name: 'Most expensive clusters' });
    expect(
      within(top)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'prod-eu$1,460.00',
      'prod-us$1,095.00',
      'staging$730.00',
      'dev-1$365.00',
      'dev-2$182.50',
    ]);
    expect(within(top).getByRole('link', { name: 'prod-eu' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/mgmt_clusterd_kcm-system_prod-eu',
    );
    expect(screen.getByText('and 1 more')).toBeInTheDocument();
    expect(screen.getByText(/6 clusters with cost data/)).toBeInTheDocument();
  });

  it("says which management clusters' KOF did not answer", async () => {
    const api = new MockK0rdentApi({ clusters, costs });
    const getCostSummary = api.getCostSummary.bind(api);
    jest.spyOn(api, 'getCostSummary').mockImplementation(async query => ({
      ...(await getCostSummary(query)),
      unavailable: [
        {
          managementCluster: 'mgmt-us',
          message: 'KOF regional gateway timeout',
        },
        { managementCluster: 'mgmt-ap', message: 'connection refused' },
      ],
    }));
    await renderCard(api);
    expect(
      await screen.findByText(
        (_, element) =>
          element?.tagName === 'P' &&
          element.textContent ===
            'Incomplete: KOF did not answer on mgmt-us, mgmt-ap; the clusters there are not counted.',
      ),
    ).toBeInTheDocument();
  });

  it('says "No cost data" when there is no cost the user may read', async () => {
    await renderCard(new MockK0rdentApi({ clusters, costs: [] }));
    expect(await screen.findByText('No cost data.')).toBeInTheDocument();
    expect(screen.queryByText(/per month/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '6 clusters' }),
    ).toBeInTheDocument();
  });

  it('keeps the counts when the cost cannot be read', async () => {
    await renderCard(
      new MockK0rdentApi({
        clusters,
        costs,
        failures: { getCostSummary: new Error('KOF is down') },
      }),
    );
    expect(
      await screen.findByText('The cost could not be read: KOF is down'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '6 clusters' }),
    ).toBeInTheDocument();
  });

  it('offers to create a cluster when the group owns none', async () => {
    const api = new MockK0rdentApi({
      clusters: [mockCluster({ name: 'other', owner: 'group:default/search' })],
    });
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await renderCard(api);
    expect(
      await screen.findByText(/This group owns no k0rdent cluster/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create a cluster' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/k0rdent-create-cluster',
    );
    expect(getCostSummary).not.toHaveBeenCalled();
  });

  it('shows an error panel when the clusters cannot be read', async () => {
    await renderCard(
      new MockK0rdentApi({
        failures: { listClusters: new Error('backend unreachable') },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Error: backend unreachable',
    );
  });
});
