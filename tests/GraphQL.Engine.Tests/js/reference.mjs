// The reference implementation's view of our engine, for the .NET tests:
//   node reference.mjs introspection-query          prints getIntrospectionQuery()
//   node reference.mjs introspection-query-full     the same with every option on (specifiedByURL,
//                                                   isRepeatable, deprecated input values, oneOf, ...)
//   node reference.mjs print-client-schema <file>   buildClientSchema over the introspection
//                                                   response in <file>, printed with printSchema
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [command, file] = process.argv.slice(2);
if (command === 'introspection-query') {
  process.stdout.write(getIntrospectionQuery());
} else if (command === 'introspection-query-full') {
  process.stdout.write(getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }));
} else if (command === 'print-client-schema') {
  const response = JSON.parse(readFileSync(file, 'utf8'));
  if (response.errors) {
    throw new Error('The introspection response has errors: ' + JSON.stringify(response.errors));
  }
  process.stdout.write(printSchema(buildClientSchema(response.data)));
} else {
  throw new Error('Unknown command: ' + command);
}
