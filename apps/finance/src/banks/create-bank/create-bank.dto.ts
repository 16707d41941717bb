import { z } from 'zod';
import { bankInputSchema } from '../bank';

export const createBankSchema = bankInputSchema;

export type CreateBankDto = z.infer<typeof createBankSchema>;
