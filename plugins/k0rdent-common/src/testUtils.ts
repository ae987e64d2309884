/*
 * Builders for the tests of the k0rdent packages: objects as k0rdent's
 * controllers write them.
 */
import type { Condition, ConditionStatus } from './k0rdent/meta';

/**
 * A status condition; the reason defaults to `Succeeded` / `Failed` as KCM
 * writes them.
 *
 * @public
 */
export function testCondition(
  type: string,
  status: ConditionStatus,
  reason = status === 'True' ? 'Succeeded' : 'Failed',
  message = '',
): Condition {
  return {
    type,
    status,
    reason,
    message,
    lastTransitionTime: '2026-08-21T10:00:00Z',
  };
}
