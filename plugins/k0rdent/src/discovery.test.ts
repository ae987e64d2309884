/*
 * With `app.packages: all`, the CLI puts the default exports of this package's
 * main entry and of its `./alpha` entry (because `exports` has `./alpha`) into
 * `window['__@backstage/discovered__']`; the app keeps those that are
 * features. This checks the second half against the real frontend-defaults.
 */
import { ConfigReader } from '@backstage/config';
import { discoverAvailableFeatures } from '@backstage/frontend-defaults';
import packageJson from '../package.json';
import alphaDefault from './alpha';
import mainDefault from './index';

describe('feature discovery', () => {
  afterEach(() => {
    delete (window as any)['__@backstage/discovered__'];
  });

  it('exports ./alpha, so the CLI loads both entries', () => {
    expect(Object.keys(packageJson.exports)).toContain('./alpha');
    expect(packageJson.backstage.role).toBe('frontend-plugin');
  });

  it('installs the plugin and the scaffolder module', () => {
    (window as any)['__@backstage/discovered__'] = {
      modules: [
        { name: packageJson.name, default: mainDefault },
        { name: packageJson.name, export: './alpha', default: alphaDefault },
      ],
    };
    const { features } = discoverAvailableFeatures(
      new ConfigReader({ app: { packages: 'all' } }),
    );
    expect(features).toEqual([mainDefault, alphaDefault]);
    expect(features.map(f => (f as { $$type: string }).$$type)).toEqual([
      '@backstage/FrontendPlugin',
      '@backstage/FrontendModule',
    ]);
  });
});
