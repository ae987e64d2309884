/*
 * Checks a documented example against an action the way the task runner sees
 * it: the step's input must pass the JSON Schema the runner validates with,
 * and the handler (in a dry run, against a fake backend) must accept it.
 */
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { validate } from 'jsonschema';
import yaml from 'yaml';

export async function checkExample(
  action: TemplateAction<any, any>,
  example: string,
) {
  const template = yaml.parse(example) as {
    steps?: Array<{ action: string; input: JsonObject }>;
  };
  const inputs = (template.steps ?? [])
    .filter(step => step.action === action.id)
    .map(step => step.input);
  expect(inputs.length).toBeGreaterThan(0);
  for (const input of inputs) {
    expect(validate(input, action.schema!.input!).errors).toEqual([]);
    // createMockActionContext ignores isDryRun in its options; set it on the result.
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('manifest', expect.any(Object));
  }
}
