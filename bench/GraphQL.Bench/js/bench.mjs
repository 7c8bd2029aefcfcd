// The reference implementation (graphql-js) running the benchmark's operations, for the
// side-by-side in Program.cs. Prints operations per second as JSON.
//   node bench.mjs <schema.graphql> <queries.json> <seconds per case>
import { readFileSync } from 'node:fs';
import { buildSchema, execute, getIntrospectionQuery, parse } from 'graphql';

const [schemaFile, queriesFile, secondsText] = process.argv.slice(2);
const seconds = Number(secondsText);
const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));

// The same in-memory data as Program.cs builds.
const items = [];
for (let i = 0; i < 1000; i++) {
  items.push({
    id: `item-${i}`,
    name: `Item ${i}`,
    price: i * 1.5,
    inStock: i % 2 === 0,
    tags: [`tag-${i % 3}`, `tag-${i % 5}`, `tag-${i % 7}`],
    category: { id: `cat-${i % 10}`, name: `Category ${i % 10}` },
    variants: [
      { sku: `sku-${i}-0`, stock: i % 7 },
      { sku: `sku-${i}-1`, stock: i % 5 },
    ],
  });
}
const rootValue = { items: () => items };

function measure(document, serialize) {
  const run = () => {
    const result = execute({ schema, document, rootValue });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    if (serialize) JSON.stringify(result);
  };
  const warmUpEnd = performance.now() + 1000;
  while (performance.now() < warmUpEnd) run();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    run();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

const introspection = parse(getIntrospectionQuery());
const list = parse(queries.list);
process.stdout.write(JSON.stringify({
  'introspection, execute': measure(introspection, false),
  'introspection, execute + JSON': measure(introspection, true),
  '1,000-item nested list, execute': measure(list, false),
  '1,000-item nested list, execute + JSON': measure(list, true),
}));
