import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  type ClusterCost,
  ENTITY_ANNOTATIONS,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, within } from '@testing-library/react';
import type { K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster } from '../../testUtils';
import { renderWithApis } from '../cluster/__testUtils__/clusterTestUtils';
import { EntityK0rdentTenantContent } from './EntityK0rdentTenantContent';

const tenantEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'mgmt_tenant_acme',
    title: 'acme',
    annotations: {
      [ENTITY_ANNOTATIONS.managementCluster]: 'mgmt',
      [ENTITY_ANNOTATIONS.tenant]: 'acme',
    },
  },
  spec: { type: 'kof-tenant', owner: 'group:default/platform' },
};

const clusters = [
  mockCluster({
    name: 'acme-prod',
    tenant: 'acme',
    kubernetesVersion: 'v1.32.5+k0s.1',
  }),
  mockCluster({ name: 'acme-dev', tenant: 'acme', status: 'Provisioning' }),
  mockCluster({
    name: 'acme-eu',
    tenant: 'acme',
    template: 'azure-standalone-cp-1-0-0',
  }),
  mockCluster({ name: 'platform', tenant: 'PLATFORM' }),
  mockCluster({
    name: 'acme-other',
    tenant: 'acme',
    managementCluster: 'mgmt2',
  }),
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

async function render(api: K0rdentApi, entity: Entity = tenantEntity) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityK0rdentTenantContent />
    </EntityProvider>,
    { api },
  );
}

/** The cells of a table's rows; `header` leaves out the first row. */
function cellsOf(tableName: string, header: boolean): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(header ? 1 : 0)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('EntityK0rdentTenantContent', () => {
  it("lists the tenant's clusters with links, counted by status", async () => {
    const api = new MockK0rdentApi({ clusters });
    const listClusters = jest.spyOn(api, 'listClusters');
    await render(api);

    await screen.findByRole('table', { name: 'Clusters of the tenant' });
    expect(listClusters).toHaveBeenCalledWith({
      tenant: 'acme',
      managementCluster: 'mgmt',
      limit: 50,
    });
    expect(cellsOf('Clusters of the tenant', true)).toEqual([
      ['acme-dev', 'Provisioning', 'kcm-system', 'aws-standalone-cp-1-0-0', ''],
      ['acme-eu', 'Ready', 'kcm-system', 'azure-standalone-cp-1-0-0', ''],
      [
        'acme-prod',
        'Ready',
        'kcm-system',
        'aws-standalone-cp-1-0-0',
        'v1.32.5+k0s.1',
      ],
    ]);
    expect(screen.getByRole('link', { name: 'acme-prod' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/mgmt_clusterd_kcm-system_acme-prod',
    );
    const fleet = '/k0rdent?managementCluster=mgmt&tenant=acme';
    expect(screen.getByRole('link', { name: '3 clusters' })).toHaveAttribute(
      'href',
      fleet,
    );
    expect(
      screen.getByRole('link', { name: '2 Ready clusters' }),
    ).toHaveAttribute(
      'href',
      '/k0rdent?managementCluster=mgmt&status=Ready&tenant=acme',
    );
    expect(
      screen.getByRole('link', { name: '1 Provisioning cluster' }),
    ).toBeInTheDocument();
  });

  it("shows the tenant's monthly cost and its most expensive clusters", async () => {
    const api = new MockK0rdentApi({
      clusters,
      costs: [
        cost('acme-prod', 2),
        cost('acme-dev', 0.5),
        cost('platform', 100),
      ],
    });
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await render(api);

    expect(await screen.findByText('$1,825.00 per month')).toBeInTheDocument();
    expect(getCostSummary).toHaveBeenCalledWith({
      tenant: 'acme',
      managementCluster: 'mgmt',
      limit: 10,
    });
    expect(cellsOf('Most expensive clusters', false)).toEqual([
      ['acme-prod', '$1,460.00'],
      ['acme-dev', '$365.00'],
    ]);
    expect(screen.getByText(/2 clusters with cost data/)).toBeInTheDocument();
  });

  it('says when there is no cost data the user may read', async () => {
    await render(new MockK0rdentApi({ clusters }));
    expect(await screen.findByText('No cost data.')).toBeInTheDocument();
    expect(screen.queryByText(/per month/)).not.toBeInTheDocument();
  });

  it('shows error panels when clusters and cost cannot be loaded', async () => {
    await render(
      new MockK0rdentApi({
        clusters,
        failures: {
          listClusters: new Error('management cluster mgmt is unreachable'),
          getCostSummary: new Error('KOF is down'),
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the clusters of tenant acme/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Could not load the cost of tenant acme/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Clusters of the tenant' }),
    ).not.toBeInTheDocument();
  });

  it('says so for an entity that is not a KOF tenant', async () => {
    await render(new MockK0rdentApi({ clusters }), {
      ...tenantEntity,
      kind: 'Component',
    });
    expect(await screen.findByText('Not a KOF tenant')).toBeInTheDocument();
  });
});
