import { z } from 'zod';
import { ROLES, Caller } from './caller';

/** The claims a platform token carries beyond the registered ones (iss, aud, exp, sub). */
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('enterprise'), uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/) }),
  z.object({ sub: z.string().min(1), role: z.literal('bank'), bank_id: z.string().regex(/^[a-z0-9-]{2,64}$/) }),
  z.object({ sub: z.string().min(1), role: z.literal('regulator'), region: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/) }),
  z.object({ sub: z.string().min(1), role: z.literal('admin') }),
]);

export function callerFromClaims(claims: unknown): Caller | { error: string } {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) {
    return { error: `token claims are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'role'}: ${i.message}`).join('; ')} (roles: ${ROLES.join(', ')})` };
  }
  const c = parsed.data;
  switch (c.role) {
    case 'enterprise':
      return { subject: c.sub, role: c.role, uscc: c.uscc };
    case 'bank':
      return { subject: c.sub, role: c.role, bankId: c.bank_id };
    case 'regulator':
      return { subject: c.sub, role: c.role, regionPrefix: c.region };
    case 'admin':
      return { subject: c.sub, role: c.role };
  }
}
