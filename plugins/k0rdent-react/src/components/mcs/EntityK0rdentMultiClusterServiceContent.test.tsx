import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ENTITY_ANNOTATIONS,
  k0rdentEntityName,
  k0rdentEntityRef,
  type MultiClusterServiceCluster,
  type MultiClusterServiceDetails,
  type ServiceState,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, within } from '@testing-library/react';
import type { K0rdentApi } from '../../api';
import { MockK0rdentApi } from '../../testUtils';
import {
  renderWithApis,
  responseError,
} from '../cluster/__testUtils__/clusterTestUtils';
import { EntityK0rdentMultiClusterServiceContent } from './EntityK0rdentMultiClusterServiceContent';
import { isK0rdentMultiClusterServiceEntity } from './multiClusterServiceRefOfEntity';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

function mcsEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: k0rdentEntityName({
        managementCluster: 'mgmt',
        kind: 'MultiClusterService',
        name,
      }),
      annotations: {
        [ENTITY_ANNOTATIONS.managementCluster]: 'mgmt',
        [ENTITY_ANNOTATIONS.kind]: 'MultiClusterService',
        [ENTITY_ANNOTATIONS.name]: name,
      },
    },
    spec: {
      type: 'k0rdent-multi-cluster-service',
      owner: 'group:default/platform',
    },
  };
}

function state(
  name: string,
  namespace: string,
  s: ServiceState['state'],
  failureMessage?: string,
): ServiceState {
  return {
    name,
    namespace,
    template: `${name}-1-0-0`,
    type: 'Helm',
    state: s,
    lastStateTransitionTime: minutesAgo(5),
    ...(failureMessage ? { failureMessage } : {}),
  };
}

function cluster(
  namespace: string,
  name: string,
  fields: Partial<MultiClusterServiceCluster> = {},
): MultiClusterServiceCluster {
  return {
    namespace,
    name,
    entityRef: k0rdentEntityRef({
      managementCluster: 'mgmt',
      kind: 'ClusterDeployment',
      namespace,
      name,
    }),
    status: 'Ready',
    phase: 'Ready',
    deployed: true,
    services: [],
    ...fields,
  };
}

/** prod-ingress: ingress-nginx and an app after it, on prod clusters. */
function details(
  fields: Partial<MultiClusterServiceDetails> = {},
): MultiClusterServiceDetails {
  return {
    managementCluster: 'mgmt',
    name: 'prod-ingress',
    entityRef: k0rdentEntityRef({
      managementCluster: 'mgmt',
      kind: 'MultiClusterService',
      name: 'prod-ingress',
    }),
    clusterSelector: { matchLabels: { env: 'prod' } },
    selector: 'env=prod, tier in (web)',
    dependsOn: ['security-base'],
    selfManagement: false,
    services: [
      {
        name: 'ingress-nginx',
        namespace: 'ingress',
        template: 'ingress-nginx-4-15-1',
      },
      {
        name: 'app',
        template: 'app-1-0-0',
        dependsOn: [{ name: 'ingress-nginx', namespace: 'ingress' }],
      },
    ],
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'Failed',
        message: '1/2 Clusters are ready.',
        lastTransitionTime: minutesAgo(10),
      },
      {
        type: 'ServicesReferencesValidation',
        status: 'True',
        reason: 'Succeeded',
        message: '',
        lastTransitionTime: minutesAgo(10),
      },
    ],
    clusters: [
      cluster('team-a', 'web-1', {
        services: [
          state('ingress-nginx', 'ingress', 'Deployed'),
          state('app', 'default', 'Deployed'),
        ],
        lastTransitionTime: minutesAgo(3),
      }),
      cluster('team-b', 'web-2', {
        status: 'Provisioning',
        phase: 'Provisioning',
        deployed: false,
        reason: 'MultiClusterServiceDependencyNotReady',
        message: 'waiting on security-base (0/1 services deployed)',
        services: [
          state(
            'ingress-nginx',
            'ingress',
            'Failed',
            'context deadline exceeded',
          ),
        ],
      }),
    ],
    managementClusterServices: [],
    counts: { matching: 2, deployed: 1, failed: 1, hidden: 0 },
    stale: false,
    createdAt: minutesAgo(60),
    ...fields,
  };
}

async function render(options: {
  api: K0rdentApi;
  entity?: Entity;
  refreshIntervalMs?: number;
}) {
  const {
    api,
    entity = mcsEntity('prod-ingress'),
    refreshIntervalMs,
  } = options;
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityK0rdentMultiClusterServiceContent
        refreshIntervalMs={refreshIntervalMs}
      />
    </EntityProvider>,
    { api },
  );
}

function rowsOf(tableName: string): HTMLElement[] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table).getAllByRole('row').slice(1);
}

function cellsOf(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent ?? '');
}

/** The value next to a label of the overview. */
function overview(title: string): HTMLElement {
  const table = screen
    .getByText('Cluster selector', { selector: 'td' })
    .closest('table');
  const row = within(table!).getByText(title, { selector: 'td' }).closest('tr');
  return within(row!).getAllByRole('cell')[1];
}

function entityLink(kind: string, namespace: string | undefined, name: string) {
  return `/catalog/default/resource/${k0rdentEntityName({
    managementCluster: 'mgmt',
    kind,
    namespace,
    name,
  })}`;
}

describe('EntityK0rdentMultiClusterServiceContent', () => {
  it('tells MultiClusterService entities from others', async () => {
    expect(isK0rdentMultiClusterServiceEntity(mcsEntity('x'))).toBe(true);
    const cd = mcsEntity('x');
    cd.metadata.annotations![ENTITY_ANNOTATIONS.kind] = 'ClusterDeployment';
    cd.metadata.annotations![ENTITY_ANNOTATIONS.namespace] = 'team-a';
    expect(isK0rdentMultiClusterServiceEntity(cd)).toBe(false);

    await render({ api: new MockK0rdentApi(), entity: cd });
    expect(
      screen.getByText('Not a k0rdent MultiClusterService'),
    ).toBeInTheDocument();
  });

  it('shows the selector, dependencies, readiness and services', async () => {
    await render({
      api: new MockK0rdentApi({ multiClusterServices: [details()] }),
    });
    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(overview('Cluster selector')).toHaveTextContent(
      'env=prod, tier in (web)',
    );
    expect(
      within(overview('Depends on')).getByRole('link', {
        name: 'security-base',
      }),
    ).toHaveAttribute(
      'href',
      entityLink('MultiClusterService', undefined, 'security-base'),
    );
    expect(overview('Ready')).toHaveTextContent(
      'Not ready1/2 Clusters are ready.',
    );
    expect(overview('Conditions')).toHaveTextContent('1 of 2 True');
    expect(rowsOf('Services').map(cellsOf)).toEqual([
      ['ingress-nginx', 'ingress', 'ingress-nginx-4-15-1', ''],
      ['app', 'default', 'app-1-0-0', 'ingress/ingress-nginx'],
    ]);
    expect(
      screen.getByRole('link', { name: 'ingress-nginx-4-15-1' }),
    ).toHaveAttribute(
      'href',
      entityLink('ServiceTemplate', 'kcm-system', 'ingress-nginx-4-15-1'),
    );
  });

  it('shows the rollout: counts and a row per matching cluster with its service states and failures', async () => {
    await render({
      api: new MockK0rdentApi({ multiClusterServices: [details()] }),
    });
    expect(
      await screen.findByText('Deployed on 1 of 2 clusters, failed on 1'),
    ).toBeInTheDocument();
    const [web1, web2] = rowsOf('Matching clusters');
    expect(cellsOf(web1)).toEqual([
      'team-a/web-1',
      'Ready',
      'Yes',
      'ingress-nginx: Deployedapp: Deployed',
      '3 minutes ago',
    ]);
    expect(
      within(web1).getByRole('link', { name: 'team-a/web-1' }),
    ).toHaveAttribute(
      'href',
      entityLink('ClusterDeployment', 'team-a', 'web-1'),
    );
    expect(cellsOf(web2)).toEqual([
      'team-b/web-2',
      'Provisioning',
      'NoMultiClusterServiceDependencyNotReady: waiting on security-base (0/1 services deployed)',
      'ingress-nginx: Failedcontext deadline exceededapp: Not reported yet',
      '',
    ]);
    expect(screen.queryByText(/you may not see/)).toBeNull();
  });

  it('says how many matching clusters the user may not see', async () => {
    await render({
      api: new MockK0rdentApi({
        multiClusterServices: [
          details({
            clusters: [],
            counts: { matching: 0, deployed: 0, failed: 0, hidden: 3 },
          }),
        ],
      }),
    });
    expect(
      await screen.findByText(
        '3 clusters you may not see match too; they are not listed.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Deployed on 0 of 0 clusters')).toBeInTheDocument();
    expect(
      screen.getByText('No matching cluster you may see.'),
    ).toBeInTheDocument();
  });

  it('keeps the rollout on screen while reloading and notes a failed reload', async () => {
    const api = new MockK0rdentApi({ multiClusterServices: [details()] });
    const load = api.getMultiClusterService.bind(api);
    const spy = jest.spyOn(api, 'getMultiClusterService');
    await render({ api, refreshIntervalMs: 50 });
    expect(await screen.findByText('team-a/web-1')).toBeInTheDocument();

    spy.mockRejectedValue(
      await responseError(503, 'ServiceUnavailableError', 'mgmt is down'),
    );
    expect(
      await screen.findByText(/^Could not refresh: mgmt is down/),
    ).toBeInTheDocument();
    expect(screen.getByText('team-a/web-1')).toBeInTheDocument();

    spy.mockImplementation(async ref => ({
      ...(await load(ref)),
      counts: { matching: 2, deployed: 2, failed: 0, hidden: 0 },
    }));
    expect(
      await screen.findByText('Deployed on 2 of 2 clusters'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Could not refresh/)).toBeNull();
  });

  it('shows an error panel when the MultiClusterService cannot be loaded', async () => {
    await render({
      api: new MockK0rdentApi({
        failures: {
          getMultiClusterService: await responseError(
            404,
            'NotFoundError',
            "No MultiClusterService 'prod-ingress' on management cluster 'mgmt'",
          ),
        },
      }),
    });
    expect(
      await screen.findByText(
        'Could not load MultiClusterService prod-ingress of management cluster mgmt',
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/No MultiClusterService 'prod-ingress'/).length,
    ).toBeGreaterThan(0);
  });
});
