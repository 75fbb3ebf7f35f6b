/**
 * The contract schemas the desk's forms pre-check with. Only ever imported lazily (`deskChecks`
 * in desk-forms.ts, through LazyChecksController): zod/mini and the schemas stay out of the first
 * load. From '@oz/contracts/forms' only: the package's index holds schemas zod/mini cannot build.
 */
import {
  CancelConsultationRequest,
  DeclineApplicationRequest,
  PublishDutySlotsRequest,
  ScheduleApplicationRequest,
  WriteConclusionRequest,
  fieldErrorsFromIssues,
  type FieldError,
} from '@oz/contracts/forms';
import type { CheckableSchema } from '../../internal/precheck.ts';

/** The same field errors, with the same codes, the API would answer for this input. */
function errorsOf(schema: CheckableSchema, input: unknown): FieldError[] {
  const result = schema.safeParse(input);
  return result.success || !result.error ? [] : fieldErrorsFromIssues(result.error.issues);
}

export const checkSchedule = (input: unknown) => errorsOf(ScheduleApplicationRequest, input);
export const checkDecline = (input: unknown) => errorsOf(DeclineApplicationRequest, input);
export const checkConclusion = (input: unknown) => errorsOf(WriteConclusionRequest, input);
export const checkCancel = (input: unknown) => errorsOf(CancelConsultationRequest, input);
export const checkPublish = (input: unknown) => errorsOf(PublishDutySlotsRequest, input);
