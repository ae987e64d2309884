import { InputError } from '@backstage/errors';
import {
  parseClusterQuery,
  parseCredentialFilter,
  parseTemplateFilter,
  parseTemplateKind,
} from './queryParameters';

describe('parseClusterQuery', () => {
  it('reads facets, search, sort and paging', () => {
    expect(
      parseClusterQuery({
        status: ['Ready', 'Stale'],
        provider: 'aws',
        tenant: ['payments'],
        q: 'prod',
        sort: 'createdAt',
        order: 'desc',
        offset: '50',
        limit: '500',
      }),
    ).toEqual({
      filters: {
        status: ['Ready', 'Stale'],
        provider: ['aws'],
        tenant: ['payments'],
      },
      q: 'prod',
      sort: 'createdAt',
      order: 'desc',
      offset: 50,
      limit: 500,
    });
    expect(parseClusterQuery({})).toEqual({ filters: {} });
  });

  it.each([
    [{ status: 'Happy' }, 'status', "'Happy' is not one of Ready"],
    [{ sort: 'color' }, 'sort', "'color' is not one of name"],
    [{ order: 'up' }, 'order', "'up' is not one of asc, desc"],
    [{ limit: '501' }, 'limit', 'from 0 to 500'],
    [{ limit: '-1' }, 'limit', 'whole number'],
    [{ offset: '1.5' }, 'offset', 'whole number'],
    [{ offset: ['1', '2'] }, 'offset', 'only once'],
    [{ q: ['a', 'b'] }, 'q', 'only once'],
    [{ provider: '' }, 'provider', 'non-empty string'],
    [{ provider: { a: 'b' } }, 'provider', 'non-empty string'],
    [{ providers: 'aws' }, 'providers', 'unknown parameter'],
  ])('refuses %j naming %s', (query, parameter, problem) => {
    let error: unknown;
    try {
      parseClusterQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`'${parameter}'`);
    expect((error as Error).message).toContain(problem);
  });
});

describe('parseTemplateFilter and parseCredentialFilter', () => {
  it('read their filters', () => {
    expect(
      parseTemplateFilter({
        managementCluster: 'mgmt',
        namespace: 'team-a',
        kind: 'service',
        valid: 'false',
      }),
    ).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-a',
      kind: 'service',
      valid: false,
    });
    expect(parseCredentialFilter({ ready: 'true', namespace: 'a' })).toEqual({
      namespace: 'a',
      ready: true,
    });
  });

  it('refuse what they do not know, naming it', () => {
    expect(() => parseTemplateFilter({ kind: 'provider' })).toThrow(
      "Invalid template kind 'provider'",
    );
    expect(() => parseTemplateFilter({ valid: 'yes' })).toThrow(
      "Invalid query parameter 'valid'",
    );
    expect(() => parseCredentialFilter({ ready: '1' })).toThrow(
      "Invalid query parameter 'ready'",
    );
    expect(() => parseCredentialFilter({ provider: 'aws' })).toThrow(
      "Invalid query parameter 'provider': unknown parameter",
    );
    expect(() => parseTemplateKind('cluster')).not.toThrow();
  });
});
