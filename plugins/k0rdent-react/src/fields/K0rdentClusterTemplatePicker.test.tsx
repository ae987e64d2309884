import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockCluster, mockTemplate } from '../testUtils';
import { K0rdentClusterTemplatePicker } from './K0rdentClusterTemplatePicker';

const api = new MockK0rdentApi({
  templates: [
    mockTemplate({
      name: 'aws-standalone-cp-1-0-16',
      namespace: 'team-a',
      provider: 'aws',
      kubernetesVersion: 'v1.32.5',
      chartVersion: '1.0.16',
    }),
    mockTemplate({ name: 'broken-1-0-0', namespace: 'team-a', valid: false }),
    mockTemplate({ name: 'other-namespace', namespace: 'team-b' }),
    mockTemplate({
      name: 'other-mc',
      namespace: 'team-a',
      managementCluster: 'lab',
    }),
    mockTemplate({
      name: 'ingress-nginx',
      namespace: 'team-a',
      kind: 'service',
    }),
  ],
});

async function openOptions(label: string) {
  await userEvent.click(screen.getByLabelText(label));
  return screen.findAllByRole('option');
}

describe('K0rdentClusterTemplatePicker', () => {
  it('offers the valid cluster templates of the chosen management cluster and namespace', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentClusterTemplatePicker
          {...fieldProps<string>({
            onChange,
            siblings: { managementCluster: 'mgmt', namespace: 'team-a' },
          })}
        />
      </TestApiProvider>,
    );

    const options = await openOptions('Cluster template');
    expect(options.map(o => o.textContent)).toEqual([
      'aws-standalone-cp-1-0-16aws · Kubernetes v1.32.5 · chart 1.0.16',
    ]);
    await userEvent.click(screen.getByText('aws-standalone-cp-1-0-16'));
    expect(onChange).toHaveBeenCalledWith('aws-standalone-cp-1-0-16');
  });

  it('reads the management cluster and namespace from the fields its ui:options name', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentClusterTemplatePicker
          {...fieldProps<string>({
            siblings: { mc: 'lab', target: { ns: 'team-a' } },
            uiOptions: {
              managementClusterField: 'mc',
              namespaceField: 'target.ns',
            },
          })}
        />
      </TestApiProvider>,
    );
    const options = await openOptions('Cluster template');
    expect(options.map(o => o.textContent)).toEqual(['other-mc']);
  });

  it('asks for the namespace first while it is not chosen', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentClusterTemplatePicker
          {...fieldProps<string>({ siblings: { managementCluster: 'mgmt' } })}
        />
      </TestApiProvider>,
    );
    expect(screen.getByText('Choose the namespace first.')).toBeInTheDocument();
    expect(screen.getByLabelText('Cluster template')).toBeDisabled();
  });

  it('shows why the templates could not be loaded', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            k0rdentApiRef,
            new MockK0rdentApi({
              failures: {
                listTemplates: new Error('management cluster unreachable'),
              },
            }),
          ],
        ]}
      >
        <K0rdentClusterTemplatePicker
          {...fieldProps<string>({
            siblings: { managementCluster: 'mgmt', namespace: 'team-a' },
          })}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load cluster templates: management cluster unreachable',
    );
  });

  it("offers only an existing cluster's available upgrades when upgradesOfField names it", async () => {
    const upgrades = new MockK0rdentApi({
      templates: [
        mockTemplate({ name: 'aws-1-0-16', namespace: 'team-a' }),
        mockTemplate({ name: 'aws-1-0-17', namespace: 'team-a' }),
        mockTemplate({ name: 'aws-1-0-18', namespace: 'team-a' }),
      ],
      clusters: [
        mockCluster({
          name: 'prod',
          namespace: 'team-a',
          template: 'aws-1-0-16',
          availableUpgrades: ['aws-1-0-17'],
        }),
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, upgrades]]}>
        <K0rdentClusterTemplatePicker
          {...fieldProps<string>({
            siblings: {
              managementCluster: 'mgmt',
              namespace: 'team-a',
              cluster: 'prod',
            },
            uiOptions: { upgradesOfField: 'cluster' },
          })}
        />
      </TestApiProvider>,
    );
    const options = await openOptions('Cluster template');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringMatching(/^aws-1-0-17/),
    ]);
  });
});
