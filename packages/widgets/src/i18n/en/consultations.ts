import type { consultationsRu } from '../ru/consultations.ts';

export const consultationsEn: typeof consultationsRu = {};
