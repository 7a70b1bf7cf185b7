// Regenerates src/api/schema.d.ts from the API's OpenAPI document (dumped by Python from
// create_app(), so no server is needed). `--check` fails when the committed file has drifted.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const target = resolve(here, "..", "src", "api", "schema.d.ts");
const venvPython = resolve(repo, ".venv", "bin", "python");
const python = process.env.PYTHON ?? (existsSync(venvPython) ? venvPython : "python3");

const dump = execFileSync(
  python,
  [
    "-c",
    "import json, sys; from leadwise.main import create_app; " +
      "json.dump(create_app().openapi(), sys.stdout, sort_keys=True)",
  ],
  { cwd: repo, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LEADWISE_LOG__LEVEL: "ERROR" } },
);
const spec = JSON.parse(dump.toString("utf8"));
const header = "// Generated from the API's OpenAPI document by `npm run gen:api`. Do not edit by hand.\n\n";
const generated = header + astToString(await openapiTS(spec, { alphabetize: true }));

if (process.argv.includes("--check")) {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== generated) {
    console.error(
      "src/api/schema.d.ts does not match the API's OpenAPI document: run `npm run gen:api` and commit it.",
    );
    process.exit(1);
  }
  console.log("API client types match the OpenAPI document.");
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
