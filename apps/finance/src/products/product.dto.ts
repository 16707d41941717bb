import { z } from 'zod';
import { ratingGradeSchema, ratingLevelSchema } from '@gec/contracts';

const conditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('grade'), op: z.literal('lte'), value: ratingGradeSchema }),
  z.strictObject({ field: z.literal('level'), op: z.literal('notIn'), value: z.array(ratingLevelSchema).min(1) }),
]);

// Part of decision ids (`<uscc>:<product>`) and of query strings, so kept to a plain slug.
export const productIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a lower-case slug such as green-loan');

/** A product's name and eligibility rule, as an administrator or the configuration gives them. */
export const productBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  rule: z.strictObject({ conditions: z.array(conditionSchema) }),
});

export const productSchema = productBodySchema.extend({ id: productIdSchema });

export type ProductBody = z.infer<typeof productBodySchema>;
