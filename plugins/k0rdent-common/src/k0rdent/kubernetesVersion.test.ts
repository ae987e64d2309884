import { kubernetesVersionFromConfig } from './clusterValues';
import { kubernetesVersionOf } from './kubernetesVersion';

describe('kubernetesVersionOf', () => {
  it('prefers a non-empty status.k8sVersion', () => {
    expect(
      kubernetesVersionOf({
        status: { k8sVersion: 'v1.36.3' },
        spec: { config: { k0s: { version: 'v1.35.0+k0s.0' } } },
      }),
    ).toBe('v1.36.3');
  });

  it('reads k0s.version of k0s-based templates', () => {
    expect(
      kubernetesVersionOf({
        status: { k8sVersion: '' },
        spec: { config: { k0s: { version: 'v1.36.3+k0s.2', arch: 'amd64' } } },
      }),
    ).toBe('v1.36.3+k0s.2');
  });

  it('reads kubernetes.version of EKS and AKS', () => {
    expect(
      kubernetesVersionOf({
        spec: { config: { kubernetes: { version: 'v1.36.1' } } },
      }),
    ).toBe('v1.36.1');
  });

  it('reads version of GKE and ignores null', () => {
    expect(
      kubernetesVersionOf({ spec: { config: { version: '1.36.2-gke.1200' } } }),
    ).toBe('1.36.2-gke.1200');
    expect(
      kubernetesVersionOf({ spec: { config: { version: null } } }),
    ).toBeUndefined();
  });

  it('falls back to the template', () => {
    expect(
      kubernetesVersionOf(
        { spec: { config: { region: 'us-east-1' } } },
        { status: { config: { k0s: { version: 'v1.36.3+k0s.2' } } } },
      ),
    ).toBe('v1.36.3+k0s.2');
    expect(
      kubernetesVersionOf({}, { status: { k8sVersion: 'v1.36.3' }, spec: {} }),
    ).toBe('v1.36.3');
    expect(kubernetesVersionOf({}, { spec: { k8sVersion: 'v1.36.0' } })).toBe(
      'v1.36.0',
    );
  });

  it('is undefined when nothing says it (adopted clusters)', () => {
    expect(kubernetesVersionOf({ spec: { config: {} } })).toBeUndefined();
    expect(kubernetesVersionOf({})).toBeUndefined();
  });

  it('ignores odd shapes', () => {
    expect(
      kubernetesVersionFromConfig({ k0s: 'v1.36.3', kubernetes: [] }),
    ).toBeUndefined();
    expect(
      kubernetesVersionFromConfig({ k0s: { version: 136 } }),
    ).toBeUndefined();
    expect(
      kubernetesVersionFromConfig({ k0s: { version: '  ' } }),
    ).toBeUndefined();
  });
});
