/**
 * Reads IMAP server responses (RFC 3501 §7, §9 formal syntax) from a byte stream into plain values: a list is an
 * array, NIL is null, an atom, number or quoted string is a string, a literal is a Buffer. Only the header stream
 * (ops/streamHeaders.ts) uses it, for one reason: speed. imapflow's general parser (formal-syntax checks,
 * per-character state, a token object per value, a command compiler per FETCH item) costs about 25 µs of CPU per
 * header, half of a first sync of a 100,000-message folder; this reader does the same bytes in about 6 µs.
 */

/** One value of a response. */
export type Token = string | Buffer | null | Token[];

/** One response line: its top-level values, e.g. `*`, `12`, `FETCH`, `[…attributes]`. */
export type ResponseLine = Token[];

/** The server sent something that is not IMAP: the stream cannot be followed further. */
export class ResponseFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseFormatError';
  }
}

const CR = 13;
const SP = 32;
const DQUOTE = 34;
const LPAREN = 40;
const RPAREN = 41;
const PLUS = 43;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Deeper than any real BODYSTRUCTURE (a message/rfc822 nests two levels per attached message). */
const MAX_DEPTH = 64;
/** A header stream never carries literals this large; a bigger one means the stream is not what was asked for. */
const MAX_LITERAL_BYTES = 64 * 1024 * 1024;

const STATUS_WORDS = new Set(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH']);

/** The second value of `* OK …` or `A1 NO …`: what follows it is text, not values. */
function isStatus(value: Token | undefined): boolean {
  return typeof value === 'string' && STATUS_WORDS.has(value.toUpperCase());
}

/** Thrown inside the reader when the buffer ends mid-response: the response is read again once more bytes came. */
const NEED_MORE = Symbol('need more bytes');

export class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0);
  private pos = 0;
  private depth = 0;

  constructor(private readonly onLine: (line: ResponseLine) => void) {}

  /** Feeds bytes as they arrive; calls `onLine` for every complete response, in order. */
  push(chunk: Buffer): void {
    this.buffer = this.pos < this.buffer.length ? Buffer.concat([this.buffer.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    for (;;) {
      const start = this.pos;
      let line: ResponseLine;
      try {
        line = this.line();
      } catch (err) {
        if (err !== NEED_MORE) throw err;
        // A response split across chunks is read again from its start; responses are small, chunks are not.
        this.pos = start;
        this.depth = 0;
        return;
      }
      this.onLine(line);
    }
  }

  private line(): ResponseLine {
    const values: ResponseLine = [];
    const b = this.buffer;
    for (;;) {
      if (this.pos >= b.length) throw NEED_MORE;
      const c = b[this.pos];
      if (c === CR) {
        if (this.pos + 1 >= b.length) throw NEED_MORE;
        this.pos += 2;
        return values;
      }
      if (c === SP) {
        this.pos += 1;
      } else if (values.length === 2 && isStatus(values[1])) {
        // resp-text (RFC 3501 §9): words for people, which may hold a lone quote or parenthesis.
        values.push(this.text());
      } else {
        values.push(this.value());
      }
    }
  }

  private text(): string {
    const b = this.buffer;
    const end = b.indexOf(CR, this.pos);
    if (end < 0) throw NEED_MORE;
    const text = b.toString('utf8', this.pos, end);
    this.pos = end;
    return text;
  }

  private value(): Token {
    const c = this.buffer[this.pos];
    if (c === LPAREN) return this.list();
    if (c === DQUOTE) return this.quoted();
    if (c === LBRACE) return this.literal();
    return this.atom();
  }

  private list(): Token[] {
    if (++this.depth > MAX_DEPTH) throw new ResponseFormatError(`Lists nested deeper than ${MAX_DEPTH} levels`);
    const values: Token[] = [];
    const b = this.buffer;
    this.pos += 1;
    for (;;) {
      if (this.pos >= b.length) throw NEED_MORE;
      const c = b[this.pos];
      if (c === RPAREN) {
        this.pos += 1;
        this.depth -= 1;
        return values;
      }
      if (c === CR) throw new ResponseFormatError('A list is not closed before the end of its line');
      if (c === SP) this.pos += 1;
      else values.push(this.value());
    }
  }

  /** An atom, a number, NIL, or a FETCH item name with its section: `BODY[HEADER.FIELDS (REFERENCES)]` is one token. */
  private atom(): string | null {
    const b = this.buffer;
    const start = this.pos;
    let i = start;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === SP || c === RPAREN || c === LPAREN || c === CR) break;
      if (c === LBRACKET) {
        const close = b.indexOf(RBRACKET, i);
        if (close < 0) throw NEED_MORE;
        i = close;
      }
    }
    if (i >= b.length) throw NEED_MORE;
    if (i === start) throw new ResponseFormatError(`Unexpected byte ${b[start]} where a value should start`);
    this.pos = i;
    const text = b.toString('latin1', start, i);
    return text === 'NIL' ? null : text;
  }

  private quoted(): string {
    const b = this.buffer;
    let i = this.pos + 1;
    let escaped = false;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === BACKSLASH) {
        escaped = true;
        i += 1;
      } else if (c === DQUOTE) {
        break;
      } else if (c === CR) {
        throw new ResponseFormatError('A quoted string runs past the end of its line');
      }
    }
    if (i >= b.length) throw NEED_MORE;
    // Quoted strings carry UTF-8 from servers that send 8-bit headers, as imapflow reads them.
    const raw = b.toString('utf8', this.pos + 1, i);
    this.pos = i + 1;
    return escaped ? raw.replace(/\\(.)/g, '$1') : raw;
  }

  /** `{size}` (or `{size+}`) CRLF, then exactly `size` bytes. */
  private literal(): Buffer {
    const b = this.buffer;
    const close = b.indexOf(RBRACE, this.pos);
    if (close < 0) {
      if (b.length - this.pos > 24) throw new ResponseFormatError('A literal announces no size');
      throw NEED_MORE;
    }
    const digitsEnd = b[close - 1] === PLUS ? close - 1 : close;
    const sizeText = b.toString('latin1', this.pos + 1, digitsEnd);
    const size = Number(sizeText);
    if (!/^\d+$/.test(sizeText) || size > MAX_LITERAL_BYTES) throw new ResponseFormatError(`Unusable literal size {${sizeText}}`);
    const start = close + 3; // past "}\r\n"
    if (start + size > b.length) throw NEED_MORE;
    this.pos = start + size;
    // Copied: a view would keep the whole chunk it came in alive for as long as the header is.
    return Buffer.from(b.subarray(start, start + size));
  }
}
