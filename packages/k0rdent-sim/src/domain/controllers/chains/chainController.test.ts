import type {
  ClusterDeployment,
  ClusterTemplateChain,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { object } from '../../seeds/objectBuilders';
import { startHarness } from '../../testing/controllerHarness';
import { NS, clusterDeployment, fixtureObjects } from '../../testing/fixtures';
import {
  availableUpgradesOf,
  evaluateChain,
  servicesUpgradePathsOf,
} from './upgradePaths';

describe('template chains', () => {
  it('validates chains as KCM does', () => {
    expect(
      evaluateChain({
        supportedTemplates: [
          { name: 'a', availableUpgrades: [{ name: 'b' }] },
          { name: 'b' },
        ],
      }),
    ).toEqual({ valid: true });
    expect(
      evaluateChain({
        supportedTemplates: [{ name: 'a', availableUpgrades: [{ name: 'b' }] }],
      }),
    ).toEqual({
      valid: false,
      validationError:
        "template b is allowed for upgrade but is not present in the list of '.spec.supportedTemplates'",
    });
    expect(
      evaluateChain({
        supportedTemplates: [
          {
            name: 'a',
            availableUpgrades: [{ name: 'b', version: '2' }, { name: 'c' }],
          },
          { name: 'b' },
          { name: 'c' },
        ],
      }).validationError,
    ).toBe(
      'template a has mixed version/no-version available upgrades: either all or none should have version set',
    );
  });

  it('computes available upgrades as the sorted union of direct edges', () => {
    const chains = [
      {
        metadata: { name: 'x' },
        spec: {
          supportedTemplates: [
            { name: 'a', availableUpgrades: [{ name: 'c' }, { name: 'b' }] },
          ],
        },
      },
      {
        metadata: { name: 'y' },
        spec: {
          supportedTemplates: [
            { name: 'a', availableUpgrades: [{ name: 'b' }] },
            { name: 'b', availableUpgrades: [{ name: 'd' }] },
          ],
        },
      },
    ];
    expect(availableUpgradesOf('a', chains)).toEqual(['b', 'c']);
    expect(availableUpgradesOf('z', chains)).toEqual([]);
  });

  it('lists every reachable service template with its steps', () => {
    const chain = {
      metadata: { name: 'nginx' },
      spec: {
        supportedTemplates: [
          {
            name: 'n-1',
            availableUpgrades: [{ name: 'n-2', version: '2.0.0' }],
          },
          {
            name: 'n-2',
            availableUpgrades: [{ name: 'n-3', version: '3.0.0' }],
          },
          { name: 'n-3' },
        ],
      },
    };
    const paths = servicesUpgradePathsOf(
      [
        { name: 'ingress', template: 'n-1', templateChain: 'nginx' },
        { name: 'plain', template: 'n-1' },
      ],
      [chain],
      () => undefined,
    );
    expect(paths).toEqual([
      {
        name: 'ingress',
        namespace: 'default',
        template: 'n-1',
        availableUpgrades: [
          { versions: [{ name: 'n-2', version: '2.0.0' }] },
          {
            versions: [
              { name: 'n-2', version: '2.0.0' },
              { name: 'n-3', version: '3.0.0' },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps availableUpgrades of clusters in line when chains appear', () => {
    const objects = fixtureObjects().filter(
      o => o.kind !== 'ClusterTemplateChain',
    );
    const h = startHarness({ objects, provisioningMillis: 1000 });
    h.store.create(
      clusterDeployment('old', { template: 'aws-standalone-cp-1-0-40' }),
    );
    h.advance(2000);
    expect(
      h.get<ClusterDeployment>('ClusterDeployment', 'old', NS)?.status
        ?.availableUpgrades,
    ).toBeUndefined();

    h.store.create(
      object(
        'ClusterTemplateChain',
        { name: 'aws', namespace: NS },
        h.clock.now(),
        {
          spec: {
            supportedTemplates: [
              {
                name: 'aws-standalone-cp-1-0-40',
                availableUpgrades: [{ name: 'aws-standalone-cp-1-0-43' }],
              },
              { name: 'aws-standalone-cp-1-0-43' },
            ],
          },
        },
      ),
    );
    h.settle();
    expect(
      h.get<ClusterTemplateChain>('ClusterTemplateChain', 'aws', NS)?.status,
    ).toEqual({ valid: true });
    expect(
      h.get<ClusterDeployment>('ClusterDeployment', 'old', NS)?.status
        ?.availableUpgrades,
    ).toEqual(['aws-standalone-cp-1-0-43']);
    h.stop();
  });
});
