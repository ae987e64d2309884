import { parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  const labels = {
    env: 'prod',
    'k0rdent.mirantis.com/kof-tenant-id': 'team-a',
    tier: 'web',
  };

  it.each([
    ['', true],
    ['env=prod', true],
    ['env==prod', true],
    ['env!=prod', false],
    ['env=dev', false],
    ['k0rdent.mirantis.com/kof-tenant-id=team-a,tier=web', true],
    ['env in (prod, staging)', true],
    ['env in (dev,staging)', false],
    ['env notin (dev)', true],
    ['env notin (prod)', false],
    ['missing notin (x)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['env=prod, tier in (web,api), !legacy', true],
    ['env=', false],
  ])('%s matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector).matches(labels)).toBe(expected);
  });

  it('accepts the matchLabels form', () => {
    expect(
      parseLabelSelector({ env: 'prod', tier: 'web' }).matches(labels),
    ).toBe(true);
    expect(parseLabelSelector({ env: 'dev' }).matches(labels)).toBe(false);
    expect(parseLabelSelector({}).matches(undefined)).toBe(true);
  });

  it('treats missing labels as empty', () => {
    expect(parseLabelSelector('!a').matches(undefined)).toBe(true);
    expect(parseLabelSelector('a').matches(undefined)).toBe(false);
  });

  it.each([
    'env=prod=x',
    'in (a)',
    'env in (a b)',
    '-bad=x',
    `a=${'x'.repeat(64)}`,
  ])('rejects %s naming the selector', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(
      `Invalid label selector '${selector}'`,
    );
  });
});
