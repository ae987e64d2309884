/*
 * What every k0rdent action does the same way: parse its input with the zod
 * schema it declares (the task runner only checks the JSON Schema made from
 * it, which applies no defaults), derive the idempotency key that makes a
 * re-run step land on the same request, and name the cluster's catalog page.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  ActionContext,
  TemplateActionOptions,
} from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import type { WriteResult } from '@k0rdent-backstage/plugin-k0rdent-common';
import { stringify } from 'yaml';
import type { K0rdentClusterRef } from '../K0rdentApiClient';

/** The zod namespace scaffolder-node passes to schema callbacks (`zod/v3`). */
export type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/** A zod schema, as far as parsing goes. */
interface Parser<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: {
          issues: Array<{ path: (string | number)[]; message: string }>;
        };
      };
}

/**
 * An action's input schema built with the `z` the scaffolder passes in, kept
 * so the handler can parse `ctx.input` with exactly that schema.
 */
export class ActionInput<S extends Parser<unknown>> {
  #schema?: S;

  constructor(private readonly build: (z: Zod) => S) {}

  /** For `schema.input` of createTemplateAction. */
  readonly schema = (z: Zod): S => {
    this.#schema = this.build(z);
    return this.#schema;
  };

  /**
   * Parses input; the error names each bad field. Top-level inputs that are
   * empty strings count as not given: that is what a template renders for an
   * optional form field the user left blank.
   */
  parse(input: unknown): S extends Parser<infer T> ? T : never {
    if (!this.#schema) {
      throw new Error('The action schema was not built');
    }
    const given =
      input && typeof input === 'object' && !Array.isArray(input)
        ? Object.fromEntries(
            Object.entries(input).filter(([, value]) => value !== ''),
          )
        : input;
    const result = this.#schema.safeParse(given);
    if (!result.success) {
      const problems = result.error.issues.map(
        issue => `${issue.path.join('.') || 'input'}: ${issue.message}`,
      );
      throw new InputError(`Invalid input: ${problems.join('; ')}`);
    }
    return result.data as S extends Parser<infer T> ? T : never;
  }
}

/**
 * The idempotency key of one write: the same task, action and object give the
 * same key, so a re-run step returns the request it made the first time.
 */
export function idempotencyKeyOf(
  ctx: Pick<ActionContext<JsonObject>, 'task'>,
  actionId: string,
  inputKey: string,
): string {
  return `${ctx.task.id}:${actionId}:${inputKey}`;
}

/** `<mc>/<ns>/<name>`, the way the outputs and logs name a cluster. */
export function objectRefOf(ref: K0rdentClusterRef): string {
  return `${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

/** The catalog page path of an entity, e.g. `/catalog/default/resource/x`. */
export function entityUrlOf(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/** What a write step left behind: a request, or in a dry run the manifest. */
export type WriteOutcome =
  | { requestId: string; manifest?: undefined }
  | { requestId?: undefined; manifest: JsonObject };

/**
 * Runs one write: in a dry run asks for the manifest only; otherwise sends it
 * once per task, inside a checkpoint, so a recovered task does not ask again.
 * Outputs `manifest` (dry run) or `requestId`.
 */
export async function performWrite(
  ctx: Pick<
    ActionContext<JsonObject>,
    'isDryRun' | 'logger' | 'checkpoint' | 'output'
  >,
  options: {
    /** Checkpoint key, stable for the task. */
    key: string;
    /** Sends the write, or with `dryRun` asks what it would apply. */
    send: (dryRun: boolean) => Promise<WriteResult>;
  },
): Promise<WriteOutcome> {
  if (ctx.isDryRun) {
    const result = await options.send(true);
    if (!result.dryRun) {
      throw new Error(
        'The k0rdent backend did not treat the call as a dry run',
      );
    }
    ctx.logger.info(
      `Dry run: nothing was written; the manifest that would be applied:\n${stringify(
        result.manifest,
      )}`,
    );
    const manifest = result.manifest as JsonObject;
    ctx.output('manifest', manifest);
    return { manifest };
  }
  const requestId = await ctx.checkpoint({
    key: options.key,
    fn: async () => {
      const result = await options.send(false);
      if (result.dryRun) {
        throw new Error('The k0rdent backend answered with a dry run');
      }
      return result.request.id;
    },
  });
  ctx.logger.info(`k0rdent accepted the change as request ${requestId}`);
  ctx.output('requestId', requestId);
  return { requestId };
}
