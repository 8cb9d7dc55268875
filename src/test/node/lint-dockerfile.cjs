// Lints a Dockerfile with dockerfile-utils (the validator behind the VS Code Docker extension) and prints its
// diagnostics as JSON, every configurable rule raised to an error: DockerfileTest expects none.
// Usage: node lint-dockerfile.cjs <Dockerfile>
const { readFileSync } = require("node:fs");
const { validate, ValidationSeverity } = require("dockerfile-utils");

const everyRuleAnError = Object.fromEntries(
  [
    "deprecatedMaintainer",
    "directiveCasing",
    "emptyContinuationLine",
    "instructionCasing",
    "instructionCmdMultiple",
    "instructionEntrypointMultiple",
    "instructionHealthcheckMultiple",
    "instructionJSONInSingleQuotes",
    "instructionWorkdirRelative",
  ].map((rule) => [rule, ValidationSeverity.ERROR]),
);

const diagnostics = validate(readFileSync(process.argv[2], "utf8"), everyRuleAnError);
console.log(
  JSON.stringify(
    diagnostics.map((d) => ({ line: d.range.start.line + 1, code: d.code, severity: d.severity, message: d.message })),
  ),
);
