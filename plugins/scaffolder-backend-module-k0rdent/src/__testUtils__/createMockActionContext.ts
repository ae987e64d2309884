/*
 * A scaffolder action context for unit tests. (@backstage/plugin-scaffolder-node-test-utils
 * is not in this repository's lockfile; this is the part of its
 * createMockActionContext the tests need, plus a checkpoint store so a test can
 * run a step again the way task recovery does.)
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { JsonObject, JsonValue } from '@backstage/types';

export interface MockActionContextOptions {
  input: JsonObject;
  isDryRun?: boolean;
  taskId?: string;
  /** Results of checkpoints already run, by key; shared between runs. */
  checkpoints?: Map<string, JsonValue | void>;
  signal?: AbortSignal;
}

export function createMockActionContext(options: MockActionContextOptions) {
  const checkpoints = options.checkpoints ?? new Map();
  const logger = mockServices.logger.mock();
  const output = jest.fn();
  const ctx: ActionContext<any, any> = {
    input: options.input,
    logger,
    output,
    workspacePath: '/tmp/workspace',
    isDryRun: options.isDryRun,
    signal: options.signal,
    task: { id: options.taskId ?? 'task-1' },
    user: { ref: 'user:default/alice' },
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/alice'),
    createTemporaryDirectory: async () => '/tmp/workspace/tmp',
    checkpoint: async ({ key, fn }) => {
      if (!checkpoints.has(key)) {
        checkpoints.set(key, await fn());
      }
      return checkpoints.get(key);
    },
  };
  return { ctx, logger, output, checkpoints };
}

/** Every message the mock logger got at info level, in order. */
export function infoLines(logger: {
  info: { mock: { calls: unknown[][] } };
}): string[] {
  return logger.info.mock.calls.map(call => String(call[0]));
}
