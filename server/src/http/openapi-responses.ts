import { ErrorBody } from '@oz/contracts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** Error responses documented on routes, so the OpenAPI document tells integrators what to expect. */
export const errorResponses = {
  400: error('Malformed request body'),
  401: error('Not signed in, or the session ended'),
  403: error('Not allowed for this user, or a password change is required first'),
  404: error('Not found'),
  409: error('Conflict with existing data'),
  413: error('Request body too large'),
  422: error('Validation failed; `details.fields` names each field'),
  429: error('Too many attempts; see the Retry-After header'),
} as const;

export const bearerSecurity = [{ bearer: [] as string[] }];
