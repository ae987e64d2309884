import { formatTimeTick, niceTicks, timeTicks } from './scales';

const HOUR = 3600;
// 2026-03-02T10:07:00Z, a Monday
const T0 = Date.UTC(2026, 2, 2, 10, 7) / 1000;

describe('niceTicks', () => {
  it('steps from zero to a round value at or above the maximum', () => {
    expect(niceTicks(7.3)).toEqual([0, 2.5, 5, 7.5]);
    expect(niceTicks(8)).toEqual([0, 5, 10]);
    expect(niceTicks(0.42)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
  });

  it('gives 3 or 4 ticks for any range', () => {
    for (const max of [0.013, 1, 3.3, 9.99, 42, 777, 12345]) {
      const ticks = niceTicks(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(4);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });

  it('steps memory in whole binary units', () => {
    const GiB = 1024 ** 3;
    expect(niceTicks(12 * GiB, 'binary')).toEqual(
      [0, 5, 10, 15].map(v => v * GiB),
    );
  });

  it('steps counts by whole numbers', () => {
    expect(niceTicks(3, 'integer')).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, 'integer')).toEqual([0, 1]);
  });

  it('draws an axis up to 1 when everything is zero', () => {
    expect(niceTicks(0)).toEqual([0, 0.5, 1]);
  });
});

describe('timeTicks', () => {
  it('puts ticks on round times inside the window', () => {
    const ticks = timeTicks(T0, T0 + 6 * HOUR, 'utc');
    expect(ticks.map(t => formatTimeTick(t, 6 * HOUR, 'utc'))).toEqual([
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });

  it('uses days for a week', () => {
    const span = 7 * 24 * HOUR;
    const ticks = timeTicks(T0, T0 + span, 'utc');
    expect(ticks.map(t => formatTimeTick(t, span, 'utc'))).toEqual([
      'Tue 3',
      'Wed 4',
      'Thu 5',
      'Fri 6',
      'Sat 7',
      'Sun 8',
      'Mon 9',
    ]);
  });

  it('never gives more than seven ticks', () => {
    for (const span of [
      HOUR,
      6 * HOUR,
      24 * HOUR,
      7 * 24 * HOUR,
      90 * 24 * HOUR,
    ]) {
      expect(timeTicks(T0, T0 + span, 'utc').length).toBeLessThanOrEqual(7);
    }
  });
});
