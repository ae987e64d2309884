import type { Condition } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  aggregateReady,
  classifyClusterDeploymentCondition,
  classifyMultiClusterServiceCondition,
  setCondition,
} from './conditions';

const T0 = Date.parse('2026-08-24T09:00:00Z');
const c = (
  type: string,
  status: Condition['status'],
  reason = 'Succeeded',
  message = '',
  at = T0,
): Condition => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: new Date(at).toISOString().replace('.000Z', 'Z'),
});
const ready = (
  conditions: Condition[],
  now = T0,
  classify = classifyClusterDeploymentCondition,
) => aggregateReady(conditions, classify, now).find(x => x.type === 'Ready');

describe('setCondition', () => {
  it('keeps lastTransitionTime unless the status changes', () => {
    const first = setCondition(
      [],
      { type: 'A', status: 'False', reason: 'Failed', message: 'x' },
      T0,
      1,
    );
    const same = setCondition(
      first,
      { type: 'A', status: 'False', reason: 'Failed', message: 'y' },
      T0 + 60_000,
      2,
    );
    expect(same[0]).toEqual({
      ...first[0],
      message: 'y',
      observedGeneration: 2,
    });
    const flipped = setCondition(
      same,
      { type: 'A', status: 'True', reason: 'Succeeded' },
      T0 + 120_000,
    );
    expect(flipped[0].lastTransitionTime).toBe('2026-08-24T09:02:00Z');
    expect(
      setCondition(
        flipped,
        { type: 'B', status: 'True', reason: 'Succeeded' },
        T0,
      ).map(x => x.type),
    ).toEqual(['A', 'B']);
  });
});

describe('aggregateReady', () => {
  it('is True when every condition is True', () => {
    expect(
      ready([c('CredentialReady', 'True'), c('HelmReleaseReady', 'True')]),
    ).toMatchObject({
      status: 'True',
      reason: 'Succeeded',
      message: 'Object is ready',
    });
  });

  it('is Unknown/Progressing with unknowns or no conditions', () => {
    expect(ready([])).toMatchObject({
      status: 'Unknown',
      reason: 'Progressing',
      message: '',
    });
    expect(
      ready([
        c('A', 'True'),
        c('B', 'Unknown', 'Progressing', 'waiting'),
        c('C', 'Unknown', 'Progressing'),
      ]),
    ).toMatchObject({
      status: 'Unknown',
      message: 'waiting',
    });
  });

  it('treats a young CAPI summary and unready services as warnings', () => {
    expect(
      ready([
        c(
          'CAPIClusterSummary',
          'False',
          'IssuesReported',
          '* InfrastructureReady: waiting',
        ),
        c('X', 'Unknown'),
      ]),
    ).toMatchObject({
      status: 'False',
      reason: 'Progressing',
      message: '* InfrastructureReady: waiting',
    });
    expect(
      ready([c('ServicesInReadyState', 'False', 'Failed', '1/2')]),
    ).toMatchObject({
      reason: 'Progressing',
      message: '1/2 Services are ready.',
    });
  });

  it('turns a CAPI summary False for over 30 minutes into a failure', () => {
    const stuck = ready(
      [c('CAPIClusterSummary', 'False', 'IssuesReported', 'no machines')],
      T0 + 31 * 60_000,
    );
    expect(stuck).toMatchObject({
      reason: 'Failed',
      message:
        'Cluster is not ready. Check the provider logs for more details.\nno machines',
    });
  });

  it('joins critical errors, and lets Deleting and Paused win', () => {
    expect(
      ready([
        c('CredentialReady', 'False', 'Failed', 'a'),
        c('TemplateReady', 'False', 'Failed', 'b'),
      ]),
    ).toMatchObject({
      status: 'False',
      reason: 'Failed',
      message: 'a. b',
    });
    expect(
      ready([
        c('CredentialReady', 'False', 'Failed', 'a'),
        c('Deleting', 'True', 'WaitingForClusterDeletion', 'going'),
      ]),
    ).toMatchObject({
      reason: 'Deleting',
      message: 'going',
    });
    expect(
      ready([
        c('A', 'True'),
        c('Paused', 'True', 'Paused', 'Related Region eu is paused'),
      ]),
    ).toMatchObject({
      status: 'False',
      reason: 'Failed',
    });
    expect(
      ready([c('A', 'True'), c('Paused', 'False', 'NotPaused')])?.status,
    ).toBe('True');
  });

  it('counts unready clusters of a MultiClusterService as a failure', () => {
    expect(
      ready(
        [c('ClusterInReadyState', 'False', 'Failed', '1/3')],
        T0,
        classifyMultiClusterServiceCondition,
      ),
    ).toMatchObject({
      reason: 'Failed',
      message: '1/3 Clusters are ready.',
    });
  });
});
