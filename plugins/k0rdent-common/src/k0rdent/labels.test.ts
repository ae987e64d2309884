import { isTemplateCopy, kofRoleOf, tenantOf } from './labels';
import { clusterDeployment } from './testObjects';

const withLabels = (labels?: Record<string, string>) =>
  clusterDeployment({ metadata: { name: 'c', namespace: 'ns', labels } });

describe('tenantOf', () => {
  it('reads the kof-tenant-id label', () => {
    expect(
      tenantOf(withLabels({ 'k0rdent.mirantis.com/kof-tenant-id': 'team-a' })),
    ).toBe('team-a');
  });

  it('falls back to PLATFORM without labels, without the label or with an empty one', () => {
    expect(tenantOf(withLabels())).toBe('PLATFORM');
    expect(tenantOf(withLabels({ env: 'prod' }))).toBe('PLATFORM');
    expect(
      tenantOf(withLabels({ 'k0rdent.mirantis.com/kof-tenant-id': '' })),
    ).toBe('PLATFORM');
    expect(tenantOf({})).toBe('PLATFORM');
  });
});

describe('kofRoleOf', () => {
  it('knows child and regional', () => {
    expect(
      kofRoleOf(
        withLabels({ 'k0rdent.mirantis.com/kof-cluster-role': 'child' }),
      ),
    ).toBe('child');
    expect(
      kofRoleOf(
        withLabels({ 'k0rdent.mirantis.com/kof-cluster-role': 'regional' }),
      ),
    ).toBe('regional');
  });

  it('ignores other values and missing labels', () => {
    expect(
      kofRoleOf(
        withLabels({ 'k0rdent.mirantis.com/kof-cluster-role': 'management' }),
      ),
    ).toBeUndefined();
    expect(kofRoleOf(withLabels())).toBeUndefined();
  });
});

describe('isTemplateCopy', () => {
  it('is true for AccessManagement copies only', () => {
    expect(
      isTemplateCopy(withLabels({ 'k0rdent.mirantis.com/managed': 'true' })),
    ).toBe(true);
    expect(
      isTemplateCopy(withLabels({ 'k0rdent.mirantis.com/managed': 'false' })),
    ).toBe(false);
    expect(
      isTemplateCopy(
        withLabels({ 'helm.toolkit.fluxcd.io/name': 'kcm-templates' }),
      ),
    ).toBe(false);
    expect(isTemplateCopy(withLabels())).toBe(false);
  });
});
