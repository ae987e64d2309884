/*
 * A recursive-descent PromQL parser for the supported subset: selectors with label
 * matchers, range selectors, offset, function calls, aggregations with by/without,
 * arithmetic and comparison operators with on/ignoring/group_left/group_right.
 * Set operators (and/or/unless), subqueries and @ are rejected as unsupported.
 */
import type {
  AggregationOp,
  BinaryOp,
  Expr,
  LabelMatcher,
  MatchOp,
  VectorMatching,
  VectorSelectorExpr,
} from './ast';
import { parseDurationMs } from './durations';
import { parseError } from './errors';
import { FUNCTIONS, type ValueType } from './functionSignatures';
import { tokenize, type Token } from './lexer';

const PRECEDENCE: Record<string, number> = {
  '==': 1,
  '!=': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '+': 2,
  '-': 2,
  '*': 3,
  '/': 3,
  '%': 3,
  '^': 4,
};
const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const AGGREGATIONS = new Set<string>([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'topk',
  'bottomk',
  'group',
]);
const UNSUPPORTED_AGGREGATIONS = new Set([
  'stddev',
  'stdvar',
  'quantile',
  'count_values',
  'limitk',
  'limit_ratio',
]);
const SET_OPERATORS = new Set(['and', 'or', 'unless', 'atan2']);
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
]);

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index++;
    return token;
  }

  private expect(type: Token['type'], what: string): Token {
    const token = this.next();
    if (token.type !== type) {
      throw parseError(
        token.pos,
        `unexpected ${describe(token)}, expected ${what}`,
      );
    }
    return token;
  }

  parseQuery(): Expr {
    if (this.peek().type === 'eof')
      throw parseError(0, 'no expression found in input');
    const expr = this.parseBinary(1);
    const rest = this.peek();
    if (rest.type !== 'eof')
      throw parseError(rest.pos, `unexpected ${describe(rest)}`);
    return expr;
  }

  private parseBinary(minPrecedence: number): Expr {
    let lhs = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.type === 'ident' && SET_OPERATORS.has(token.text)) {
        throw parseError(
          token.pos,
          `the "${token.text}" operator is not supported by the simulator`,
        );
      }
      if (token.type !== 'op' || PRECEDENCE[token.text] === undefined) break;
      const precedence = PRECEDENCE[token.text];
      if (precedence < minPrecedence) break;
      this.next();
      const op = token.text as BinaryOp;
      let returnBool = false;
      if (this.peek().type === 'ident' && this.peek().text === 'bool') {
        if (!COMPARISONS.has(op))
          throw parseError(
            this.peek().pos,
            'bool modifier can only be used on comparison operators',
          );
        this.next();
        returnBool = true;
      }
      const matching = this.parseMatching();
      // '^' is right-associative, everything else left-associative.
      const rhs = this.parseBinary(op === '^' ? precedence : precedence + 1);
      lhs = checkBinary(
        { type: 'binary', op, lhs, rhs, returnBool, matching },
        token.pos,
      );
    }
    return lhs;
  }

  private parseMatching(): VectorMatching | undefined {
    const token = this.peek();
    if (
      token.type !== 'ident' ||
      (token.text !== 'on' && token.text !== 'ignoring')
    )
      return undefined;
    this.next();
    const matching: VectorMatching = {
      on: token.text === 'on',
      labels: this.parseLabelList(),
    };
    const group = this.peek();
    if (
      group.type === 'ident' &&
      (group.text === 'group_left' || group.text === 'group_right')
    ) {
      this.next();
      const include = this.peek().type === '(' ? this.parseLabelList() : [];
      matching.group = {
        side: group.text === 'group_left' ? 'left' : 'right',
        include,
      };
    }
    return matching;
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      // Unary minus binds looser than '^': -2^2 is -4.
      const expr = this.parseBinary(PRECEDENCE['^']);
      if (typeOfExpr(expr) === 'matrix' || typeOfExpr(expr) === 'string') {
        throw parseError(
          token.pos,
          'unary expression only allowed on expressions of type scalar or instant vector',
        );
      }
      return { type: 'unary', op: token.text, expr };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(expr: Expr): Expr {
    let result = expr;
    if (this.peek().type === '[') {
      const open = this.next();
      const range = this.expect('duration', 'duration in range selector');
      if (this.peek().type === ':') {
        throw parseError(
          this.peek().pos,
          'subqueries are not supported by the simulator',
        );
      }
      this.expect(']', '"]"');
      if (result.type !== 'vectorSelector') {
        throw parseError(open.pos, 'ranges only allowed for vector selectors');
      }
      result = {
        type: 'matrixSelector',
        selector: result,
        rangeSeconds: parseDurationMs(range.text)! / 1000,
      };
    }
    const offset = this.peek();
    if (offset.type === 'ident' && offset.text === 'offset') {
      this.next();
      const negative = this.peek().type === 'op' && this.peek().text === '-';
      if (negative) this.next();
      const duration = this.expect('duration', 'duration after offset');
      const seconds =
        (parseDurationMs(duration.text)! / 1000) * (negative ? -1 : 1);
      if (result.type === 'vectorSelector')
        result = { ...result, offsetSeconds: seconds };
      else if (result.type === 'matrixSelector')
        result = {
          ...result,
          selector: { ...result.selector, offsetSeconds: seconds },
        };
      else
        throw parseError(
          offset.pos,
          'offset modifier must be preceded by an instant vector selector or range vector selector',
        );
    }
    return result;
  }

  private parsePrimary(): Expr {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return {
          type: 'number',
          value:
            token.text.startsWith('0x') || token.text.startsWith('0X')
              ? parseInt(token.text, 16)
              : Number(token.text),
        };
      case 'string':
        return { type: 'string', value: token.text };
      case '(': {
        const expr = this.parseBinary(1);
        this.expect(')', '")"');
        return { type: 'paren', expr };
      }
      case '{':
        return this.parseSelector(undefined, token.pos, true);
      case 'ident':
        return this.parseIdentifier(token);
      case 'duration':
        throw parseError(token.pos, `unexpected duration "${token.text}"`);
      default:
        throw parseError(token.pos, `unexpected ${describe(token)}`);
    }
  }

  private parseIdentifier(token: Token): Expr {
    const name = token.text;
    const lower = name.toLowerCase();
    if (lower === 'inf' || lower === 'nan') {
      return { type: 'number', value: lower === 'inf' ? Infinity : NaN };
    }
    if (SET_OPERATORS.has(name))
      throw parseError(
        token.pos,
        `the "${name}" operator is not supported by the simulator`,
      );
    if (KEYWORDS.has(name)) throw parseError(token.pos, `unexpected <${name}>`);
    const following = this.peek();
    if (
      AGGREGATIONS.has(name) &&
      (following.type === '(' ||
        (following.type === 'ident' &&
          (following.text === 'by' || following.text === 'without')))
    ) {
      return this.parseAggregation(name as AggregationOp, token.pos);
    }
    if (UNSUPPORTED_AGGREGATIONS.has(name) && following.type === '(') {
      throw parseError(
        token.pos,
        `the aggregation "${name}" is not supported by the simulator`,
      );
    }
    if (following.type === '(') {
      return this.parseCall(name, token.pos);
    }
    const hasMatchers = following.type === '{';
    if (hasMatchers) this.next();
    return this.parseSelector(name, token.pos, hasMatchers);
  }

  private parseSelector(
    name: string | undefined,
    pos: number,
    withMatchers: boolean,
  ): VectorSelectorExpr {
    const matchers: LabelMatcher[] = [];
    if (withMatchers) {
      while (this.peek().type !== '}') {
        const label = this.expect('ident', 'label matching');
        const op = this.expect('op', 'label matching operator');
        if (!['=', '!=', '=~', '!~'].includes(op.text)) {
          throw parseError(
            op.pos,
            `unexpected ${describe(
              op,
            )} in label matching, expected one of "=", "!=", "=~" or "!~"`,
          );
        }
        const value = this.expect('string', 'label value');
        if (op.text === '=~' || op.text === '!~') {
          if (!isValidRegex(value.text)) {
            throw parseError(
              value.pos,
              `error parsing regexp: invalid regular expression "${value.text}"`,
            );
          }
        }
        matchers.push({
          name: label.text,
          op: op.text as MatchOp,
          value: value.text,
        });
        if (this.peek().type === ',') this.next();
        else break;
      }
      this.expect('}', '"}"');
    }
    const nameMatcher = matchers.find(m => m.name === '__name__');
    if (name && nameMatcher) {
      throw parseError(
        pos,
        `metric name must not be set twice: "${name}" or "${nameMatcher.value}"`,
      );
    }
    if (!name && matchers.every(matchesEmpty)) {
      throw parseError(
        pos,
        'vector selector must contain at least one non-empty matcher',
      );
    }
    return { type: 'vectorSelector', name, matchers, offsetSeconds: 0 };
  }

  private parseLabelList(): string[] {
    this.expect('(', '"("');
    const labels: string[] = [];
    while (this.peek().type !== ')') {
      labels.push(this.expect('ident', 'label').text);
      if (this.peek().type === ',') this.next();
      else break;
    }
    this.expect(')', '")"');
    return labels;
  }

  private parseGrouping(): { without: boolean; labels: string[] } | undefined {
    const token = this.peek();
    if (
      token.type === 'ident' &&
      (token.text === 'by' || token.text === 'without')
    ) {
      this.next();
      return {
        without: token.text === 'without',
        labels: this.parseLabelList(),
      };
    }
    return undefined;
  }

  private parseAggregation(op: AggregationOp, pos: number): Expr {
    let grouping = this.parseGrouping();
    this.expect('(', '"("');
    let param: Expr | undefined;
    if (op === 'topk' || op === 'bottomk') {
      param = this.parseBinary(1);
      this.expect(',', '","');
    }
    const expr = this.parseBinary(1);
    this.expect(')', '")"');
    const after = this.parseGrouping();
    if (after) {
      if (grouping)
        throw parseError(
          pos,
          'aggregation must only contain one grouping clause',
        );
      grouping = after;
    }
    if (typeOfExpr(expr) !== 'vector') {
      throw parseError(
        pos,
        `expected type instant vector in aggregation expression, got ${typeName(
          typeOfExpr(expr),
        )}`,
      );
    }
    if (param && typeOfExpr(param) !== 'scalar') {
      throw parseError(
        pos,
        `expected type scalar in aggregation parameter, got ${typeName(
          typeOfExpr(param),
        )}`,
      );
    }
    return { type: 'aggregation', op, expr, param, grouping };
  }

  private parseCall(name: string, pos: number): Expr {
    const signature = FUNCTIONS[name];
    if (!signature)
      throw parseError(pos, `unknown function with name "${name}"`);
    this.expect('(', '"("');
    const args: Expr[] = [];
    while (this.peek().type !== ')') {
      args.push(this.parseBinary(1));
      if (this.peek().type === ',') this.next();
      else break;
    }
    this.expect(')', '")"');
    const min = signature.args.length - (signature.optional ?? 0);
    if (args.length < min || args.length > signature.args.length) {
      throw parseError(
        pos,
        `expected ${
          min === signature.args.length
            ? min
            : `${min} to ${signature.args.length}`
        } argument(s) in call to "${name}", got ${args.length}`,
      );
    }
    args.forEach((arg, i) => {
      const actual = typeOfExpr(arg);
      if (actual !== signature.args[i]) {
        throw parseError(
          pos,
          `expected type ${typeName(
            signature.args[i],
          )} in call to function "${name}", got ${typeName(actual)}`,
        );
      }
    });
    return { type: 'call', name, args };
  }
}

function isValidRegex(pattern: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`) instanceof RegExp;
  } catch {
    return false;
  }
}

/** Whether a matcher also selects series that lack the label (an "empty" matcher). */
function matchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test('');
    default:
      return !new RegExp(`^(?:${matcher.value})$`).test('');
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'end of input';
    case 'ident':
      return `identifier "${token.text}"`;
    case 'number':
      return `number "${token.text}"`;
    case 'string':
      return `string "${token.text}"`;
    case 'duration':
      return `duration "${token.text}"`;
    case 'op':
      return `<op:${token.text}>`;
    default:
      return `"${token.text}"`;
  }
}

export function typeName(type: ValueType): string {
  switch (type) {
    case 'vector':
      return 'instant vector';
    case 'matrix':
      return 'range vector';
    default:
      return type;
  }
}

/** The static type of an expression (PromQL is typed before it is evaluated). */
export function typeOfExpr(expr: Expr): ValueType {
  switch (expr.type) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vectorSelector':
      return 'vector';
    case 'matrixSelector':
      return 'matrix';
    case 'call':
      return FUNCTIONS[expr.name].returns;
    case 'aggregation':
      return 'vector';
    case 'unary':
    case 'paren':
      return typeOfExpr(expr.expr);
    case 'binary':
      return typeOfExpr(expr.lhs) === 'scalar' &&
        typeOfExpr(expr.rhs) === 'scalar'
        ? 'scalar'
        : 'vector';
    default:
      return 'scalar';
  }
}

function checkBinary(
  expr: Extract<Expr, { type: 'binary' }>,
  pos: number,
): Expr {
  const lhs = typeOfExpr(expr.lhs);
  const rhs = typeOfExpr(expr.rhs);
  if (
    lhs === 'matrix' ||
    rhs === 'matrix' ||
    lhs === 'string' ||
    rhs === 'string'
  ) {
    throw parseError(
      pos,
      'binary expression must contain only scalar and instant vector types',
    );
  }
  if (
    COMPARISONS.has(expr.op) &&
    lhs === 'scalar' &&
    rhs === 'scalar' &&
    !expr.returnBool
  ) {
    throw parseError(pos, 'comparisons between scalars must use BOOL modifier');
  }
  if (expr.matching && (lhs !== 'vector' || rhs !== 'vector')) {
    throw parseError(
      pos,
      'vector matching only allowed between instant vectors',
    );
  }
  return expr;
}

/** Parses a PromQL query; throws PromQLError with a Prometheus-style message. */
export function parsePromQL(query: string): Expr {
  return new Parser(tokenize(query)).parseQuery();
}
