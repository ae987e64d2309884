import { getCondition, isReady } from './conditions';
import { clusterDeployment, condition } from './testObjects';

describe('getCondition', () => {
  it('finds a condition by type', () => {
    const cd = clusterDeployment({
      status: {
        conditions: [
          condition('CredentialReady', 'True'),
          condition('Ready', 'False', 'Progressing', '0/2 Services are ready.'),
        ],
      },
    });
    expect(getCondition(cd, 'Ready')?.message).toBe('0/2 Services are ready.');
    expect(getCondition(cd, 'CredentialReady')?.status).toBe('True');
  });

  it('returns undefined without status, conditions or the type', () => {
    expect(getCondition(clusterDeployment(), 'Ready')).toBeUndefined();
    expect(getCondition({ status: {} }, 'Ready')).toBeUndefined();
    expect(getCondition(undefined, 'Ready')).toBeUndefined();
    expect(
      getCondition(
        { status: { conditions: [condition('Paused', 'False')] } },
        'Ready',
      ),
    ).toBeUndefined();
  });
});

describe('isReady', () => {
  it('follows the Ready condition', () => {
    expect(
      isReady({ status: { conditions: [condition('Ready', 'True')] } }),
    ).toBe(true);
    expect(
      isReady({ status: { conditions: [condition('Ready', 'Unknown')] } }),
    ).toBe(false);
    expect(
      isReady({ status: { conditions: [condition('Ready', 'False')] } }),
    ).toBe(false);
  });

  it('uses status.ready for Credentials and Releases', () => {
    expect(isReady({ status: { ready: true } })).toBe(true);
    expect(isReady({ status: { ready: false } })).toBe(false);
  });

  it('prefers the Ready condition over the flag', () => {
    expect(
      isReady({
        status: { ready: true, conditions: [condition('Ready', 'False')] },
      }),
    ).toBe(false);
  });

  it('is false without status', () => {
    expect(isReady(clusterDeployment())).toBe(false);
    expect(isReady(undefined)).toBe(false);
  });
});
