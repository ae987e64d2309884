import { readOwnershipConfig } from './readOwnershipConfig';
import { resolveOwner } from './resolveOwner';

const ownership = readOwnershipConfig(
  {
    tenants: { 'team-a': 'team-a' },
    namespaces: { 'kcm-system': 'platform', 'team-b': 'group:team-b' },
    default: 'everyone',
  },
  'ownership',
);
const ANNOTATION = 'backstage.k0rdent.io/owner';

describe('resolveOwner', () => {
  it('takes the owner annotation first, normalized', () => {
    expect(
      resolveOwner(ownership, {
        annotations: { [ANNOTATION]: 'payments' },
        tenant: 'team-a',
        namespace: 'team-b',
      }),
    ).toBe('group:default/payments');
    expect(
      resolveOwner(ownership, {
        annotations: { [ANNOTATION]: 'user:default/jane' },
      }),
    ).toBe('user:default/jane');
  });

  it('then the tenant owner', () => {
    expect(
      resolveOwner(ownership, { tenant: 'team-a', namespace: 'team-b' }),
    ).toBe('group:default/team-a');
  });

  it('then the namespace owner', () => {
    expect(
      resolveOwner(ownership, { tenant: 'unknown', namespace: 'team-b' }),
    ).toBe('group:default/team-b');
  });

  it('then the default', () => {
    expect(
      resolveOwner(ownership, { tenant: 'unknown', namespace: 'unknown' }),
    ).toBe('group:default/everyone');
    expect(resolveOwner(ownership, {})).toBe('group:default/everyone');
  });

  it.each([
    ['not a ref'],
    ['component:default/web'],
    [''],
    [`group:default/${'x'.repeat(64)}`],
  ])('ignores the invalid owner annotation %j', value => {
    expect(
      resolveOwner(ownership, {
        annotations: { [ANNOTATION]: value },
        namespace: 'team-b',
      }),
    ).toBe('group:default/team-b');
  });

  it('reads the annotation configured in ownership.annotation', () => {
    const custom = { ...ownership, annotation: 'example.com/team' };
    expect(
      resolveOwner(custom, {
        annotations: { [ANNOTATION]: 'ignored', 'example.com/team': 'search' },
      }),
    ).toBe('group:default/search');
  });

  it('does not mistake inherited object properties for config entries', () => {
    expect(resolveOwner(ownership, { tenant: 'constructor' })).toBe(
      'group:default/everyone',
    );
  });
});
