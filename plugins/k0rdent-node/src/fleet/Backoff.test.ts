import { Backoff } from './Backoff';

describe('Backoff', () => {
  it('grows exponentially up to the maximum', () => {
    const backoff = new Backoff({
      initialMs: 100,
      maxMs: 1000,
      jitter: 0,
    });
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoff.attempts).toBe(6);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('takes up to the jitter share off each delay', () => {
    const low = new Backoff({
      initialMs: 1000,
      maxMs: 8000,
      random: () => 0.999999,
    });
    const high = new Backoff({ initialMs: 1000, maxMs: 8000, random: () => 0 });
    expect(low.next()).toBe(500);
    expect(high.next()).toBe(1000);
    expect(low.next()).toBe(1000);
    expect(high.next()).toBe(2000);
  });

  it('spreads delays with the default random source', () => {
    const delays = new Set(
      Array.from({ length: 20 }, () =>
        new Backoff({ initialMs: 1000, maxMs: 1000 }).next(),
      ),
    );
    expect(delays.size).toBeGreaterThan(5);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(1000);
    }
  });

  it('gives the delay of any attempt for callers that count themselves', () => {
    const backoff = new Backoff({
      initialMs: 100,
      maxMs: 1000,
      jitter: 0,
    });
    expect([0, 1, 2, 3, 4, 10].map(n => backoff.delayFor(n))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoff.attempts).toBe(0);
  });

  it('rejects nonsense', () => {
    expect(() => new Backoff({ initialMs: 0, maxMs: 1 })).toThrow();
    expect(() => new Backoff({ initialMs: 10, maxMs: 1 })).toThrow();
  });
});
