import { relaxedValuesSchema } from './valuesSchema';

describe('relaxedValuesSchema', () => {
  it('drops $schema and the requirement of controller-filled values, keeping the rest', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['region', 'clusterIdentity', 'global'],
      properties: { region: { type: 'string' }, clusterIdentity: {} },
    };
    expect(relaxedValuesSchema(schema)).toEqual({
      type: 'object',
      required: ['region'],
      properties: { region: { type: 'string' }, clusterIdentity: {} },
    });
    expect(schema.required).toEqual(['region', 'clusterIdentity', 'global']);
  });
});
