import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1000;
  });

  it('shares one load per key until it expires', async () => {
    const cache = new ExpiringCache<number>({
      ttlMs: 100,
      maxEntries: 10,
      now: clock,
    });
    const load = jest.fn(async () => now);
    const [a, b] = await Promise.all([
      cache.get('k', load),
      cache.get('k', load),
    ]);
    expect([a, b]).toEqual([1000, 1000]);
    now += 99;
    expect(await cache.get('k', load)).toBe(1000);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await cache.get('k', load)).toBe(1100);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed load', async () => {
    const cache = new ExpiringCache<string>({
      ttlMs: Infinity,
      maxEntries: 10,
      now: clock,
    });
    await expect(
      cache.get('k', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'up')).toBe('up');
    expect(await cache.get('k', async () => 'later')).toBe('up');
  });

  it('pushes the oldest entries out when full', async () => {
    const cache = new ExpiringCache<string>({
      ttlMs: Infinity,
      maxEntries: 2,
      now: clock,
    });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
  });
});
