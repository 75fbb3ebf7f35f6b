// Lives with the form schemas: the browser's pre-checks import it from `@oz/contracts/forms`.
export { fieldErrorsFromIssues } from './forms/field-errors.ts';
