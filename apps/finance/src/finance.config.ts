import { z } from 'zod';
import { loadConfig, platformConfigSchema } from '@gec/platform';
import { DEFAULT_PRODUCTS, Product } from './products/product';
import { productSchema } from './products/product.dto';
import { Bank, bankInputSchema, DEFAULT_BANKS } from './banks/bank';


const productsSchema: z.ZodType<Product[]> = z
  .array(productSchema)
  .min(1)
  .refine((products) => new Set(products.map((p) => p.id)).size === products.length, 'product ids must be unique');

const banksSchema: z.ZodType<Bank[]> = z
  .array(bankInputSchema)
  .refine((banks) => new Set(banks.map((b) => b.id)).size === banks.length, 'bank ids must be unique');

const jsonText = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `expected JSON (${(error as Error).message})` });
    return z.NEVER;
  }
});

export const financeConfigSchema = platformConfigSchema({ service: 'finance', port: 3104 }).extend({
  /** How long each record of a read of an enterprise's data is kept (an audit trail; 3 years by default). */
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_600).default(1096),
  /** The products seeded at start, as JSON: [{ id, name, rule: { conditions: [...] } }]. */
  FINANCE_PRODUCTS: jsonText.pipe(productsSchema).default(DEFAULT_PRODUCTS),
  /** The banks seeded at start, as JSON: [{ id, name }]; administrators add more through the API. */
  FINANCE_BANKS: jsonText.pipe(banksSchema).default(DEFAULT_BANKS),
  /** The platform's own signing key ({ kid, privateJwk }, EC P-256) for tokens issued to API keys; unset, the token route answers 503. */
  AUTH_PLATFORM_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** During a key rotation, the key signed with until now ({ kid, privateJwk } or { kid, publicJwk }): still published, never used to sign. */
  AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE: z.string().min(1).optional(),
});

export type FinanceConfig = ReturnType<typeof financeConfigSchema.parse>;

export function readFinanceConfig(env: Record<string, string | undefined> = process.env): FinanceConfig {
  return loadConfig(financeConfigSchema, env);
}
