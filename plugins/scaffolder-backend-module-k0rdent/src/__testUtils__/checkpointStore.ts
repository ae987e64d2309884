/*
 * The one part of a scaffolder action context the action tests need and
 * Backstage's createMockActionContext does not give: a checkpoint store. Its
 * checkpoint runs fn every time and keeps nothing (and it ignores a checkpoint
 * passed in its options), so a test spreads the mock context and overrides
 * just `checkpoint` with this one. Share a store between two contexts to run a
 * step again the way task recovery does; read `checkpoints` to see what ran.
 */
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { JsonValue } from '@backstage/types';

export function createCheckpointStore() {
  const checkpoints = new Map<string, JsonValue | void>();
  const checkpoint: ActionContext<any, any>['checkpoint'] = async ({
    key,
    fn,
  }) => {
    if (!checkpoints.has(key)) {
      checkpoints.set(key, await fn());
    }
    return checkpoints.get(key) as any;
  };
  return { checkpoints, checkpoint };
}

/** Every message a mock logger got at info level, in order. */
export function infoLines(logger: {
  info: { mock: { calls: unknown[][] } };
}): string[] {
  return logger.info.mock.calls.map(call => String(call[0]));
}
