import { parsePromQL } from './parser';
import { PromQLError } from './errors';

const error = (query: string) => {
  try {
    parsePromQL(query);
  } catch (e) {
    if (e instanceof PromQLError) return e.message;
    throw e;
  }
  return undefined;
};

describe('parsePromQL', () => {
  it('parses selectors with all matcher kinds, ranges and offsets', () => {
    expect(
      parsePromQL(
        'up{cluster="a", tenant!="b", namespace=~"kube-.*", pod!~"x|y"}',
      ),
    ).toEqual({
      type: 'vectorSelector',
      name: 'up',
      offsetSeconds: 0,
      matchers: [
        { name: 'cluster', op: '=', value: 'a' },
        { name: 'tenant', op: '!=', value: 'b' },
        { name: 'namespace', op: '=~', value: 'kube-.*' },
        { name: 'pod', op: '!~', value: 'x|y' },
      ],
    });
    expect(parsePromQL('foo[1h30m] offset 5m')).toMatchObject({
      type: 'matrixSelector',
      rangeSeconds: 5400,
      selector: { name: 'foo', offsetSeconds: 300 },
    });
    expect(parsePromQL('{__name__="up"}')).toMatchObject({
      type: 'vectorSelector',
      name: undefined,
    });
  });

  it('parses aggregations with grouping before or after', () => {
    const before = parsePromQL('sum by (cluster) (rate(x[5m]))');
    const after = parsePromQL('sum(rate(x[5m])) by (cluster)');
    expect(before).toEqual(after);
    expect(before).toMatchObject({
      type: 'aggregation',
      op: 'sum',
      grouping: { without: false, labels: ['cluster'] },
    });
    expect(parsePromQL('topk(3, up)')).toMatchObject({
      op: 'topk',
      param: { type: 'number', value: 3 },
    });
  });

  it('respects operator precedence and associativity', () => {
    expect(parsePromQL('1 + 2 * 3')).toMatchObject({
      op: '+',
      rhs: { op: '*' },
    });
    expect(parsePromQL('2 ^ 3 ^ 2')).toMatchObject({
      op: '^',
      rhs: { op: '^' },
    });
    expect(parsePromQL('x / 1e9 * 24')).toMatchObject({
      op: '*',
      lhs: { op: '/', rhs: { value: 1e9 } },
    });
    expect(parsePromQL('-2 ^ 2')).toMatchObject({
      type: 'unary',
      expr: { op: '^' },
    });
  });

  it('parses vector matching modifiers', () => {
    expect(parsePromQL('a * on(instance) group_left(node) b')).toMatchObject({
      matching: {
        on: true,
        labels: ['instance'],
        group: { side: 'left', include: ['node'] },
      },
    });
    expect(parsePromQL('a > bool ignoring(pod) b')).toMatchObject({
      returnBool: true,
      matching: { on: false, labels: ['pod'] },
    });
  });

  it('reports Prometheus-style errors', () => {
    expect(error('')).toBe('1:1: parse error: no expression found in input');
    expect(error('sum(rate(foo[5m])')).toBe(
      '1:18: parse error: unexpected end of input, expected ")"',
    );
    expect(error('rate(up)')).toBe(
      '1:1: parse error: expected type range vector in call to function "rate", got instant vector',
    );
    expect(error('sum(up[5m])')).toBe(
      '1:1: parse error: expected type instant vector in aggregation expression, got range vector',
    );
    expect(error('nope(up)')).toBe(
      '1:1: parse error: unknown function with name "nope"',
    );
    expect(error('{a=""}')).toBe(
      '1:1: parse error: vector selector must contain at least one non-empty matcher',
    );
    expect(error('up and up')).toMatch(/"and" operator is not supported/);
    expect(error('rate(up[5m:1m])')).toMatch(/subqueries are not supported/);
    expect(error('up{a~"b"}')).toMatch(/parse error/);
    expect(error('1 > 2')).toBe(
      '1:3: parse error: comparisons between scalars must use BOOL modifier',
    );
    expect(error('up[5m] * 2')).toMatch(
      /binary expression must contain only scalar and instant vector types/,
    );
  });
});
