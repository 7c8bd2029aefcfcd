// The GraphQL explorer at /graphql/ui. It posts to /graphql with the browser's session
// cookie, and sends the X-CSRF header the Silo asks of cookie-authenticated requests.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import './explorer.css';

async function fetcher(params) {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', 'X-CSRF': '1' },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById('graphiql')).render(<GraphiQL fetcher={fetcher} defaultEditorToolbarOpen={false} />);
