/*
 * Keeps the documented examples of the action honest: each parses as YAML,
 * uses this action, passes its schema and is accepted by its handler.
 */
import { checkExample } from '../__testUtils__/exampleInputs';
import { FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterDeleteAction } from './clusterDelete';
import { examples } from './clusterDelete.examples';

describe('clusterDelete examples', () => {
  const action = createClusterDeleteAction({ client: new FakeK0rdentApi() });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)(
    'accepts the example: $description',
    async ({ example }) => {
      await expect(checkExample(action, example)).resolves.toBeUndefined();
    },
  );
});
