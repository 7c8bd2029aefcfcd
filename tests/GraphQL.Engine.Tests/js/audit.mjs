// Runs the GraphQL-over-HTTP audits of graphql-http against a live endpoint and prints
// the results as JSON: [{ id, name, status, reason }].
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url, fetchFn: fetch });
process.stdout.write(JSON.stringify(results.map((r) => ({
  id: r.id,
  name: r.name,
  status: r.status,
  reason: r.status === 'ok' ? undefined : r.reason,
}))));
