/**
 * The contract schemas the desk's forms pre-check with. Only ever imported lazily (see
 * desk-checks-controller.ts): zod would triple the main bundle.
 */
export {
  CancelConsultationRequest,
  DeclineApplicationRequest,
  PublishDutySlotsRequest,
  ScheduleApplicationRequest,
  WriteConclusionRequest,
  fieldErrorsFromIssues,
} from '@oz/contracts';
