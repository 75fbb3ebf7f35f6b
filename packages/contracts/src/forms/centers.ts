import { z } from 'zod';

export const CenterId = z.enum(['bakulev', 'kulakov']);
export type CenterId = z.infer<typeof CenterId>;
