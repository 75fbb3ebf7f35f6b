import type { documentsRu } from '../ru/documents.ts';

export const documentsEn: typeof documentsRu = {};
