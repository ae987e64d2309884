import { cloudRegionFromConfig } from './clusterValues';

describe('cloudRegionFromConfig', () => {
  it.each([
    [{ region: 'us-west-2' }, 'us-west-2'],
    [{ location: 'westeurope' }, 'westeurope'],
    [
      { identityRef: { cloudName: 'openstack', region: 'RegionOne' } },
      'RegionOne',
    ],
    [{ vsphere: { datacenter: 'DC1', server: 'vcenter' } }, 'DC1'],
    [{ region: '', location: 'eastus' }, 'eastus'],
    [{ region: 42 }, undefined],
    [{ identityRef: 'x' }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('%j → %j', (config, expected) => {
    expect(cloudRegionFromConfig(config as any)).toBe(expected);
  });
});
