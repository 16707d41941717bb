import { DomainError } from '../errors/domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Visible ASCII without the quote and backslash, which a bare key may not hold (quote it as an sf-string instead). */
const BARE_KEY = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
/** An RFC 8941 sf-string: printable ASCII in quotes, quote and backslash escaped. */
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

/**
 * The key of an `Idempotency-Key` header: the draft's sf-string (`"8e03978e-..."`), or, as many clients send it,
 * the bare value. 1..255 printable ASCII characters; anything else is a 400 naming the header.
 */
export function parseIdempotencyKey(header: string | string[]): string {
  if (Array.isArray(header)) throw invalid('send the header once');
  const value = header.trim();
  const quoted = SF_STRING.exec(value);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : value;
  if (!quoted && !BARE_KEY.test(value)) {
    throw invalid(value.startsWith('"') ? 'a quoted key must be a valid string of printable ASCII, with " and \\ escaped' : 'use printable ASCII without spaces, or quote the key');
  }
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw invalid(`the key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters long`);
  return key;
}

function invalid(reason: string): DomainError {
  return DomainError.validation([{ field: IDEMPOTENCY_KEY_HEADER, reason }], `The ${IDEMPOTENCY_KEY_HEADER} header is malformed.`);
}
