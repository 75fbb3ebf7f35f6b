import type { doctorDeskRu } from '../ru/doctor-desk.ts';

export const doctorDeskEn: typeof doctorDeskRu = {};
