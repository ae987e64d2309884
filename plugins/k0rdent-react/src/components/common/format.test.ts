import { formatBytes, formatCores, formatMoney } from './format';

describe('format', () => {
  it('writes money in the currency, keeping small amounts readable', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0.04217, 'USD')).toBe('$0.0422');
    expect(formatMoney(12, 'EUR')).toBe('€12.00');
  });

  it('writes memory in binary units and CPU in cores', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 ** 3 + 0.5 * 1024 ** 3)).toBe('3.5 GiB');
    expect(formatCores(1)).toBe('1 core');
    expect(formatCores(2.345)).toBe('2.35 cores');
  });
});
