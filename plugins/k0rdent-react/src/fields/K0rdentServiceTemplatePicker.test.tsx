import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockTemplate } from '../testUtils';
import { K0rdentServiceTemplatePicker } from './K0rdentServiceTemplatePicker';

describe('K0rdentServiceTemplatePicker', () => {
  it('offers the valid service templates of the namespace, with their versions', async () => {
    const api = new MockK0rdentApi({
      templates: [
        mockTemplate({
          name: 'ingress-nginx-4-12-1',
          kind: 'service',
          version: '4.12.1',
        }),
        mockTemplate({ name: 'broken', kind: 'service', valid: false }),
        mockTemplate({ name: 'aws-standalone-cp-1-0-16', kind: 'cluster' }),
      ],
    });
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[k0rdentApiRef, api]]}>
        <K0rdentServiceTemplatePicker
          {...fieldProps<string>({
            onChange,
            siblings: { managementCluster: 'mgmt', namespace: 'kcm-system' },
          })}
        />
      </TestApiProvider>,
    );

    await userEvent.click(screen.getByLabelText('Service template'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'ingress-nginx-4-12-1version 4.12.1',
    ]);
    await userEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith('ingress-nginx-4-12-1');
  });
});
