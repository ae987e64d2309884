import {
  DEFAULT_FLEET_QUERY,
  fleetSearch,
  parseFleetQuery,
  toClusterListQuery,
} from './fleetQuery';

describe('fleetQuery', () => {
  it('reads a linked view and writes it back, with readable entity refs', () => {
    const search =
      '?status=Failed&status=Stale&owner=group:default/payments&q=prod&sort=provider&order=desc&page=3&pageSize=25';
    const query = parseFleetQuery(new URLSearchParams(search));
    expect(query).toEqual({
      filters: {
        status: ['Failed', 'Stale'],
        owner: ['group:default/payments'],
      },
      q: 'prod',
      sort: 'provider',
      order: 'desc',
      page: 2,
      pageSize: 25,
    });
    expect(fleetSearch(query)).toBe(search);
    expect(toClusterListQuery(query)).toEqual({
      status: ['Failed', 'Stale'],
      owner: ['group:default/payments'],
      q: 'prod',
      sort: 'provider',
      order: 'desc',
      offset: 50,
      limit: 25,
    });
  });

  it('falls back to the defaults for what it does not understand', () => {
    const query = parseFleetQuery(
      new URLSearchParams(
        'sort=color&order=up&page=-2&pageSize=100000&colour=red&status=',
      ),
    );
    expect(query).toEqual(DEFAULT_FLEET_QUERY);
    expect(fleetSearch(query)).toBe('');
  });

  it('escapes what would break the query string', () => {
    expect(fleetSearch({ q: 'a&b=c d', filters: { tenant: ['x#y'] } })).toBe(
      '?tenant=x%23y&q=a%26b%3Dc%20d',
    );
    expect(
      parseFleetQuery(new URLSearchParams('?tenant=x%23y&q=a%26b%3Dc%20d')),
    ).toMatchObject({ q: 'a&b=c d', filters: { tenant: ['x#y'] } });
  });
});
