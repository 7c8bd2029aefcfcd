// Audits the Silo's own /graphql with graphql-http's GraphQL-over-HTTP checks and prints
// one JSON line per audit that is not "ok": {"id", "status", "name", "reason"}.
import { auditServer } from 'graphql-http';

for (const result of await auditServer({ url: process.argv[2], fetchFn: fetch })) {
  if (result.status !== 'ok') {
    console.log(JSON.stringify({ id: result.id, status: result.status, name: result.name, reason: result.reason }));
  }
}
console.log(JSON.stringify({ done: true }));
