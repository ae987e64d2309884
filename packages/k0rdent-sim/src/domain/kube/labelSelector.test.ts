import { isEmptySelector, matchesLabelSelector } from './labelSelector';

describe('label selectors', () => {
  const labels = { env: 'prod', team: 'payments' };

  it('matches matchLabels and every matchExpressions operator', () => {
    expect(matchesLabelSelector(labels, { matchLabels: { env: 'prod' } })).toBe(
      true,
    );
    expect(matchesLabelSelector(labels, { matchLabels: { env: 'dev' } })).toBe(
      false,
    );
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        ],
      }),
    ).toBe(true);
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }],
      }),
    ).toBe(false);
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }],
      }),
    ).toBe(true);
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [{ key: 'team', operator: 'Exists' }],
      }),
    ).toBe(true);
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }],
      }),
    ).toBe(false);
    expect(
      matchesLabelSelector(undefined, {
        matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }],
      }),
    ).toBe(true);
  });

  it('knows empty selectors (which select no ClusterDeployment in KCM)', () => {
    expect(isEmptySelector(undefined)).toBe(true);
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(
      true,
    );
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
  });
});
