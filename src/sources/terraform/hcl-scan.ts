// A small scanner for Terraform's native syntax (.tf): finds blocks (`resource "T" "N" {`), their
// arguments (`name = …`) and nested blocks, with 1-based line and column. It does not evaluate
// anything; it only has to skip expressions correctly, so it knows comments (#, //, /* */),
// quoted strings with `${…}`/`%{…}` templates (which may hold braces and further strings),
// heredocs (<<EOT, <<-EOT) and bracket nesting. Malformed input never throws: the scanner
// recovers at the next line and reports what it could read.

export interface TfAttribute {
  line: number;
  column: number;
  /** The value when it is a plain quoted string without templates (`name = "rds.force_ssl"`), else null. */
  value: string | null;
}

export interface TfBlock {
  type: string;
  labels: string[];
  line: number;
  column: number;
  attributes: Map<string, TfAttribute>;
  blocks: TfBlock[];
}

const isIdentStart = (c: string) => /[A-Za-z_]/.test(c);
const isIdentChar = (c: string) => /[A-Za-z0-9_-]/.test(c);

export function scanTerraform(text: string): TfBlock[] {
  return new Scanner(text).file();
}

class Scanner {
  private i = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  file(): TfBlock[] {
    return this.body(false).blocks;
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private get ch(): string {
    return this.text[this.i] ?? '';
  }

  /** Reads arguments and blocks until the closing brace (nested) or the end of the text. */
  private body(nested: boolean): { attributes: Map<string, TfAttribute>; blocks: TfBlock[] } {
    const attributes = new Map<string, TfAttribute>();
    const blocks: TfBlock[] = [];
    const { text } = this;
    while (this.i < text.length) {
      this.skipSpace(true);
      if (this.i >= text.length) break;
      if (this.ch === '}') {
        this.i++;
        if (nested) return { attributes, blocks };
        continue; // a stray brace at the top level
      }
      if (!isIdentStart(this.ch)) {
        this.skipLine();
        continue;
      }
      const start = this.i;
      const name = this.identifier();
      this.skipSpace(false);
      if (this.ch === '=' && text[this.i + 1] !== '=') {
        this.i++;
        this.skipSpace(false);
        const value = this.plainString();
        const afterValue = this.i;
        this.skipExpression();
        // Only a string that is the whole expression is a plain value (`"a" == var.b` is not).
        const rest = text.slice(afterValue, this.i).trim();
        const plain = rest === '' || rest.startsWith('#') || rest.startsWith('//') || rest.startsWith('/*');
        if (!attributes.has(name)) attributes.set(name, { ...this.position(start), value: plain ? value : null });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        if (this.ch === '"') {
          const label = this.plainString();
          if (label === null) break;
          labels.push(label);
        } else if (isIdentStart(this.ch)) {
          labels.push(this.identifier());
        } else break;
        this.skipSpace(false);
      }
      if (this.ch !== '{') {
        this.skipLine();
        continue;
      }
      this.i++;
      const inner = this.body(true);
      blocks.push({ type: name, labels, ...this.position(start), ...inner });
    }
    return { attributes, blocks };
  }

  private identifier(): string {
    const start = this.i;
    while (this.i < this.text.length && isIdentChar(this.ch)) this.i++;
    return this.text.slice(start, this.i);
  }

  /** Skips blanks and comments; newlines too when `newlines`. */
  private skipSpace(newlines: boolean): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = this.ch;
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && text[this.i + 1] === '/')) this.skipToNewline();
      else if (c === '/' && text[this.i + 1] === '*') this.skipBlockComment();
      else break;
    }
  }

  private skipToNewline(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end === -1 ? this.text.length : end;
  }

  private skipLine(): void {
    this.skipToNewline();
    if (this.i < this.text.length) this.i++;
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.i + 2);
    this.i = end === -1 ? this.text.length : end + 2;
  }

  /** At a quote: a plain string literal's value (and moves past it), else null (and stays). */
  private plainString(): string | null {
    if (this.ch !== '"') return null;
    const { text } = this;
    let j = this.i + 1;
    let value = '';
    while (j < text.length) {
      const c = text[j]!;
      if (c === '"') {
        this.i = j + 1;
        return value;
      }
      if (c === '\n') return null;
      if ((c === '$' || c === '%') && text[j + 1] === '{') return null;
      if (c === '\\') {
        const escaped = text[j + 1];
        value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : (escaped ?? '');
        j += 2;
        continue;
      }
      value += c;
      j++;
    }
    return null;
  }

  /** Skips an expression up to the newline (or closing brace) that ends it at nesting depth zero. */
  private skipExpression(): void {
    const { text } = this;
    let depth = 0;
    while (this.i < text.length) {
      const c = this.ch;
      if (c === '\n') {
        if (depth === 0) return;
        this.i++;
      } else if (c === '"') {
        this.skipQuoted();
      } else if (c === '<' && text[this.i + 1] === '<' && this.skipHeredoc()) {
        if (depth === 0) return;
      } else if (c === '#' || (c === '/' && text[this.i + 1] === '/')) {
        this.skipToNewline();
      } else if (c === '/' && text[this.i + 1] === '*') {
        this.skipBlockComment();
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.i++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return; // the end of a one-line block: `{ name = "x" }`
        depth--;
        this.i++;
      } else {
        this.i++;
      }
    }
  }

  /** At a quote: skips a quoted template, including `${ … }` and `%{ … }` sequences. */
  private skipQuoted(): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      const c = this.ch;
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return;
      } else if (c === '\n') return; // unterminated: HCL strings do not span lines
      else if ((c === '$' || c === '%') && text[this.i + 1] === c && text[this.i + 2] === '{') this.i += 3; // $${ is a literal
      else if ((c === '$' || c === '%') && text[this.i + 1] === '{') {
        this.i += 2;
        this.skipTemplate();
      } else this.i++;
    }
  }

  /** Inside `${`: skips to the matching `}`. */
  private skipTemplate(): void {
    const { text } = this;
    let depth = 0;
    while (this.i < text.length) {
      const c = this.ch;
      if (c === '"') this.skipQuoted();
      else if (c === '{') {
        depth++;
        this.i++;
      } else if (c === '}') {
        this.i++;
        if (depth === 0) return;
        depth--;
      } else this.i++;
    }
  }

  /** At `<<`: skips a heredoc through its closing marker line. False (and stays) when it is not one. */
  private skipHeredoc(): boolean {
    const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.text.slice(this.i, this.i + 200));
    if (!match) return false;
    const marker = match[2]!;
    let lineStart = this.i + match[0].length;
    while (lineStart < this.text.length) {
      const end = this.text.indexOf('\n', lineStart);
      const lineEnd = end === -1 ? this.text.length : end;
      if (this.text.slice(lineStart, lineEnd).trim() === marker) {
        this.i = lineEnd; // the newline after the marker ends the expression
        return true;
      }
      lineStart = lineEnd + 1;
    }
    this.i = this.text.length;
    return true;
  }
}
