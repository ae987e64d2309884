import {
  clusterChartDefaults,
  clusterChartNames,
  findClusterChart,
} from './clusterCharts';
import { mergeValues, validateValues } from './valuesValidation';
import { defaultsOf, obj, str, int } from './jsonSchema';

describe('cluster chart catalog', () => {
  it.each(clusterChartNames())(
    '%s has a consistent schema and defaults',
    chart => {
      const definition = findClusterChart(chart)!;
      const schema = definition.schema('1.0.0');
      for (const required of schema.required ?? []) {
        expect([
          chart,
          required,
          Boolean(schema.properties?.[required]),
        ]).toEqual([chart, required, true]);
      }
      expect(clusterChartDefaults(definition, '1.0.0')).toEqual(
        defaultsOf(schema),
      );
      expect(
        definition.providers.some(p => p.startsWith('infrastructure-')),
      ).toBe(true);
    },
  );
});

describe('values validation', () => {
  const schema = obj(
    'root',
    {
      region: str('region', { minLength: 1, default: '' }),
      workersNumber: int('workers', { minimum: 0, default: 2 }),
      k0s: obj(
        'k0s',
        { arch: str('arch', { enum: ['amd64', 'arm64'], default: 'amd64' }) },
        ['arch'],
      ),
    },
    ['region', 'workersNumber'],
  );

  it('reports errors as Helm words them', () => {
    expect(
      validateValues(schema, {
        workersNumber: -1,
        region: '',
        k0s: { arch: 'x86' },
      }),
    ).toEqual([
      '- region: String length must be greater than or equal to 1',
      '- workersNumber: Must be greater than or equal to 0',
      '- k0s.arch: k0s.arch must be one of the following: "amd64", "arm64"',
    ]);
    expect(validateValues(schema, { workersNumber: 'two' })).toEqual([
      '- (root): region is required',
      '- workersNumber: Invalid type. Expected: integer, given: string',
    ]);
    expect(
      validateValues(schema, { region: 'eu-west-1', workersNumber: 3 }),
    ).toEqual([]);
  });

  it('merges user values over chart defaults without touching the inputs', () => {
    const defaults = defaultsOf(schema);
    const merged = mergeValues(defaults, {
      region: 'us-east-1',
      k0s: { version: 'v1' },
    });
    expect(merged).toEqual({
      region: 'us-east-1',
      workersNumber: 2,
      k0s: { arch: 'amd64', version: 'v1' },
    });
    expect(defaults).toEqual({
      region: '',
      workersNumber: 2,
      k0s: { arch: 'amd64' },
    });
  });
});
