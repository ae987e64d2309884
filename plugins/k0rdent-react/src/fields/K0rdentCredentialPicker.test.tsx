import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockCredential, mockTemplate } from '../testUtils';
import { K0rdentCredentialPicker } from './K0rdentCredentialPicker';

const api = new MockK0rdentApi({
  templates: [mockTemplate({ name: 'aws-1', provider: 'aws' })],
  credentials: [
    mockCredential({
      name: 'aws-cred',
      provider: 'aws',
      identityKind: 'AWSClusterStaticIdentity',
    }),
    mockCredential({ name: 'azure-cred', provider: 'azure' }),
    mockCredential({ name: 'aws-not-ready', provider: 'aws', ready: false }),
    mockCredential({ name: 'elsewhere', provider: 'aws', namespace: 'team-b' }),
  ],
});

const siblings = {
  managementCluster: 'mgmt',
  namespace: 'kcm-system',
  clusterTemplate: 'aws-1',
};

async function optionNames() {
  await userEvent.click(screen.getByLabelText('Credential'));
  const options = await screen.findAllByRole('option');
  return options.map(o => o.querySelector('p')?.textContent);
}

describe('K0rdentCredentialPicker', () => {
  it('offers the ready credentials of the namespace', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentCredentialPicker {...fieldProps<string>({ siblings })} />
      </TestApiProvider>,
    );
    expect(await optionNames()).toEqual(['aws-cred', 'azure-cred']);
    expect(
      screen.getByText('aws · AWSClusterStaticIdentity'),
    ).toBeInTheDocument();
  });

  it("offers only credentials of the template's provider when templateField is set", async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentCredentialPicker
          {...fieldProps<string>({
            siblings,
            onChange,
            uiOptions: { templateField: 'clusterTemplate' },
          })}
        />
      </TestApiProvider>,
    );
    expect(await optionNames()).toEqual(['aws-cred']);
    await userEvent.click(screen.getByText('aws-cred'));
    expect(onChange).toHaveBeenCalledWith('aws-cred');
  });

  it('shows why the credentials could not be loaded', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            k0rdentApiRef,
            new MockK0rdentApi({
              failures: { listCredentials: new Error('boom') },
            }),
          ],
        ]}
      >
        <K0rdentCredentialPicker {...fieldProps<string>({ siblings })} />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load credentials: boom',
    );
  });
});
