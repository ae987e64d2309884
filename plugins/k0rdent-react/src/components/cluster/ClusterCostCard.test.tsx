import {
  type ClusterCost,
  k0rdentClusterCostReadPermission,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, within } from '@testing-library/react';
import type { ClusterRef, K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster } from '../../testUtils';
import {
  renderWithApis,
  responseError,
  uniqueClusterRef,
} from './__testUtils__/clusterTestUtils';
import { ClusterCostCard } from './ClusterCostCard';

const AT = new Date(Date.now() - 120_000).toISOString();

const costOf = (ref: ClusterRef): ClusterCost => ({
  ...ref,
  currency: 'USD',
  hourly: 1.25,
  daily: 30,
  monthly: 912.5,
  nodes: 3,
  byNamespace: [
    { namespace: 'team-a', hourly: 0.75 },
    { namespace: 'kube-system', hourly: 0.5 },
  ],
  at: AT,
});

function render(ref: ClusterRef, api: K0rdentApi, allowed: string[]) {
  return renderWithApis(<ClusterCostCard cluster={ref} />, { api, allowed });
}

describe('ClusterCostCard', () => {
  it('renders nothing, and asks for nothing, without the cost permission', async () => {
    const ref = uniqueClusterRef();
    const api = new MockK0rdentApi({
      clusters: [mockCluster(ref)],
      costs: [costOf(ref)],
    });
    const getClusterCost = jest.spyOn(api, 'getClusterCost');
    const { container, answered } = await render(ref, api, [
      'k0rdent.cluster.read',
    ]);
    await answered(k0rdentClusterCostReadPermission);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByText('Cost')).not.toBeInTheDocument();
    expect(getClusterCost).not.toHaveBeenCalled();
  });

  it('shows the cost per hour, day and month and by namespace', async () => {
    const ref = uniqueClusterRef();
    await render(
      ref,
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        costs: [costOf(ref)],
      }),
      [k0rdentClusterCostReadPermission.name],
    );
    expect(await screen.findByText('$1.25')).toBeInTheDocument();
    expect(screen.getByText('$30.00')).toBeInTheDocument();
    expect(screen.getByText('$912.50')).toBeInTheDocument();
    expect(screen.getByText(/3 nodes priced, as of/)).toHaveTextContent(
      '3 nodes priced, as of 2 minutes ago',
    );
    const table = screen.getByRole('table', { name: 'Cost by namespace' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'team-a$0.75$547.5060%',
      'kube-system$0.5$365.0040%',
    ]);
    expect(
      within(table).getByRole('progressbar', { name: 'Share of team-a' }),
    ).toHaveAttribute('aria-valuenow', '60');
  });

  it('says there is no cost data when KOF has none', async () => {
    const ref = uniqueClusterRef();
    await render(
      ref,
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        costs: [
          {
            ...ref,
            currency: 'USD',
            nodes: 0,
            byNamespace: [],
            at: AT,
          },
        ],
      }),
      [k0rdentClusterCostReadPermission.name],
    );
    expect(await screen.findByText(/^No cost data/)).toBeInTheDocument();
  });

  it('says KOF is not reachable when the backend cannot reach it', async () => {
    const ref = uniqueClusterRef();
    await render(
      ref,
      new MockK0rdentApi({
        clusters: [mockCluster(ref)],
        failures: {
          getClusterCost: await responseError(
            503,
            'ServiceUnavailableError',
            'Promxy refused the connection',
          ),
        },
      }),
      [k0rdentClusterCostReadPermission.name],
    );
    expect(
      await screen.findByText(
        'KOF is not reachable on management cluster mgmt: Promxy refused the connection',
      ),
    ).toBeInTheDocument();
  });
});
