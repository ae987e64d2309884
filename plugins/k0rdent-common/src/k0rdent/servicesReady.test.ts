import { parseServicesReady, servicesReadyOf } from './servicesReady';
import { condition } from './testObjects';

describe('parseServicesReady', () => {
  it('parses ready/total', () => {
    expect(parseServicesReady('3/4')).toEqual({ ready: 3, total: 4 });
    expect(parseServicesReady('0/0')).toEqual({ ready: 0, total: 0 });
    expect(parseServicesReady(' 12 / 15 ')).toEqual({ ready: 12, total: 15 });
  });

  it('rejects anything else', () => {
    for (const message of [
      '',
      '3',
      '3/',
      '/4',
      '-1/2',
      'a/b',
      '1/2/3',
      '1.5/2',
    ]) {
      expect(parseServicesReady(message)).toBeUndefined();
    }
    expect(parseServicesReady(undefined)).toBeUndefined();
  });
});

describe('servicesReadyOf', () => {
  it('reads the ServicesInReadyState message', () => {
    expect(
      servicesReadyOf({
        status: {
          conditions: [
            condition('ServicesInReadyState', 'False', 'Failed', '1/2'),
          ],
        },
      }),
    ).toEqual({ ready: 1, total: 2 });
    expect(servicesReadyOf({})).toBeUndefined();
  });
});
