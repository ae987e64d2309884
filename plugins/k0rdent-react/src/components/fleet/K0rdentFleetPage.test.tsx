import { useLocation, useNavigate } from 'react-router-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ClusterSummary } from '@k0rdent-backstage/plugin-k0rdent-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { k0rdentApiRef, type K0rdentApi } from '../../api';
import {
  MockK0rdentApi,
  mockCluster,
  mockManagementCluster,
} from '../../testUtils';
import { K0rdentFleetPage } from './K0rdentFleetPage';

const payments = 'group:default/payments';
const search = 'group:default/search';

const fleet: ClusterSummary[] = [
  mockCluster({
    name: 'prod-eu',
    namespace: 'team-a',
    owner: payments,
    provider: 'aws',
    cloudRegion: 'eu-west-1',
    kubernetesVersion: 'v1.31.2',
    services: { ready: 2, total: 3 },
    availableUpgrades: ['aws-standalone-cp-1-0-1', 'aws-standalone-cp-1-1-0'],
  }),
  mockCluster({
    name: 'prod-us',
    namespace: 'team-a',
    owner: payments,
    provider: 'aws',
    status: 'Failed',
    phase: 'Failed',
    message: 'AWSCluster: VPC limit exceeded',
  }),
  mockCluster({
    name: 'staging',
    namespace: 'team-a',
    owner: payments,
    provider: 'azure',
    status: 'Provisioning',
    phase: 'Provisioning',
  }),
  mockCluster({
    name: 'dev',
    namespace: 'team-b',
    owner: search,
    provider: 'azure',
  }),
  mockCluster({
    name: 'ci',
    namespace: 'team-b',
    owner: search,
    provider: 'aws',
    status: 'Failed',
    phase: 'Failed',
  }),
];

const managementClusters = [
  mockManagementCluster({ name: 'mgmt', clusters: 5 }),
  mockManagementCluster({ name: 'mgmt-eu', clusters: 0 }),
];

/** Shows where the page navigated to, and lets a test go back. */
function Location() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output aria-label="location">{`${location.pathname}${location.search}`}</output>
      <button onClick={() => navigate(-1)}>browser back</button>
    </>
  );
}

async function renderPage(api: K0rdentApi, url = '/k0rdent') {
  return renderInTestApp(
    <TestApiProvider apis={[[k0rdentApiRef, api]]}>
      <K0rdentFleetPage />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The names in the table's rows, top to bottom. */
function shownClusters(): string[] {
  // Plain DOM rather than role queries, which are slow on a page of rows.
  const table = screen.getByRole('table', { name: 'Clusters' });
  return Array.from(
    table.querySelectorAll('tbody tr'),
    row => row.querySelector('td')?.textContent ?? '',
  );
}

function facet(name: string) {
  return within(screen.getByRole('group', { name }));
}

function currentUrl(): string {
  return screen.getByRole('status', { name: 'location' }).textContent ?? '';
}

describe('K0rdentFleetPage', () => {
  it('shows every cluster with its columns, the total, and a quiet health line', async () => {
    await renderPage(
      new MockK0rdentApi({ clusters: fleet, managementClusters }),
    );
    expect(
      screen.getByRole('heading', { name: 'k0rdent fleet' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('5 clusters')).toBeInTheDocument();
    expect(shownClusters()).toEqual([
      'ci',
      'dev',
      'prod-eu',
      'prod-us',
      'staging',
    ]);
    expect(
      screen.getByText('2 management clusters, all connected'),
    ).toBeInTheDocument();

    const row = screen.getByRole('link', { name: 'prod-eu' }).closest('tr')!;
    expect(screen.getByRole('link', { name: 'prod-eu' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/mgmt_clusterd_team-a_prod-eu',
    );
    for (const text of [
      'Ready',
      'mgmt',
      'team-a',
      'aws',
      'eu-west-1',
      'v1.31.2',
      'aws-standalone-cp-1-0-0',
      'PLATFORM',
      '2/3',
      '2',
    ]) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(within(row).getByRole('link', { name: /payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
  });

  it("shows a not-Ready cluster's message as the tooltip of its status", async () => {
    await renderPage(new MockK0rdentApi({ clusters: fleet }));
    const row = (await screen.findByRole('link', { name: 'prod-us' })).closest(
      'tr',
    )!;
    await userEvent.hover(within(row).getByText('Failed'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'AWSCluster: VPC limit exceeded',
    );
  });

  it('lists facet values with counts; checking one filters the rows and the URL', async () => {
    await renderPage(new MockK0rdentApi({ clusters: fleet }));
    await screen.findByText('5 clusters');
    expect(
      facet('Status')
        .getAllByRole('checkbox')
        .map(c => c.closest('label')?.textContent),
    ).toEqual(['Failed (2)', 'Ready (2)', 'Provisioning (1)']);
    expect(
      facet('Owner').getByRole('checkbox', { name: 'group:payments (3)' }),
    ).toBeInTheDocument();

    await userEvent.click(
      facet('Status').getByRole('checkbox', { name: 'Failed (2)' }),
    );

    await waitFor(() => expect(shownClusters()).toEqual(['ci', 'prod-us']));
    expect(screen.getByText('2 clusters')).toBeInTheDocument();
    expect(currentUrl()).toBe('/k0rdent?status=Failed');
    expect(
      facet('Status').getByRole('checkbox', { name: 'Failed (2)' }),
    ).toBeChecked();
    // The other statuses keep their counts, so that they can be added.
    expect(
      facet('Status').getByRole('checkbox', { name: 'Ready (2)' }),
    ).not.toBeChecked();
    // Other facets count only the Failed clusters.
    expect(
      facet('Owner').getByRole('checkbox', { name: 'group:payments (1)' }),
    ).toBeInTheDocument();
  });

  it('combines two facets (AND) and two values of one facet (OR)', async () => {
    await renderPage(new MockK0rdentApi({ clusters: fleet }));
    await screen.findByText('5 clusters');

    await userEvent.click(
      facet('Owner').getByRole('checkbox', { name: 'group:payments (3)' }),
    );
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-eu', 'prod-us', 'staging']),
    );
    await userEvent.click(
      facet('Provider').getByRole('checkbox', { name: 'aws (2)' }),
    );
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-eu', 'prod-us']),
    );
    expect(currentUrl()).toBe(
      '/k0rdent?provider=aws&owner=group:default/payments',
    );

    await userEvent.click(
      facet('Provider').getByRole('checkbox', { name: 'azure (1)' }),
    );
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-eu', 'prod-us', 'staging']),
    );
    expect(currentUrl()).toBe(
      '/k0rdent?provider=aws&provider=azure&owner=group:default/payments',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(shownClusters()).toHaveLength(5));
    expect(currentUrl()).toBe('/k0rdent');
  });

  it('searches once typing pauses, and keeps the search in the URL', async () => {
    const api = new MockK0rdentApi({ clusters: fleet });
    const listClusters = jest.spyOn(api, 'listClusters');
    await renderPage(api);
    await screen.findByText('5 clusters');
    listClusters.mockClear();

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'prod',
    );

    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-eu', 'prod-us']),
    );
    expect(currentUrl()).toBe('/k0rdent?q=prod');
    // One request for the whole word, not one per key stroke.
    expect(listClusters).toHaveBeenCalledTimes(1);
    expect(listClusters).toHaveBeenCalledWith(
      expect.objectContaining({ q: 'prod' }),
    );
  });

  it('sorts by a column on the server, and the other way round on a second click', async () => {
    const api = new MockK0rdentApi({ clusters: fleet });
    const listClusters = jest.spyOn(api, 'listClusters');
    await renderPage(api);
    await screen.findByText('5 clusters');

    await userEvent.click(screen.getByRole('button', { name: 'Provider' }));
    await waitFor(() =>
      expect(listClusters).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'provider', order: 'asc' }),
      ),
    );
    expect(currentUrl()).toBe('/k0rdent?sort=provider');
    await waitFor(() =>
      expect(shownClusters()).toEqual([
        'prod-eu',
        'prod-us',
        'ci',
        'staging',
        'dev',
      ]),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Provider' }));
    await waitFor(() =>
      expect(listClusters).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'provider', order: 'desc' }),
      ),
    );
    expect(currentUrl()).toBe('/k0rdent?sort=provider&order=desc');
    expect(
      screen.getByRole('columnheader', { name: /Provider/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('asks the server for the next page only, keeping the rows until it answers', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      mockCluster({ name: `c${String(i).padStart(2, '0')}` }),
    );
    const api = new MockK0rdentApi({ clusters: many });
    const listClusters = jest.spyOn(api, 'listClusters');
    await renderPage(api, '/k0rdent?pageSize=25');
    await screen.findByText('30 clusters');
    expect(listClusters).toHaveBeenCalledWith(
      expect.objectContaining({ offset: 0, limit: 25 }),
    );
    expect(shownClusters()).toHaveLength(25);

    let answer: () => void = () => {};
    listClusters.mockImplementationOnce(
      query =>
        new Promise(resolve => {
          answer = () =>
            resolve(new MockK0rdentApi({ clusters: many }).listClusters(query));
        }),
    );
    await userEvent.click(screen.getByLabelText('Next page'));

    expect(listClusters).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 25, limit: 25 }),
    );
    expect(currentUrl()).toBe('/k0rdent?page=2&pageSize=25');
    // While the next page loads, the previous one stays.
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(shownClusters()[0]).toBe('c00');

    await act(async () => answer());
    await waitFor(() => expect(shownClusters()[0]).toBe('c25'));
    expect(shownClusters()).toHaveLength(5);
    expect(screen.getByText(/26\D30 of 30/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('renders a linked view filtered on load, and goes back to the previous view', async () => {
    await renderPage(
      new MockK0rdentApi({ clusters: fleet }),
      '/k0rdent?owner=group:default/payments&status=Failed&status=Provisioning',
    );
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-us', 'staging']),
    );
    expect(
      facet('Status').getByRole('checkbox', { name: 'Failed (1)' }),
    ).toBeChecked();
    expect(
      facet('Status').getByRole('checkbox', { name: 'Provisioning (1)' }),
    ).toBeChecked();
    expect(
      facet('Owner').getByRole('checkbox', { name: 'group:payments (2)' }),
    ).toBeChecked();

    await userEvent.click(
      facet('Status').getByRole('checkbox', { name: 'Provisioning (1)' }),
    );
    await waitFor(() => expect(shownClusters()).toEqual(['prod-us']));
    await userEvent.click(screen.getByRole('button', { name: 'browser back' }));
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-us', 'staging']),
    );
  });

  it('warns about a management cluster that does not answer', async () => {
    await renderPage(
      new MockK0rdentApi({
        clusters: fleet,
        managementClusters: [
          mockManagementCluster({ name: 'mgmt', clusters: 5 }),
          mockManagementCluster({
            name: 'mgmt-us',
            title: 'US',
            connected: false,
            synced: false,
            staleSince: DateTime.now().minus({ minutes: 5 }).toISO()!,
            lastError: 'dial tcp 10.0.0.1:6443: i/o timeout',
            clusters: 3,
          }),
        ],
      }),
    );
    expect(
      await screen.findByText(
        'Warning: Management cluster US (mgmt-us) does not answer since 5 minutes ago',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(/Its 3 clusters show the last known state/),
    ).toBeVisible();
    expect(
      screen.getByText('Last error: dial tcp 10.0.0.1:6443: i/o timeout'),
    ).toBeVisible();
    expect(screen.queryByText(/all connected/)).not.toBeInTheDocument();
  });

  it('shows an error panel when the fleet cannot be read', async () => {
    await renderPage(
      new MockK0rdentApi({
        clusters: fleet,
        failures: { listClusters: new Error('backend unreachable') },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Error: backend unreachable',
    );
    expect(
      screen.queryByRole('table', { name: 'Clusters' }),
    ).not.toBeInTheDocument();
  });

  it('reads the fleet again every 15 seconds', async () => {
    jest.useFakeTimers();
    try {
      const api = new MockK0rdentApi({ clusters: fleet });
      const listClusters = jest.spyOn(api, 'listClusters');
      await renderPage(api);
      await screen.findByText('5 clusters');
      const before = listClusters.mock.calls.length;
      await act(async () => {
        jest.advanceTimersByTime(14_000);
      });
      expect(listClusters).toHaveBeenCalledTimes(before);
      await act(async () => {
        jest.advanceTimersByTime(1_000);
      });
      expect(listClusters).toHaveBeenCalledTimes(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });
});
