import { evaluateJsonPath } from './jsonPath';
import { humanDuration, toTable, wantsTable } from './table';

describe('printer columns', () => {
  const object = {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name: 'a',
      namespace: 'ns',
      creationTimestamp: '2025-01-01T00:00:00Z',
    },
    spec: { template: 't1' },
    status: {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Other', status: 'False' },
      ],
    },
  };

  it('evaluates the JSONPath subset used by CRD columns', () => {
    expect(evaluateJsonPath(object, '.spec.template')).toEqual(['t1']);
    expect(
      evaluateJsonPath(object, '.status.conditions[?(@.type=="Ready")].status'),
    ).toEqual(['True']);
    expect(evaluateJsonPath(object, '{.status.conditions[*].type}')).toEqual([
      'Ready',
      'Other',
    ]);
    expect(evaluateJsonPath(object, ".metadata['name']")).toEqual(['a']);
    expect(evaluateJsonPath(object, '.status.conditions[1].type')).toEqual([
      'Other',
    ]);
    expect(evaluateJsonPath(object, '.missing.field')).toEqual([]);
  });

  it('builds Table rows with partial object metadata', () => {
    const table = toTable([object], {
      columns: [
        {
          name: 'Ready',
          type: 'string',
          jsonPath: '.status.conditions[?(@.type=="Ready")].status',
        },
        { name: 'Message', type: 'string', jsonPath: '.status.message' },
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      ],
      includeObject: 'Metadata',
      withColumnDefinitions: true,
      now: new Date('2025-01-01T00:05:30Z'),
    });
    expect(
      (table.columnDefinitions as Array<{ name: string }>).map(c => c.name),
    ).toEqual(['Name', 'Ready', 'Message', 'Age']);
    expect(table.rows).toEqual([
      {
        cells: ['a', 'True', null, '5m30s'],
        object: {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: object.metadata,
        },
      },
    ]);
  });

  it('formats ages like kubectl', () => {
    const s = 1000;
    expect(humanDuration(45 * s)).toBe('45s');
    expect(humanDuration(200 * s)).toBe('3m20s');
    expect(humanDuration(30 * 60 * s)).toBe('30m');
    expect(humanDuration(5 * 3600 * s)).toBe('5h');
    expect(humanDuration(30 * 3600 * s)).toBe('30h');
    expect(humanDuration(4 * 86400 * s)).toBe('4d');
    expect(humanDuration(100 * 86400 * s)).toBe('100d');
    expect(humanDuration(3 * 365 * 86400 * s)).toBe('3y');
  });

  it('recognizes kubectl Table requests', () => {
    expect(
      wantsTable(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      ),
    ).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
  });
});
