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

// CodeMirror's hidden textareas carry no label; name each after the editor it belongs to,
// so screen reader users know where they are typing.
const EDITOR_NAMES = [
  ['.graphiql-query-editor', 'Query editor'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(1)', 'Variables editor'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(2)', 'Headers editor'],
  ['.result-window', 'Response'],
];

function labelEditors(root) {
  for (const [selector, name] of EDITOR_NAMES) {
    root.querySelectorAll(`${selector} textarea:not([aria-label])`).forEach((t) => t.setAttribute('aria-label', name));
  }
}

const container = document.getElementById('graphiql');
new MutationObserver(() => labelEditors(container)).observe(container, { childList: true, subtree: true });
createRoot(container).render(<GraphiQL fetcher={fetcher} defaultEditorToolbarOpen={false} />);
