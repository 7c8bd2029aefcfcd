// Compares the schema we serve with the public contract using the GraphQL reference
// implementation: every change findBreakingChanges reports is printed as one JSON line
// {"type": ..., "description": ...}. Usage: node find-breaking-changes.mjs contract.graphql ours.graphql
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';

const [contractPath, oursPath] = process.argv.slice(2);
const contract = buildSchema(readFileSync(contractPath, 'utf8'));
const ours = buildSchema(readFileSync(oursPath, 'utf8'));
for (const change of findBreakingChanges(contract, ours)) {
  console.log(JSON.stringify({ type: change.type, description: change.description }));
}
