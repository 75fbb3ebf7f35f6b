/**
 * `@oz/contracts/forms`: the request schemas the widgets pre-check forms with, and the function
 * that turns their issues into the API's field errors. Only zod functions that zod/mini has too
 * (see README.md), so the browser bundle carries zod/mini rather than classic zod.
 */
export * from './phone.ts';
export * from './dates.ts';
export * from './centers.ts';
export * from './auth.ts';
export * from './applications.ts';
export * from './duty.ts';
export * from './messages.ts';
export * from './consultations.ts';
export { fieldErrorsFromIssues } from './field-errors.ts';
export type { FieldError, FieldErrorCode } from '../errors.ts';
