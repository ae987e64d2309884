import type { ApiHolder } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { JsonObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { k0rdentApiRef, type K0rdentApi } from '../api';
import { fieldProps } from '../__testUtils__/fieldProps';
import { MockK0rdentApi, mockTemplate } from '../testUtils';
import {
  type ClusterConfigValue,
  K0rdentClusterConfig,
  validateK0rdentClusterConfig,
} from './K0rdentClusterConfig';

const valuesSchema: JsonObject = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['region', 'clusterIdentity'],
  properties: {
    region: { type: 'string', title: 'AWS region', minLength: 1 },
    workersNumber: { type: 'integer', title: 'Workers', minimum: 1 },
    clusterIdentity: {
      type: 'object',
      title: 'Cluster identity',
      required: ['name'],
      properties: { name: { type: 'string', title: 'Identity name' } },
    },
    controlPlane: {
      type: 'object',
      properties: { instanceType: { type: 'string', minLength: 1 } },
    },
  },
};

const defaults: JsonObject = {
  region: 'us-east-2',
  workersNumber: 2,
  controlPlane: { instanceType: 't3.small' },
};

const api = new MockK0rdentApi({
  templates: [
    mockTemplate({ name: 'aws-1', provider: 'aws', defaults, valuesSchema }),
    mockTemplate({ name: 'no-schema', defaults: { a: 1 } }),
  ],
});

const siblings = {
  managementCluster: 'mgmt',
  namespace: 'kcm-system',
  template: 'aws-1',
};

function renderConfig(options: {
  siblings?: Record<string, unknown>;
  value?: ClusterConfigValue;
  onChange?: (value: ClusterConfigValue | undefined) => void;
  k0rdentApi?: K0rdentApi;
}) {
  return renderInTestApp(
    <TestApiProvider apis={[[k0rdentApiRef, options.k0rdentApi ?? api]]}>
      <K0rdentClusterConfig
        {...fieldProps<ClusterConfigValue>({
          id: 'config',
          siblings: options.siblings ?? siblings,
          value: options.value,
          onChange: options.onChange,
        })}
      />
    </TestApiProvider>,
  );
}

describe('K0rdentClusterConfig', () => {
  it("renders the template's schema prefilled with its defaults and stores them", async () => {
    const onChange = jest.fn();
    await renderConfig({ onChange });

    expect(await screen.findByLabelText(/AWS region/)).toHaveValue('us-east-2');
    expect(screen.getByLabelText(/Workers/)).toHaveValue(2);
    expect(screen.getByDisplayValue('t3.small')).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(defaults));
  });

  it('leaves out the values the controller fills, so their required fields cannot block the form', async () => {
    await renderConfig({});
    expect(await screen.findByLabelText(/AWS region/)).toBeInTheDocument();
    expect(screen.queryByText('Cluster identity')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Identity name/)).not.toBeInTheDocument();
  });

  it('keeps a value the user already has and reports edits', async () => {
    const onChange = jest.fn();
    await renderConfig({
      onChange,
      value: { region: 'eu-west-1', workersNumber: 3 },
    });
    const region = await screen.findByLabelText(/AWS region/);
    expect(region).toHaveValue('eu-west-1');
    expect(onChange).not.toHaveBeenCalled();

    await userEvent.type(region, 'x');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ region: 'eu-west-1x', workersNumber: 3 }),
    );
  });

  it('asks for the template first', async () => {
    await renderConfig({ siblings: { managementCluster: 'mgmt' } });
    expect(
      screen.getByText('Choose the namespace and template first.'),
    ).toBeInTheDocument();
  });

  it('says when a template has no values schema', async () => {
    await renderConfig({ siblings: { ...siblings, template: 'no-schema' } });
    expect(await screen.findByText(/has no values schema/)).toBeInTheDocument();
  });

  it('shows why the template could not be loaded', async () => {
    await renderConfig({
      k0rdentApi: new MockK0rdentApi({
        failures: { getTemplate: new Error('No such template') },
      }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load template kcm-system/aws-1: No such template',
    );
  });
});

describe('validateK0rdentClusterConfig', () => {
  const apiHolder: ApiHolder = {
    get: (ref =>
      ref.id === k0rdentApiRef.id ? api : undefined) as ApiHolder['get'],
  };

  async function problemsOf(value: ClusterConfigValue, formData = siblings) {
    const addError = jest.fn();
    await validateK0rdentClusterConfig(value, { addError } as any, {
      apiHolder,
      formData,
      schema: {},
      uiSchema: {},
    });
    return addError.mock.calls.map(([message]) => message);
  }

  it('accepts the defaults without the values the controller fills', async () => {
    expect(await problemsOf(defaults)).toEqual([]);
  });

  it('names the path of every schema violation', async () => {
    expect(
      await problemsOf({
        region: '',
        workersNumber: 0,
        controlPlane: { instanceType: '' },
      }),
    ).toEqual([
      'region: must NOT have fewer than 1 characters',
      'workersNumber: must be >= 1',
      'controlPlane.instanceType: must NOT have fewer than 1 characters',
    ]);
  });

  it('reports a missing required value by its name', async () => {
    expect(await problemsOf({ workersNumber: 1 })).toEqual([
      'region: is required',
    ]);
  });

  it('reads the template from the field its ui:options name', async () => {
    const addError = jest.fn();
    await validateK0rdentClusterConfig({ region: '' }, { addError } as any, {
      apiHolder,
      formData: { ...siblings, template: undefined, tpl: 'aws-1' } as any,
      schema: {},
      uiSchema: { 'ui:options': { templateField: 'tpl' } },
    });
    expect(addError).toHaveBeenCalledWith(
      'region: must NOT have fewer than 1 characters',
    );
  });

  it('checks nothing until a template is chosen', async () => {
    expect(
      await problemsOf({ region: '' }, { ...siblings, template: '' }),
    ).toEqual([]);
  });
});
