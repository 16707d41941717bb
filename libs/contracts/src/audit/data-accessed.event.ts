import { z } from 'zod';
import { USCC_PATTERN } from '../shared-patterns';

/** A bank, regulator or administrator read one enterprise's data: who, what, when, and on what basis. */
export const dataAccessedSchema = z.object({
  accessId: z.uuid(),
  uscc: z.string().regex(USCC_PATTERN),
  service: z.string().min(1),
  resource: z.string().min(1),
  subject: z.string().min(1),
  role: z.enum(['bank', 'regulator', 'admin']),
  bankId: z.string().min(1).nullable(),
  regionPrefix: z.string().min(1).nullable(),
  basis: z.enum(['consent', 'jurisdiction', 'admin']),
  consentId: z.string().min(1).nullable(),
  accessedAt: z.iso.datetime({ offset: true }),
});

export type DataAccessed = z.infer<typeof dataAccessedSchema>;
