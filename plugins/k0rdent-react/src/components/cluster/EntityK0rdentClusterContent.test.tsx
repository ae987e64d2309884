import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  type ClusterCost,
  type ClusterDetails,
  k0rdentClusterCostReadPermission,
  k0rdentClusterUpdatePermission,
  k0rdentEntityName,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, within } from '@testing-library/react';
import type { ClusterRef, K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster } from '../../testUtils';
import {
  clusterEntity,
  renderWithApis,
  responseError,
  uniqueClusterRef,
} from './__testUtils__/clusterTestUtils';
import { EntityK0rdentClusterContent } from './EntityK0rdentClusterContent';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

function entityLink(kind: string, namespace: string | undefined, name: string) {
  return `/catalog/default/resource/${k0rdentEntityName({
    managementCluster: 'mgmt',
    kind,
    namespace,
    name,
  })}`;
}

function apiFor(
  ref: ClusterRef,
  summary: Parameters<typeof mockCluster>[0] | Record<string, unknown> = {},
  details: Partial<ClusterDetails> = {},
) {
  return new MockK0rdentApi({
    clusters: [mockCluster({ ...ref, ...summary })],
    details: [{ ...ref, ...details }],
  });
}

async function render(options: {
  api: K0rdentApi;
  entity: Entity;
  allowed?: string[];
  refreshIntervalMs?: number;
}) {
  const { api, entity, allowed = [], refreshIntervalMs } = options;
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityK0rdentClusterContent refreshIntervalMs={refreshIntervalMs} />
    </EntityProvider>,
    { api, allowed },
  );
}

/** The value next to a label of the overview. */
function overview(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt *' }).closest('dt');
  return dt!.nextElementSibling as HTMLElement;
}

function rowsOf(tableName: string): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('EntityK0rdentClusterContent', () => {
  it('says so for an entity that is not a k0rdent cluster', async () => {
    await render({
      api: new MockK0rdentApi(),
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'web' },
      },
    });
    expect(screen.getByText('Not a k0rdent cluster')).toBeInTheDocument();
  });

  it('shows the overview with links to the template, credential, region and owner', async () => {
    const ref = uniqueClusterRef();
    const systemTemplate = `resource:default/${k0rdentEntityName({
      managementCluster: 'mgmt',
      kind: 'ClusterTemplate',
      namespace: 'kcm-system',
      name: 'aws-standalone-cp-1-0-1',
    })}`;
    await render({
      api: apiFor(
        ref,
        {
          status: 'Failed',
          message: 'AWSCluster is not ready: VPC limit exceeded',
          template: 'aws-standalone-cp-1-0-1',
          credential: 'aws-cred',
          provider: 'aws',
          region: 'eu',
          cloudRegion: 'eu-west-1',
          kubernetesVersion: 'v1.32.5+k0s.0',
          owner: 'group:default/team-a',
          tenant: 'TEAM-A',
          kofRole: 'child',
          createdAt: minutesAgo(3 * 60),
        },
        {},
      ),
      // The template is a copy: its entity is the original in kcm-system.
      entity: clusterEntity(ref, { dependsOn: [systemTemplate] }),
    });

    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(overview('Status')).toHaveTextContent(
      'FailedAWSCluster is not ready: VPC limit exceeded',
    );
    expect(
      within(overview('Template')).getByRole('link', {
        name: 'aws-standalone-cp-1-0-1',
      }),
    ).toHaveAttribute(
      'href',
      entityLink('ClusterTemplate', 'kcm-system', 'aws-standalone-cp-1-0-1'),
    );
    expect(
      within(overview('Credential')).getByRole('link', { name: 'aws-cred' }),
    ).toHaveAttribute('href', entityLink('Credential', 'team-a', 'aws-cred'));
    expect(
      within(overview('Region')).getByRole('link', { name: 'eu' }),
    ).toHaveAttribute('href', entityLink('Region', undefined, 'eu'));
    expect(
      within(overview('Owner')).getByRole('link', { name: /team-a/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-a');
    expect(overview('Provider')).toHaveTextContent('aws');
    expect(overview('Cloud region')).toHaveTextContent('eu-west-1');
    expect(overview('Kubernetes version')).toHaveTextContent('v1.32.5+k0s.0');
    expect(overview('KOF tenant')).toHaveTextContent('TEAM-A');
    expect(overview('KOF role')).toHaveTextContent('child');
    expect(overview('Created')).toHaveTextContent('3 hours ago');
  });

  it('warns that the state shown is the last known one while the management cluster does not answer', async () => {
    const ref = uniqueClusterRef();
    await render({
      api: apiFor(
        ref,
        { status: 'Stale' },
        { stale: true, staleSince: minutesAgo(5) },
      ),
      entity: clusterEntity(ref),
    });
    expect(
      await screen.findByText(
        /^Management cluster mgmt has not answered since 5 minutes ago \(.* UTC\); this is the last known state\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('lists conditions that are not True first', async () => {
    const ref = uniqueClusterRef();
    const condition = (type: string, status: 'True' | 'False' | 'Unknown') => ({
      type,
      status,
      reason: `${type}Reason`,
      message: `${type} is ${status}`,
      lastTransitionTime: minutesAgo(10),
    });
    await render({
      api: apiFor(
        ref,
        {},
        {
          conditions: [
            condition('Ready', 'True'),
            condition('InfrastructureReady', 'False'),
            condition('TemplateReady', 'True'),
            condition('HelmReleaseReady', 'Unknown'),
          ],
        },
      ),
      entity: clusterEntity(ref),
    });
    await screen.findByRole('table', { name: 'Conditions' });
    expect(rowsOf('Conditions')).toEqual([
      [
        'InfrastructureReady',
        'False',
        'InfrastructureReadyReason',
        'InfrastructureReady is False',
        '10 minutes ago',
      ],
      [
        'HelmReleaseReady',
        'Unknown',
        'HelmReleaseReadyReason',
        'HelmReleaseReady is Unknown',
        '10 minutes ago',
      ],
      ['Ready', 'True', 'ReadyReason', 'Ready is True', '10 minutes ago'],
      [
        'TemplateReady',
        'True',
        'TemplateReadyReason',
        'TemplateReady is True',
        '10 minutes ago',
      ],
    ]);
  });

  it('joins the services asked for with their state, failure messages included', async () => {
    const ref = uniqueClusterRef();
    const state = {
      type: 'Helm' as const,
      lastStateTransitionTime: minutesAgo(1),
    };
    await render({
      api: apiFor(
        ref,
        {},
        {
          serviceSpec: [
            {
              name: 'ingress-nginx',
              namespace: 'ingress',
              template: 'ingress-nginx-4-11-0',
            },
            {
              name: 'cert-manager',
              namespace: 'cert-manager',
              template: 'cert-manager-1-16-2',
              dependsOn: [{ name: 'ingress-nginx', namespace: 'ingress' }],
            },
            { name: 'kyverno', template: 'kyverno-3-2-6' },
          ],
          serviceStates: [
            {
              ...state,
              name: 'cert-manager',
              namespace: 'cert-manager',
              template: 'cert-manager-1-16-2',
              state: 'Failed',
              failureMessage: 'context deadline exceeded',
            },
            {
              ...state,
              name: 'ingress-nginx',
              namespace: 'ingress',
              template: 'ingress-nginx-4-11-0',
              state: 'Deployed',
            },
            {
              ...state,
              name: 'prometheus',
              namespace: 'monitoring',
              template: 'kube-prometheus-stack-66-1-0',
              state: 'Provisioning',
            },
          ],
        },
      ),
      entity: clusterEntity(ref),
    });
    await screen.findByRole('table', { name: 'Services' });
    expect(rowsOf('Services')).toEqual([
      [
        'ingress-nginx',
        'ingress',
        'ingress-nginx-4-11-0',
        'Deployed',
        '',
        'this cluster',
      ],
      [
        'cert-manager',
        'cert-manager',
        'cert-manager-1-16-2',
        'Failedcontext deadline exceeded',
        'ingress/ingress-nginx',
        'this cluster',
      ],
      ['kyverno', '', 'kyverno-3-2-6', 'Not reported yet', '', 'this cluster'],
      [
        'prometheus',
        'monitoring',
        'kube-prometheus-stack-66-1-0',
        'Provisioning',
        '',
        'a MultiClusterService',
      ],
    ]);
  });

  it('links valid upgrades to the prefilled upgrade template for a user who may update the cluster', async () => {
    const ref = uniqueClusterRef();
    await render({
      api: apiFor(
        ref,
        { template: 'aws-1-0-0' },
        {
          upgrades: [
            {
              name: 'aws-1-0-1',
              valid: true,
              kubernetesVersion: 'v1.32.6',
              chartVersion: '1.0.1',
            },
            { name: 'aws-1-1-0', valid: false },
          ],
        },
      ),
      entity: clusterEntity(ref),
      allowed: [k0rdentClusterUpdatePermission.name],
    });
    const link = await screen.findByRole('link', {
      name: 'Upgrade to aws-1-0-1',
    });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe(
      '/create/templates/default/k0rdent-upgrade-cluster',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      ...ref,
      template: 'aws-1-0-1',
    });
    // An invalid target cannot be used, so it gets no link.
    expect(
      screen.queryByRole('link', { name: 'Upgrade to aws-1-1-0' }),
    ).not.toBeInTheDocument();
    expect(rowsOf('Upgrades')[0].slice(0, 4)).toEqual([
      'aws-1-0-1',
      'yes',
      'v1.32.6',
      '1.0.1',
    ]);
  });

  it('offers no upgrade link to a user who may not update the cluster', async () => {
    const ref = uniqueClusterRef();
    const { answered } = await render({
      api: apiFor(ref, {}, { upgrades: [{ name: 'aws-1-0-1', valid: true }] }),
      entity: clusterEntity(ref),
      allowed: ['k0rdent.cluster.read'],
    });
    await screen.findByRole('table', { name: 'Upgrades' });
    await answered(k0rdentClusterUpdatePermission);
    expect(rowsOf('Upgrades')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: /^Upgrade to/ })).toBeNull();
  });

  it('says when there are no upgrades', async () => {
    const ref = uniqueClusterRef();
    await render({ api: apiFor(ref), entity: clusterEntity(ref) });
    expect(
      await screen.findByText(/^No upgrades available/),
    ).toBeInTheDocument();
  });

  it('shows the cost card only to users who may read the cost', async () => {
    const ref = uniqueClusterRef();
    const cost: ClusterCost = {
      ...ref,
      currency: 'EUR',
      hourly: 2,
      daily: 48,
      monthly: 1460,
      nodes: 2,
      byNamespace: [],
      at: minutesAgo(1),
    };
    const api = new MockK0rdentApi({
      clusters: [mockCluster(ref)],
      costs: [cost],
    });
    const { unmount } = await render({
      api,
      entity: clusterEntity(ref),
      allowed: [k0rdentClusterCostReadPermission.name],
    });
    expect(await screen.findByText('€1,460.00')).toBeInTheDocument();
    unmount();

    const other = uniqueClusterRef();
    const { answered } = await render({
      api: new MockK0rdentApi({
        clusters: [mockCluster(other)],
        costs: [{ ...cost, ...other }],
      }),
      entity: clusterEntity(other),
    });
    await screen.findByText('Overview');
    await answered(k0rdentClusterCostReadPermission);
    expect(screen.queryByText('Cost')).not.toBeInTheDocument();
    expect(screen.queryByText('€1,460.00')).not.toBeInTheDocument();
  });

  it('keeps the cluster on screen while reloading and notes a failed reload', async () => {
    const ref = uniqueClusterRef();
    const api = apiFor(ref, { kubernetesVersion: 'v1.32.5' });
    const getCluster = api.getCluster.bind(api);
    const spy = jest.spyOn(api, 'getCluster');
    await render({ api, entity: clusterEntity(ref), refreshIntervalMs: 50 });
    expect(await screen.findByText('v1.32.5')).toBeInTheDocument();

    spy.mockRejectedValue(
      await responseError(503, 'ServiceUnavailableError', 'mgmt is down'),
    );
    expect(
      await screen.findByText(/^Could not refresh: mgmt is down/),
    ).toBeInTheDocument();
    expect(screen.getByText('v1.32.5')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();

    spy.mockImplementation(async r => ({
      ...(await getCluster(r)),
      kubernetesVersion: 'v1.33.1',
    }));
    expect(await screen.findByText('v1.33.1')).toBeInTheDocument();
    expect(screen.queryByText(/^Could not refresh/)).toBeNull();
  });

  it('shows an error panel when the cluster cannot be loaded at all', async () => {
    const ref = uniqueClusterRef();
    await render({
      api: new MockK0rdentApi({
        failures: {
          getCluster: await responseError(
            403,
            'NotAllowedError',
            'You may not read this cluster',
          ),
        },
      }),
      entity: clusterEntity(ref),
    });
    expect(
      await screen.findByText(
        `Could not load cluster team-a/${ref.name} of management cluster mgmt`,
        { exact: false },
      ),
    ).toBeInTheDocument();
  });
});
