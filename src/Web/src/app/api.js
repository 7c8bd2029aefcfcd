// The pages' only way to the server: GraphQL at /graphql, and the sign-out endpoint.
// Every state-changing request carries X-CSRF so the Silo can tell it came from its own pages.
const JSON_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/graphql-response+json, application/json',
  'X-CSRF': '1',
};

export class ServiceError extends Error {}

async function readJson(response) {
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : null;
}

export async function gql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: JSON_HEADERS,
    body: JSON.stringify({ query, variables }),
  });
  const body = await readJson(response);
  if (!body) {
    throw new ServiceError(`The service did not answer (HTTP ${response.status}).`);
  }
  if (body.errors?.length) {
    throw new ServiceError(body.errors.map((e) => e.message).join(' '));
  }
  return body.data;
}

export async function signOut() {
  await fetch('/auth/session', { method: 'DELETE', credentials: 'same-origin', headers: JSON_HEADERS });
}
