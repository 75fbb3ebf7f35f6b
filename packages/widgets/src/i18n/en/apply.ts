import type { applyRu } from '../ru/apply.ts';

export const applyEn: typeof applyRu = {};
