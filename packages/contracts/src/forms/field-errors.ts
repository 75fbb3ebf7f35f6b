import type { z } from 'zod';
import type { FieldError, FieldErrorCode } from '../errors.ts';

/**
 * Turns zod issues into field errors with stable codes, so the API and the widgets'
 * pre-checks report the same problem the same way.
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const { code, limit } = classify(issue);
    const message = plainMessage(code, limit) ?? issue.message;
    return limit === undefined ? { field, code, message } : { field, code, message, limit };
  });
}

function classify(issue: z.core.$ZodIssue): { code: FieldErrorCode; limit?: number } {
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: FieldErrorCode } | undefined)?.code;
      return { code: code ?? 'invalid' };
    }
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'invalid' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return { code: 'required' };
      return { code: 'too_short', limit: min };
    }
    case 'too_big':
      return { code: 'too_long', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'email_invalid' : 'invalid' };
    case 'invalid_value':
      return { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

/** zod's own wording is technical ("expected string to have >=8 characters"); say it plainly. */
function plainMessage(code: FieldErrorCode, limit: number | undefined): string | undefined {
  switch (code) {
    case 'required':
      return 'This field is required';
    case 'too_short':
      return `Must be at least ${limit} characters`;
    case 'too_long':
      return `Must be at most ${limit} characters`;
    case 'email_invalid':
      return 'Enter an e-mail address like name@example.ru';
    default:
      return undefined;
  }
}
