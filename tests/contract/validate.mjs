// Validates an OpenAPI document with @apidevtools/swagger-parser: the OpenAPI 3.x JSON schema
// (3.1 for this facade) and every $ref resolving. Usage: node validate.mjs <document.json>
// Prints "valid: <title> <version>, N paths" and exits 0, or prints each problem and exits 1.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs <openapi.json>");
  process.exit(2);
}

try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid: ${api.info.title} ${api.info.version} (OpenAPI ${api.openapi}), ${Object.keys(api.paths).length} paths`);
} catch (error) {
  console.error(`invalid: ${error.message}`);
  for (const detail of error.details ?? []) {
    console.error(`  ${JSON.stringify(detail)}`);
  }
  process.exit(1);
}
