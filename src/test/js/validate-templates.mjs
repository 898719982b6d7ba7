// Validates every element template under element-templates/ against Camunda's published JSON
// schema for Zeebe element templates (npm package @camunda/zeebe-element-templates-json-schema,
// the schema Camunda Modeler and Web Modeler use). Prints each error with the JSON path it
// concerns and exits non-zero if any template is invalid or none is found.
//
// Usage: node validate-templates.mjs [templates-directory]   (default: <project>/element-templates)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(here, '..', '..', '..');
const templatesDir = resolve(process.argv[2] ?? join(projectDir, 'element-templates'));

const schemaFile = require.resolve(
  '@camunda/zeebe-element-templates-json-schema/resources/schema.json');
const schemaVersion = require('@camunda/zeebe-element-templates-json-schema/package.json').version;
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));

// Not strict: the schema carries annotation keywords (examples, deprecated, ...) Ajv's strict
// mode would reject; all errors, so one run reports every problem.
const ajv = new Ajv({ allErrors: true, strict: false });
const validateDocument = ajv.compile(schema);
// The root schema is "one template or an array of templates"; its oneOf reports the failures of
// both branches. For readable output, failures are re-checked against the single-template schema.
const validateTemplate = ajv.getSchema(`${schema.$id}#/definitions/template`);

function jsonFilesUnder(dir) {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((path) => (statSync(path).isDirectory() ? jsonFilesUnder(path)
      : path.endsWith('.json') ? [ path ] : []))
    .sort();
}

function describe(error, prefix) {
  const path = `${prefix}${error.instancePath}` || '/';
  const params = Object.keys(error.params ?? {}).length ? ` ${JSON.stringify(error.params)}` : '';
  return `  at ${path}: ${error.message}${params}  (schema ${error.schemaPath})`;
}

let files;
try {
  files = jsonFilesUnder(templatesDir);
} catch (e) {
  console.error(`[templates] cannot read ${templatesDir}: ${e.message}`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`[templates] no element template (*.json) found under ${templatesDir}`);
  process.exit(2);
}

console.log(`[templates] schema @camunda/zeebe-element-templates-json-schema@${schemaVersion}`);
let invalid = 0;
for (const file of files) {
  const name = relative(projectDir, file);
  let document;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    invalid++;
    console.error(`[templates] INVALID ${name}\n  not JSON: ${e.message}`);
    continue;
  }
  if (validateDocument(document)) {
    const templates = Array.isArray(document) ? document : [ document ];
    console.log(`[templates] OK      ${name} (${templates.map((t) => `${t.id} v${t.version}`).join(', ')})`);
    continue;
  }
  invalid++;
  console.error(`[templates] INVALID ${name}`);
  const templates = Array.isArray(document) ? document.map((t, i) => [ t, `/${i}` ]) : [ [ document, '' ] ];
  let reported = 0;
  for (const [ template, prefix ] of templates) {
    if (!validateTemplate(template)) {
      for (const error of validateTemplate.errors) {
        console.error(describe(error, prefix));
        reported++;
      }
    }
  }
  if (reported === 0) {
    for (const error of validateDocument.errors) {
      console.error(describe(error, ''));
    }
  }
}

console.log(`[templates] ${files.length - invalid} of ${files.length} template file(s) valid`);
process.exit(invalid === 0 ? 0 : 1);
