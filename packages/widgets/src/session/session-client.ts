import { ApiClient } from '../api/client.ts';
import { session } from './session.ts';

const clients = new Map<string, ApiClient>();

/**
 * The API client elements use: it sends the page session's token, but only to the API origin
 * that issued it (a token must never leak to another server), and a 401 signs the page out.
 */
export function sessionClient(origin: string): ApiClient {
  let client = clients.get(origin);
  if (!client) {
    client = new ApiClient({
      origin,
      token: () => (session.api === origin ? session.token : null),
      onUnauthenticated: (token) => session.handleUnauthenticated(token),
    });
    clients.set(origin, client);
  }
  return client;
}
