/*
 * A PromQL error the API reports as HTTP 400 `bad_data`.
 */
export class PromQLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLError';
  }
}

/** A parse error at a 0-based offset, worded as Prometheus does ("1:7: parse error: ..."). */
export function parseError(position: number, message: string): PromQLError {
  return new PromQLError(`1:${position + 1}: parse error: ${message}`);
}
