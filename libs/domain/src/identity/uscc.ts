import { fail, ok, Result } from '../result';
import { USCC_STANDARD } from './uscc-standard';

const { alphabet, weights, modulus, length } = USCC_STANDARD;

function checkCharacterFor(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += alphabet.indexOf(prefix17[i]) * weights[i];
  const check = modulus - (sum % modulus);
  return alphabet[check === modulus ? 0 : check];
}

function invalidCharacter(code: string): string | undefined {
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (alphabet.includes(c)) continue;
    if (c !== c.toUpperCase() && alphabet.includes(c.toUpperCase())) {
      return `unified social credit code must be upper case: '${c}' at position ${i + 1}`;
    }
    return `unified social credit code has an invalid character '${c}' at position ${i + 1} (allowed: 0-9 and A-Y except I, O, S, V, Z)`;
  }
  return undefined;
}

export function validateUscc(code: string): Result<string> {
  if (code.length !== length) {
    return fail(`unified social credit code must be ${length} characters; got ${code.length}`);
  }
  const bad = invalidCharacter(code);
  if (bad) return fail(bad);
  const expected = checkCharacterFor(code.slice(0, length - 1));
  const actual = code[length - 1];
  if (actual !== expected) {
    return fail(`unified social credit code check character mismatch: expected ${expected}, got ${actual}`);
  }
  return ok(code);
}

/** The GB/T 2260 administrative division code inside a (valid) USCC. */
export function usccRegionCode(uscc: string): string {
  return uscc.slice(USCC_STANDARD.regionCodeStart, USCC_STANDARD.regionCodeEnd);
}

/** Appends the check character to 17 characters; throws on bad input (tests and demo data only). */
export function makeUscc(prefix17: string): string {
  if (prefix17.length !== length - 1) throw new RangeError(`makeUscc needs ${length - 1} characters; got ${prefix17.length}`);
  const bad = invalidCharacter(prefix17);
  if (bad) throw new RangeError(bad);
  return prefix17 + checkCharacterFor(prefix17);
}
