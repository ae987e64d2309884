import { clusterPhase } from './clusterPhase';
import { clusterDeployment, condition } from './testObjects';

describe('clusterPhase', () => {
  it('is Provisioning for a new object without status', () => {
    expect(clusterPhase(clusterDeployment())).toBe('Provisioning');
  });

  it('is Ready when Ready is True', () => {
    const cd = clusterDeployment({
      status: {
        conditions: [
          condition('Ready', 'True', 'Succeeded', 'Object is ready'),
        ],
      },
    });
    expect(clusterPhase(cd)).toBe('Ready');
  });

  it('is Provisioning while Ready is Unknown or False/Progressing', () => {
    expect(
      clusterPhase(
        clusterDeployment({
          status: {
            conditions: [condition('Ready', 'Unknown', 'Progressing')],
          },
        }),
      ),
    ).toBe('Provisioning');
    expect(
      clusterPhase(
        clusterDeployment({
          status: {
            conditions: [
              condition(
                'Ready',
                'False',
                'Progressing',
                '1/2 Services are ready.',
              ),
            ],
          },
        }),
      ),
    ).toBe('Provisioning');
  });

  it('is Failed when Ready is False for a critical reason', () => {
    const cd = clusterDeployment({
      status: {
        conditions: [
          condition(
            'CredentialReady',
            'False',
            'Failed',
            'the Credential kcm-system/x is not ready',
          ),
          condition(
            'Ready',
            'False',
            'Failed',
            'the Credential kcm-system/x is not ready',
          ),
        ],
      },
    });
    expect(clusterPhase(cd)).toBe('Failed');
  });

  it('is Deleting with a deletionTimestamp, whatever the conditions say', () => {
    const cd = clusterDeployment({
      metadata: {
        name: 'x',
        namespace: 'kcm-system',
        deletionTimestamp: '2026-08-21T10:00:00Z',
      },
      status: { conditions: [condition('Ready', 'True')] },
    });
    expect(clusterPhase(cd)).toBe('Deleting');
  });

  it('is Deleting with a True Deleting condition or Ready reason Deleting', () => {
    expect(
      clusterPhase(
        clusterDeployment({
          status: {
            conditions: [
              condition('Deleting', 'True', 'WaitingForClusterDeletion'),
            ],
          },
        }),
      ),
    ).toBe('Deleting');
    expect(
      clusterPhase(
        clusterDeployment({
          status: { conditions: [condition('Ready', 'False', 'Deleting')] },
        }),
      ),
    ).toBe('Deleting');
  });

  it('treats a paused cluster (Ready False, reason Failed) as Failed', () => {
    const cd = clusterDeployment({
      status: {
        conditions: [
          condition('Paused', 'True', 'Paused', 'Related Region eu is paused'),
          condition('Ready', 'False', 'Failed', 'Related Region eu is paused'),
        ],
      },
    });
    expect(clusterPhase(cd)).toBe('Failed');
  });
});
