import { ConfigReader } from '@backstage/config';
import { DEFAULT_KOF_SETTINGS, readKofSettings } from './readKofSettings';

describe('readKofSettings', () => {
  it("uses KOF's defaults", () => {
    expect(readKofSettings(new ConfigReader({}))).toEqual(DEFAULT_KOF_SETTINGS);
  });

  it('reads every setting', () => {
    expect(
      readKofSettings(
        new ConfigReader({
          k0rdent: {
            kof: {
              promxy: {
                namespace: 'observability',
                service: 'promxy',
                port: 'http',
                scheme: 'https',
              },
              cacheSeconds: 5,
              timeoutSeconds: 2,
              currency: 'EUR',
            },
          },
        }),
      ),
    ).toEqual({
      promxy: {
        namespace: 'observability',
        name: 'promxy',
        port: 'http',
        scheme: 'https',
      },
      cacheTtlMs: 5000,
      timeoutMs: 2000,
      currency: 'EUR',
    });
  });

  it('names the key of a bad value', () => {
    expect(() =>
      readKofSettings(
        new ConfigReader({ k0rdent: { kof: { promxy: { scheme: 'ftp' } } } }),
      ),
    ).toThrow("Invalid config at 'k0rdent.kof.promxy.scheme'");
    expect(() =>
      readKofSettings(
        new ConfigReader({ k0rdent: { kof: { timeoutSeconds: 0 } } }),
      ),
    ).toThrow(
      "Invalid config at 'k0rdent.kof.timeoutSeconds': must be a number of seconds of at least 1",
    );
  });
});
