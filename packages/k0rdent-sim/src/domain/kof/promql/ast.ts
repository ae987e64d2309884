/*
 * The PromQL syntax tree of the supported subset.
 */

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type AggregationOp =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'topk'
  | 'bottomk'
  | 'group';

export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '=='
  | '!='
  | '>'
  | '<'
  | '>='
  | '<=';

export interface VectorMatching {
  /** `on(...)` when true, `ignoring(...)` when false. */
  on: boolean;
  labels: string[];
  /** many-to-one / one-to-many. */
  group?: { side: 'left' | 'right'; include: string[] };
}

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | {
      type: 'vectorSelector';
      name?: string;
      matchers: LabelMatcher[];
      offsetSeconds: number;
    }
  | {
      type: 'matrixSelector';
      selector: Extract<Expr, { type: 'vectorSelector' }>;
      rangeSeconds: number;
    }
  | { type: 'call'; name: string; args: Expr[] }
  | {
      type: 'aggregation';
      op: AggregationOp;
      expr: Expr;
      param?: Expr;
      grouping: { without: boolean; labels: string[] } | undefined;
    }
  | {
      type: 'binary';
      op: BinaryOp;
      lhs: Expr;
      rhs: Expr;
      returnBool: boolean;
      matching?: VectorMatching;
    }
  | { type: 'unary'; op: '-' | '+'; expr: Expr }
  | { type: 'paren'; expr: Expr };

export type VectorSelectorExpr = Extract<Expr, { type: 'vectorSelector' }>;
export type MatrixSelectorExpr = Extract<Expr, { type: 'matrixSelector' }>;
