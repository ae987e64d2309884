import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ClusterMetrics } from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef, type K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster } from '../../testUtils';
import { clusterEntity, responseError } from './__testUtils__/clusterTestUtils';
import { ClusterMetricsCard } from './ClusterMetricsCard';

const ref = { managementCluster: 'mgmt', namespace: 'team-a', name: 'prod' };
const GiB = 1024 ** 3;
const END = Math.floor(Date.now() / 1000);
const series = (values: number[]): Array<[number, number]> =>
  values.map((v, i) => [END - (values.length - 1 - i) * 300, v]);

const metrics: Omit<ClusterMetrics, 'window'> = {
  ...ref,
  start: new Date((END - 600) * 1000).toISOString(),
  end: new Date(END * 1000).toISOString(),
  stepSeconds: 300,
  metrics: [
    {
      id: 'cpu',
      title: 'CPU used',
      unit: 'cores',
      points: series([1.5, 2, 2.35]),
      latest: 2.35,
      capacity: 8,
    },
    {
      id: 'memory',
      title: 'Memory used',
      unit: 'bytes',
      points: series([3 * GiB, 3.2 * GiB, 3.5 * GiB]),
      latest: 3.5 * GiB,
      capacity: 16 * GiB,
    },
    {
      id: 'nodes',
      title: 'Nodes up',
      unit: 'nodes',
      points: series([3, 3, 3]),
      latest: 3,
    },
  ],
};

function render(api: K0rdentApi, props: { refreshIntervalMs?: number } = {}) {
  return renderInTestApp(
    <TestApiProvider apis={[[k0rdentApiRef, api]]}>
      <ClusterMetricsCard cluster={ref} {...props} />
    </TestApiProvider>,
  );
}

describe('ClusterMetricsCard', () => {
  it('shows the latest CPU, memory and nodes with a chart each', async () => {
    await render(
      new MockK0rdentApi({ clusters: [mockCluster(ref)], metrics: [metrics] }),
    );
    expect(await screen.findByTestId('latest-cpu')).toHaveTextContent(
      '2.35 cores of 8 cores (29%)',
    );
    expect(screen.getByTestId('latest-memory')).toHaveTextContent(
      '3.5 GiB of 16.0 GiB (22%)',
    );
    expect(screen.getByTestId('latest-nodes')).toHaveTextContent('3 nodes up');
    expect(
      screen.getByRole('img', {
        name: /^CPU used: latest 2\.35 cores, capacity 8 cores/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Memory used: latest 3\.5 GiB/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Nodes up: latest 3 nodes/ }),
    ).toBeInTheDocument();
  });

  it('shows the cluster of the entity page when given none', async () => {
    const api = new MockK0rdentApi({
      clusters: [mockCluster(ref)],
      metrics: [metrics],
    });
    const getClusterMetrics = jest.spyOn(api, 'getClusterMetrics');
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <EntityProvider entity={clusterEntity(ref)}>
          <ClusterMetricsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('latest-nodes')).toHaveTextContent(
      '3 nodes up',
    );
    expect(getClusterMetrics).toHaveBeenCalledWith(ref, '6h');
  });

  it('loads the 6h window first and the window the user picks next', async () => {
    const api = new MockK0rdentApi({
      clusters: [mockCluster(ref)],
      metrics: [metrics],
    });
    const getClusterMetrics = jest.spyOn(api, 'getClusterMetrics');
    await render(api);
    await screen.findByTestId('latest-cpu');
    expect(getClusterMetrics).toHaveBeenLastCalledWith(ref, '6h');
    expect(screen.getByRole('button', { name: 'Last 6h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Last 24h' }));
    await waitFor(() =>
      expect(getClusterMetrics).toHaveBeenLastCalledWith(ref, '24h'),
    );
    expect(screen.getByRole('button', { name: 'Last 24h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await screen.findByTestId('latest-cpu')).toBeInTheDocument();
  });

  it("says KOF is not reachable when the backend cannot reach KOF's Promxy", async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      "KOF's Promxy on management cluster 'mgmt' is not reachable: connect ECONNREFUSED",
    );
    await render(
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        failures: { getClusterMetrics: error },
      }),
    );
    expect(
      await screen.findByText(
        "KOF is not reachable on management cluster mgmt: KOF's Promxy on management cluster 'mgmt' is not reachable: connect ECONNREFUSED",
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's message when KOF cannot tell the cluster apart from another", async () => {
    const message =
      "KOF cannot tell cluster team-a/prod apart from another cluster named 'prod' on management cluster 'mgmt': its metrics are labelled by name and tenant only";
    await render(
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        failures: {
          getClusterMetrics: await responseError(409, 'ConflictError', message),
        },
      }),
    );
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('says KOF has no data when no metric has points', async () => {
    await render(
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        metrics: [
          {
            ...metrics,
            metrics: metrics.metrics.map(m => ({
              ...m,
              points: [],
              latest: undefined,
            })),
          },
        ],
      }),
    );
    expect(
      await screen.findByText(
        'KOF has no data for this cluster yet (not a KOF cluster, or not reporting).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('keeps showing the last metrics when a refresh fails', async () => {
    const api = new MockK0rdentApi({
      clusters: [mockCluster(ref)],
      metrics: [metrics],
    });
    await render(api, { refreshIntervalMs: 50 });
    expect(await screen.findByTestId('latest-cpu')).toHaveTextContent(
      '2.35 cores',
    );
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Promxy timed out',
    );
    jest.spyOn(api, 'getClusterMetrics').mockRejectedValue(error);
    expect(
      await screen.findByText(/Could not refresh: Promxy timed out/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('latest-cpu')).toHaveTextContent(
      '2.35 cores of 8 cores',
    );
  });
});
