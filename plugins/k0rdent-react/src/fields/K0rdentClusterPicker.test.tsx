import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockCluster } from '../testUtils';
import { K0rdentClusterPicker } from './K0rdentClusterPicker';

const api = new MockK0rdentApi({
  clusters: [
    mockCluster({ name: 'prod', namespace: 'team-a', template: 'aws-1' }),
    mockCluster({ name: 'dev', namespace: 'team-b', status: 'Failed' }),
  ],
});

describe('K0rdentClusterPicker', () => {
  it('lists the clusters the API returns, narrowed to the chosen namespace', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentClusterPicker
          {...fieldProps<string>({
            onChange,
            siblings: { namespace: 'team-a' },
          })}
        />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByLabelText('Cluster'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'prodmgmt/team-a · Ready · aws-1',
    ]);
    await userEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith('prod');
  });

  it('lists clusters of every namespace when none is chosen', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentClusterPicker {...fieldProps<string>({})} />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByLabelText('Cluster'));
    expect(await screen.findAllByRole('option')).toHaveLength(2);
  });

  it("lists only the clusters of the user and the user's groups when ownedOnly is set", async () => {
    const owned = new MockK0rdentApi({
      clusters: [
        mockCluster({ name: 'mine', owner: 'group:default/team-a' }),
        mockCluster({ name: 'theirs', owner: 'group:default/team-b' }),
      ],
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [k0rdentApiRef, owned],
          [
            identityApiRef,
            mockApis.identity({
              userEntityRef: 'user:default/jane',
              ownershipEntityRefs: [
                'user:default/jane',
                'group:default/team-a',
              ],
            }),
          ],
        ]}
      >
        <K0rdentClusterPicker
          {...fieldProps<string>({ uiOptions: { ownedOnly: true } })}
        />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByLabelText('Cluster'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringMatching(/^mine/),
    ]);
  });
});
