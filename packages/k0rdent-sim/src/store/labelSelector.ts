/*
 * Kubernetes label selectors in their string form, as `?labelSelector=` carries them:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a` (exists), `!a`, `a>1`, `a<1`,
 * joined by commas (all must hold).
 */
import { badRequest } from '../errors';

type Operator = 'in' | 'notin' | 'exists' | '!exists' | 'gt' | 'lt';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed selector; `matches` tells whether a label set satisfies all requirements. */
export interface LabelSelector {
  /** True for the empty selector, which matches everything. */
  readonly empty: boolean;
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

const MATCH_ALL: LabelSelector = { empty: true, matches: () => true };

function requirementMatches(
  requirement: Requirement,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels![requirement.key] : undefined;
  switch (requirement.operator) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && requirement.values.includes(value!);
    case 'notin':
      return !has || !requirement.values.includes(value!);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const actual = Number(value);
      const bound = Number(requirement.values[0]);
      return requirement.operator === 'gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

type Token =
  | { type: 'word'; text: string }
  | { type: 'op'; text: '=' | '==' | '!=' | '!' | '>' | '<' | '(' | ')' | ',' }
  | { type: 'end'; text: '' };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '<', '>']);

/** A small recursive-descent parser over a token list. */
class SelectorParser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      requirements.push(this.requirement());
      const next = this.take();
      if (next.type === 'end') return requirements;
      if (next.text !== ',') this.fail(next, "','");
    }
  }

  private requirement(): Requirement {
    let token = this.take();
    if (token.type === 'op' && token.text === '!') {
      token = this.take();
      if (token.type !== 'word') this.fail(token, 'identifier');
      return { key: token.text, operator: '!exists', values: [] };
    }
    if (token.type !== 'word') this.fail(token, 'identifier');
    const key = token.text;
    const next = this.peek();
    if (next.type === 'end' || next.text === ',') {
      return { key, operator: 'exists', values: [] };
    }
    const operator = this.take();
    switch (operator.text) {
      case '=':
      case '==':
        return { key, operator: 'in', values: [this.singleValue()] };
      case '!=':
        return { key, operator: 'notin', values: [this.singleValue()] };
      case '>':
      case '<': {
        const bound = this.take();
        if (bound.type !== 'word' || !/^-?\d+$/.test(bound.text)) {
          this.fail(bound, 'integer');
        }
        return {
          key,
          operator: operator.text === '>' ? 'gt' : 'lt',
          values: [bound.text],
        };
      }
      case 'in':
      case 'notin':
        return { key, operator: operator.text, values: this.valueSet() };
      default:
        return this.fail(operator, '=, !=, in, notin');
    }
  }

  /** The value after `=`/`!=`; may be empty (`a=` matches an empty label value). */
  private singleValue(): string {
    const next = this.peek();
    if (next.type === 'end' || next.text === ',') return '';
    const token = this.take();
    if (token.type !== 'word') this.fail(token, 'identifier');
    return token.text;
  }

  private valueSet(): string[] {
    const open = this.take();
    if (open.text !== '(') this.fail(open, "'('");
    const values: string[] = [];
    for (;;) {
      let token = this.take();
      if (token.text === ')' && values.length === 0) return values;
      if (token.type === 'word') {
        values.push(token.text);
        token = this.take();
      } else if (token.text === ',' || token.text === ')') {
        values.push(''); // `in (a,)` allows an empty value
      } else {
        this.fail(token, 'identifier');
      }
      if (token.text === ')') return values;
      if (token.text !== ',') this.fail(token, "',' or ')'");
    }
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private take(): Token {
    const token = this.tokens[this.position];
    if (token.type !== 'end') this.position++;
    return token;
  }

  private fail(found: Token, expected: string): never {
    throw badRequest(
      `unable to parse requirement: found '${
        found.text || 'EOS'
      }', expected: ${expected} (in selector "${this.text}")`,
    );
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (SPECIAL.has(char)) {
      const pair = text.slice(index, index + 2);
      if (pair === '==' || pair === '!=') {
        tokens.push({ type: 'op', text: pair });
        index += 2;
      } else {
        tokens.push({ type: 'op', text: char as '=' });
        index++;
      }
      continue;
    }
    let end = index;
    while (
      end < text.length &&
      !SPECIAL.has(text[end]) &&
      !/\s/.test(text[end])
    ) {
      end++;
    }
    tokens.push({ type: 'word', text: text.slice(index, end) });
    index = end;
  }
  tokens.push({ type: 'end', text: '' });
  return tokens;
}

/** Parses a selector string; throws a 400 BadRequest `SimApiError` when malformed. */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (!text || !text.trim()) return MATCH_ALL;
  const requirements = new SelectorParser(text).parse();
  return {
    empty: requirements.length === 0,
    matches: labels => requirements.every(r => requirementMatches(r, labels)),
  };
}
