/*
 * The PromQL functions the simulator evaluates, with their argument and return types
 * (checked at parse time, as Prometheus does).
 */

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export interface FunctionSignature {
  args: ValueType[];
  /** How many trailing arguments may be left out. */
  optional?: number;
  returns: ValueType;
}

const overTime: FunctionSignature = { args: ['matrix'], returns: 'vector' };
const math: FunctionSignature = { args: ['vector'], returns: 'vector' };

export const FUNCTIONS: Record<string, FunctionSignature> = {
  rate: overTime,
  irate: overTime,
  increase: overTime,
  delta: overTime,
  avg_over_time: overTime,
  sum_over_time: overTime,
  min_over_time: overTime,
  max_over_time: overTime,
  count_over_time: overTime,
  last_over_time: overTime,
  abs: math,
  ceil: math,
  floor: math,
  sqrt: math,
  exp: math,
  ln: math,
  round: { args: ['vector', 'scalar'], optional: 1, returns: 'vector' },
  clamp_min: { args: ['vector', 'scalar'], returns: 'vector' },
  clamp_max: { args: ['vector', 'scalar'], returns: 'vector' },
  sort: math,
  sort_desc: math,
  time: { args: [], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'vector' },
  scalar: { args: ['vector'], returns: 'scalar' },
};
