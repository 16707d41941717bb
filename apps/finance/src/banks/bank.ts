import { z } from 'zod';

/** A bank that offers green finance on the platform; its id is what bank tokens carry as `bank_id`. */
export interface Bank {
  id: string;
  name: string;
}

/** The same shape the platform accepts for the `bank_id` claim of a bank token. */
export const BANK_ID_PATTERN = /^[a-z0-9-]{2,64}$/;

export const bankIdSchema = z.string().regex(BANK_ID_PATTERN, 'expected 2-64 lower-case letters, digits or dashes, such as cq-green-bank');

/** A bank as an administrator creates it or the configuration seeds it. */
export const bankInputSchema = z.strictObject({
  id: bankIdSchema,
  name: z.string().trim().min(1).max(200),
});

export const DEFAULT_BANKS: Bank[] = [{ id: 'cq-green-bank', name: 'Chongqing Green Bank' }];
