import { ApiException } from '@kubernetes/client-node';
import { KubernetesApiError } from './KubernetesApiError';

describe('KubernetesApiError', () => {
  it('maps a Status with causes', () => {
    const error = KubernetesApiError.fromResponse(422, {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'ClusterDeployment.k0rdent.mirantis.com "a" is invalid',
      reason: 'Invalid',
      details: {
        name: 'a',
        group: 'k0rdent.mirantis.com',
        kind: 'ClusterDeployment',
        causes: [
          {
            reason: 'FieldValueRequired',
            message: 'Required value',
            field: 'spec.template',
          },
        ],
      },
      code: 422,
    });
    expect(error).toMatchObject({
      name: 'KubernetesApiError',
      code: 422,
      reason: 'Invalid',
      retryable: false,
      causes: [
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.template',
        },
      ],
      details: { name: 'a', kind: 'ClusterDeployment' },
    });
    expect(error.message).toBe(
      'Invalid (HTTP 422): ClusterDeployment.k0rdent.mirantis.com "a" is invalid',
    );
    expect(KubernetesApiError.is(error)).toBe(true);
  });

  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [410, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [501, false],
    [503, true],
    [504, true],
  ])('HTTP %s is retryable: %s', (code, retryable) => {
    expect(KubernetesApiError.fromResponse(code, undefined).retryable).toBe(
      retryable,
    );
  });

  it('reads Retry-After from the header or the Status', () => {
    expect(
      KubernetesApiError.fromResponse(429, '{"kind":"Status","code":429}', {
        'retry-after': '7',
      }).retryAfterSeconds,
    ).toBe(7);
    expect(
      KubernetesApiError.fromResponse(429, {
        kind: 'Status',
        reason: 'TooManyRequests',
        details: { retryAfterSeconds: 3 },
      }).retryAfterSeconds,
    ).toBe(3);
  });

  it('maps a client-node ApiException with a JSON text body', () => {
    const e = new ApiException(
      409,
      'HTTP-Code: 409 Body: ... Headers: authorization?',
      JSON.stringify({
        kind: 'Status',
        reason: 'Conflict',
        code: 409,
        message:
          'Apply failed with 1 conflict: conflict with "kubectl": .spec.credential',
        details: {
          causes: [
            {
              reason: 'FieldManagerConflict',
              message: 'conflict with "kubectl"',
              field: '.spec.credential',
            },
          ],
        },
      }),
      {},
    );
    const error = KubernetesApiError.fromError(e);
    expect(error).toMatchObject({
      code: 409,
      reason: 'Conflict',
      retryable: false,
      causes: [{ reason: 'FieldManagerConflict', field: '.spec.credential' }],
    });
    expect(error.message).not.toContain('HTTP-Code');
  });

  it('maps transport errors without their URLs', () => {
    const refused = Object.assign(
      new Error(
        'request to https://user:pw@k8s.example.com/apis?token=abc failed, reason: connect ECONNREFUSED',
      ),
      { name: 'FetchError', code: 'ECONNREFUSED' },
    );
    const error = KubernetesApiError.fromError(refused);
    expect(error).toMatchObject({
      code: 0,
      reason: 'ConnectionError',
      retryable: true,
    });
    expect(error.message).toBe(
      'ConnectionError: cannot reach the API server (ECONNREFUSED)',
    );
    expect(
      KubernetesApiError.fromError(
        Object.assign(new Error('x'), { name: 'TimeoutError' }),
      ).reason,
    ).toBe('Timeout');
    expect(
      KubernetesApiError.fromError(
        Object.assign(new Error('x'), { name: 'AbortError' }),
      ).reason,
    ).toBe('Aborted');
    const unknown = KubernetesApiError.fromError(
      new TypeError('secret=hunter2'),
    );
    expect(unknown.message).toBe(
      'ProtocolError: unexpected TypeError talking to the API server',
    );
  });

  it('passes KubernetesApiErrors through', () => {
    const error = KubernetesApiError.fromResponse(404, undefined);
    expect(KubernetesApiError.fromError(error)).toBe(error);
    expect(error.reason).toBe('NotFound');
  });

  it('truncates very long messages', () => {
    const error = KubernetesApiError.fromResponse(500, {
      kind: 'Status',
      message: 'x'.repeat(5000),
    });
    expect(error.message.length).toBeLessThan(1100);
  });
});
