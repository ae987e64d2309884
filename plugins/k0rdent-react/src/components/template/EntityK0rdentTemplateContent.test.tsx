import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ENTITY_ANNOTATIONS,
  k0rdentEntityName,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { K0rdentApi } from '../../api';
import { MockK0rdentApi, mockCluster, mockTemplate } from '../../testUtils';
import { renderWithApis } from '../cluster/__testUtils__/clusterTestUtils';
import { EntityK0rdentTemplateContent } from './EntityK0rdentTemplateContent';

function templateEntity(kind: string, name: string, namespace = 'kcm-system') {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: k0rdentEntityName({
        managementCluster: 'mgmt',
        kind,
        namespace,
        name,
      }),
      annotations: {
        [ENTITY_ANNOTATIONS.managementCluster]: 'mgmt',
        [ENTITY_ANNOTATIONS.kind]: kind,
        [ENTITY_ANNOTATIONS.namespace]: namespace,
        [ENTITY_ANNOTATIONS.name]: name,
      },
    },
    spec: { type: 'k0rdent-cluster-template', owner: 'group:default/platform' },
  } satisfies Entity;
}

function templateHref(kind: string, name: string) {
  return `/catalog/default/resource/${k0rdentEntityName({
    managementCluster: 'mgmt',
    kind,
    namespace: 'kcm-system',
    name,
  })}`;
}

const templates = [
  mockTemplate({
    name: 'aws-1-0-0',
    provider: 'aws',
    upgrades: ['aws-1-0-1', 'aws-1-1-0'],
  }),
  mockTemplate({
    name: 'aws-1-0-1',
    description: 'AWS standalone control plane',
    provider: 'aws',
    chartVersion: '1.0.1',
    kubernetesVersion: 'v1.32.5+k0s.1',
    upgrades: ['aws-1-1-0'],
    defaults: { controlPlaneNumber: 3, region: 'eu-west-1' },
    valuesSchema: { type: 'object' },
  }),
  mockTemplate({
    name: 'aws-1-1-0',
    provider: 'aws',
    kubernetesVersion: 'v1.33.1+k0s.0',
    valid: false,
    validationError: 'chart aws-1-1-0 not found',
  }),
  // Same name, other namespace: not part of this namespace's chain.
  mockTemplate({
    name: 'aws-0-9-0',
    namespace: 'team-a',
    upgrades: ['aws-1-0-1'],
  }),
  mockTemplate({
    name: 'ingress-nginx-4-11-0',
    kind: 'service',
    version: '1.11.0',
    chartVersion: '4.11.0',
    upgrades: [],
  }),
];

const clusters = [
  mockCluster({ name: 'prod-eu', template: 'aws-1-0-1' }),
  mockCluster({ name: 'prod-us', template: 'aws-1-0-1', status: 'Failed' }),
  mockCluster({ name: 'staging', template: 'aws-1-0-1' }),
  mockCluster({ name: 'other', template: 'aws-1-0-0' }),
  mockCluster({ name: 'team', namespace: 'team-a', template: 'aws-1-0-1' }),
];

async function render(
  entity: Entity,
  api: K0rdentApi = new MockK0rdentApi({ templates, clusters }),
) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityK0rdentTemplateContent />
    </EntityProvider>,
    { api },
  );
}

/** The value next to a label of the overview. */
function overview(term: string): string {
  const row = screen.getByText(term, { selector: 'td' }).closest('tr');
  return within(row!).getAllByRole('cell')[1].textContent ?? '';
}

function linksIn(tableName: string): Array<[string, string | null]> {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('link')
    .map(link => [link.textContent ?? '', link.getAttribute('href')]);
}

describe('EntityK0rdentTemplateContent', () => {
  it('shows the overview of a valid template', async () => {
    await render(templateEntity('ClusterTemplate', 'aws-1-0-1'));
    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(overview('Status')).toBe('Valid');
    expect(overview('Description')).toBe('AWS standalone control plane');
    expect(overview('Provider')).toBe('aws');
    expect(overview('Chart version')).toBe('1.0.1');
    expect(overview('Kubernetes version')).toBe('v1.32.5+k0s.1');
    expect(overview('Copy')).toBe('No');
    expect(overview('Values schema')).toBe('Yes');
  });

  it('shows why an invalid template is invalid', async () => {
    await render(templateEntity('ClusterTemplate', 'aws-1-1-0'));
    await screen.findByText('Overview');
    expect(overview('Status')).toBe('Invalidchart aws-1-1-0 not found');
    expect(overview('Values schema')).toBe('No');
  });

  it('shows the chain both ways with links to the template entities', async () => {
    await render(templateEntity('ClusterTemplate', 'aws-1-0-1'));
    await screen.findByRole('table', { name: 'Upgrades from' });
    expect(linksIn('Upgrades to')).toEqual([
      ['aws-1-1-0', templateHref('ClusterTemplate', 'aws-1-1-0')],
    ]);
    expect(linksIn('Upgrades from')).toEqual([
      ['aws-1-0-0', templateHref('ClusterTemplate', 'aws-1-0-0')],
    ]);
    const to = screen.getByRole('table', { name: 'Upgrades to' });
    expect(within(to).getByText('v1.33.1+k0s.0')).toBeInTheDocument();
    expect(within(to).getByText('no')).toBeInTheDocument();
  });

  it('says when nothing upgrades to or from the template', async () => {
    await render(templateEntity('ServiceTemplate', 'ingress-nginx-4-11-0'));
    expect(
      await screen.findByText(
        'No template of the namespace upgrades to this one.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No template chain leads on from this template.'),
    ).toBeInTheDocument();
    expect(overview('App version')).toBe('1.11.0');
  });

  it('lists the clusters using a cluster template, counted by status, with the fleet link', async () => {
    const api = new MockK0rdentApi({ templates, clusters });
    const listClusters = jest.spyOn(api, 'listClusters');
    await render(templateEntity('ClusterTemplate', 'aws-1-0-1'), api);

    const table = await screen.findByRole('table', {
      name: 'Clusters using the template',
    });
    expect(listClusters).toHaveBeenCalledWith({
      managementCluster: 'mgmt',
      namespace: 'kcm-system',
      template: 'aws-1-0-1',
      limit: 20,
      sort: 'name',
    });
    expect(
      within(table)
        .getAllByRole('link')
        .map(link => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['prod-eu', '/catalog/default/resource/mgmt_clusterd_kcm-system_prod-eu'],
      ['prod-us', '/catalog/default/resource/mgmt_clusterd_kcm-system_prod-us'],
      ['staging', '/catalog/default/resource/mgmt_clusterd_kcm-system_staging'],
    ]);
    const fleet =
      '/k0rdent?managementCluster=mgmt&namespace=kcm-system&template=aws-1-0-1';
    expect(screen.getByRole('link', { name: '3 clusters' })).toHaveAttribute(
      'href',
      fleet,
    );
    expect(
      screen.getByRole('link', { name: '1 Failed cluster' }),
    ).toHaveAttribute(
      'href',
      '/k0rdent?managementCluster=mgmt&namespace=kcm-system&status=Failed&template=aws-1-0-1',
    );
    expect(
      screen.getByRole('link', { name: '2 Ready clusters' }),
    ).toHaveAttribute(
      'href',
      '/k0rdent?managementCluster=mgmt&namespace=kcm-system&status=Ready&template=aws-1-0-1',
    );
    expect(
      screen.getByRole('link', { name: /View all in the fleet/ }),
    ).toHaveAttribute('href', fleet);
  });

  it('has no used-by card for a service template, and shows no default values', async () => {
    const api = new MockK0rdentApi({ templates, clusters });
    const listClusters = jest.spyOn(api, 'listClusters');
    await render(
      templateEntity('ServiceTemplate', 'ingress-nginx-4-11-0'),
      api,
    );
    await screen.findByText('Overview');
    expect(
      screen.getByText('The template has no default values.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Used by')).not.toBeInTheDocument();
    expect(listClusters).not.toHaveBeenCalled();
  });

  it('shows the default values as JSON, long ones collapsed', async () => {
    const defaults: Record<string, number> = {};
    for (let i = 0; i < 40; i++) defaults[`key${i}`] = i;
    const api = new MockK0rdentApi({
      templates: [...templates, mockTemplate({ name: 'long', defaults })],
    });
    const { unmount } = await render(
      templateEntity('ClusterTemplate', 'aws-1-0-1'),
    );
    expect(await screen.findByText(/"controlPlaneNumber"/)).toBeInTheDocument();
    unmount();

    await render(templateEntity('ClusterTemplate', 'long'), api);
    const show = await screen.findByRole('button', {
      name: 'Show all 42 lines',
    });
    expect(screen.queryByText(/"key39"/)).not.toBeInTheDocument();
    await userEvent.click(show);
    expect(screen.getByText(/"key39"/)).toBeInTheDocument();
  });

  it('keeps the template on screen and notes a failed reload', async () => {
    let fail = false;
    const api = new MockK0rdentApi({ templates, clusters });
    const getTemplate = api.getTemplate.bind(api);
    jest.spyOn(api, 'getTemplate').mockImplementation(ref => {
      if (fail) return Promise.reject(new Error('connection refused'));
      return getTemplate(ref);
    });
    await renderWithApis(
      <EntityProvider entity={templateEntity('ClusterTemplate', 'aws-1-0-1')}>
        <EntityK0rdentTemplateContent refreshIntervalMs={50} />
      </EntityProvider>,
      { api },
    );
    await screen.findByText('Overview');
    fail = true;
    expect(
      await screen.findByText(/Could not refresh: connection refused/),
    ).toBeInTheDocument();
    expect(overview('Status')).toBe('Valid');
  });

  it('shows an error panel when the template cannot be loaded', async () => {
    await render(templateEntity('ClusterTemplate', 'gone'));
    expect(
      await screen.findByText(
        /Could not load template kcm-system\/gone of management cluster mgmt/,
      ),
    ).toBeInTheDocument();
  });

  it('says so for an entity that is not a k0rdent template', async () => {
    await render({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'web' },
      spec: {},
    });
    expect(
      await screen.findByText('Not a k0rdent template'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument(),
    );
  });
});
