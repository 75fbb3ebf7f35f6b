import type { Store, UserRecord } from '../ports/store.ts';

/**
 * May this doctor see this patient's documents? Only when the patient applied to the doctor's
 * center or has a consultation with the doctor (DESIGN.md §4).
 */
export async function doctorMaySeePatient(store: Store, doctor: UserRecord, patientId: string): Promise<boolean> {
  if (doctor.role !== 'doctor' || !doctor.centerId) return false;
  const applications = await store.applications.listByPatient(patientId);
  if (applications.some((application) => application.centerId === doctor.centerId)) return true;
  return store.consultations.existsWith(patientId, doctor.id);
}
