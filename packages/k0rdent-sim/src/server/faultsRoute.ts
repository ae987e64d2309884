/*
 * `/sim/v1/faults`: drives the fault injector over HTTP, so tests in another process
 * can break a standalone simulator. POST one JSON command:
 *   {"action":"failNext","count":2,"status":500|429|503|504|"timeout",
 *    "retryAfterSeconds":1,"holdMillis":2000,"match":{"verb":"list","path":"/apis/","pathRegex":"..."}}
 *   {"action":"delayNext","count":1,"millis":500,"match":{...}}
 *   {"action":"dropWatches","mode":"reset"|"end"}
 *   {"action":"compact"}
 *   {"action":"reset"}
 * GET lists pending rules; DELETE forgets them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, methodNotAllowed } from '../errors';
import type {
  FaultInjector,
  FaultMatch,
  FaultStatus,
} from '../faults/faultInjector';
import { isJsonObject, type JsonObject } from '../store/json';
import { parseBody, readBody, sendJson } from './http';

const STATUSES = new Set<unknown>([500, 429, 503, 504, 'timeout']);

export async function serveFaults(
  req: IncomingMessage,
  res: ServerResponse,
  faults: FaultInjector,
): Promise<void> {
  if (req.method === 'GET') {
    sendJson(res, 200, { kind: 'FaultStatus', pending: faults.pending() });
    return;
  }
  if (req.method === 'DELETE') {
    faults.reset();
    sendJson(res, 200, { kind: 'FaultStatus', pending: [] });
    return;
  }
  if (req.method !== 'POST') throw methodNotAllowed();
  const command = parseBody(await readBody(req), 'application/json');
  if (!isJsonObject(command)) throw badRequest('expected a JSON object');
  const result: JsonObject = { kind: 'FaultStatus' };
  switch (command.action) {
    case 'failNext': {
      if (!STATUSES.has(command.status)) {
        throw badRequest('status must be one of 500, 429, 503, 504, "timeout"');
      }
      faults.failNext(countOf(command), {
        status: command.status as FaultStatus,
        retryAfterSeconds: optionalNumber(command.retryAfterSeconds),
        holdMillis: optionalNumber(command.holdMillis),
        match: matchOf(command.match),
      });
      break;
    }
    case 'delayNext':
      faults.delayNext(
        countOf(command),
        optionalNumber(command.millis) ?? 0,
        matchOf(command.match),
      );
      break;
    case 'dropWatches':
      result.dropped = faults.dropWatches(
        command.mode === 'end' ? 'end' : 'reset',
      );
      break;
    case 'compact':
      faults.compact();
      break;
    case 'reset':
      faults.reset();
      break;
    default:
      throw badRequest(`unknown action ${JSON.stringify(command.action)}`);
  }
  result.pending = faults.pending();
  sendJson(res, 200, result);
}

function countOf(command: JsonObject): number {
  const count = command.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw badRequest('count must be a positive integer');
  }
  return count;
}

function optionalNumber(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || value < 0)
    throw badRequest('expected a non-negative number');
  return value;
}

function matchOf(value: unknown): FaultMatch | undefined {
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw badRequest('match must be an object');
  const match: FaultMatch = {};
  if (typeof value.verb === 'string') match.verb = value.verb;
  if (typeof value.path === 'string') match.path = value.path;
  if (typeof value.pathRegex === 'string') {
    try {
      match.path = new RegExp(value.pathRegex);
    } catch {
      throw badRequest(`invalid pathRegex ${value.pathRegex}`);
    }
  }
  return match;
}
