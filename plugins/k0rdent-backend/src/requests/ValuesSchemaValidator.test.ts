import { coalesceValues, ValuesSchemaValidator } from './ValuesSchemaValidator';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['region', 'clusterIdentity'],
  properties: {
    region: { type: 'string', minLength: 1 },
    workersNumber: { type: 'integer', minimum: 1 },
    controlPlane: {
      type: 'object',
      properties: {
        instanceType: { type: 'string' },
        rootVolumeSize: { type: 'integer' },
      },
      additionalProperties: false,
    },
    k0s: {
      type: 'object',
      properties: { api: { enum: ['internal', 'external'] } },
    },
    clusterIdentity: { type: 'object' },
  },
};

describe('ValuesSchemaValidator', () => {
  const validator = new ValuesSchemaValidator();

  it('accepts a config that fits, without the values the controller fills in', () => {
    expect(
      validator.validate(schema, { region: 'us-east-2', workersNumber: 2 }),
    ).toEqual([]);
  });

  it('names each wrong field by its path under the config', () => {
    const problems = validator.validate(schema, {
      workersNumber: 0,
      controlPlane: { instanceType: 3, extra: true },
      k0s: { api: 'public' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '.region', message: 'is required' },
        { path: '.workersNumber', message: 'must be >= 1' },
        { path: '.controlPlane.instanceType', message: 'must be string' },
        {
          path: '.controlPlane.extra',
          message: 'is not a value this template knows',
        },
        {
          path: '.k0s.api',
          message: 'must be one of "internal", "external"',
        },
      ]),
    );
    expect(problems).not.toContainEqual(
      expect.objectContaining({ path: '.clusterIdentity' }),
    );
  });
});

describe('coalesceValues', () => {
  it('puts values over the defaults as Helm does', () => {
    expect(
      coalesceValues(
        {
          region: '',
          workersNumber: 2,
          controlPlane: { instanceType: '', rootVolumeSize: 32 },
          bastion: { enabled: false },
        },
        {
          region: 'us-east-1',
          controlPlane: { instanceType: 't3.large' },
          bastion: null,
        },
      ),
    ).toEqual({
      region: 'us-east-1',
      workersNumber: 2,
      controlPlane: { instanceType: 't3.large', rootVolumeSize: 32 },
    });
  });
});
