import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockManagementCluster } from '../testUtils';
import { K0rdentManagementClusterPicker } from './K0rdentManagementClusterPicker';

describe('K0rdentManagementClusterPicker', () => {
  const api = new MockK0rdentApi({
    managementClusters: [
      mockManagementCluster({ name: 'prod', title: 'Production', clusters: 3 }),
      mockManagementCluster({
        name: 'lab',
        connected: false,
        lastError: 'connection refused',
      }),
    ],
  });

  it('lists the management clusters and gives the chosen name to onChange', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentManagementClusterPicker
          {...fieldProps<string>({ id: 'managementCluster', onChange })}
        />
      </TestApiProvider>,
    );

    await userEvent.click(screen.getByLabelText('Management cluster'));
    expect(await screen.findByText('Production')).toBeInTheDocument();
    expect(screen.getByText('3 clusters')).toBeInTheDocument();
    expect(
      screen.getByText('Not connected: connection refused'),
    ).toBeInTheDocument();
    // A disconnected management cluster cannot be chosen.
    expect(screen.getByText('lab').closest('li')).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await userEvent.click(screen.getByText('Production'));
    expect(onChange).toHaveBeenCalledWith('prod');
  });

  it('shows the chosen value, the label from the schema and validation errors', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentManagementClusterPicker
          {...fieldProps<string>({
            title: 'Where',
            value: 'prod',
            required: true,
            rawErrors: ['is required'],
          })}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByDisplayValue('Production')).toBeInTheDocument();
    expect(screen.getByLabelText(/Where/)).toBeRequired();
    expect(screen.getByText('is required')).toBeInTheDocument();
  });

  it('shows why the management clusters could not be loaded', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            k0rdentApiRef,
            new MockK0rdentApi({
              failures: { listManagementClusters: new Error('Forbidden') },
            }),
          ],
        ]}
      >
        <K0rdentManagementClusterPicker {...fieldProps<string>({})} />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load management clusters: Forbidden',
    );
  });
});
