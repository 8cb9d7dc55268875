// Builds app.js (esbuild) and app.css (Tailwind) into the directory the Maven build passes in
// VENDO_ASSETS_DIR, so the jar serves them from /assets and no page needs a CDN. Each file also gets a Brotli copy
// next to it, which the portal serves to browsers that accept it (io.vendo.web.Assets): compressed once, at build
// time, with the best setting, instead of on every response.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = process.env.VENDO_ASSETS_DIR ?? path.join(here, "..", "target", "classes", "static", "assets");

await build({
  entryPoints: [path.join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ["es2020"],
  outfile: path.join(outDir, "app.js"),
  logLevel: "warning",
});

execFileSync(
  path.join(here, "node_modules", ".bin", "tailwindcss"),
  ["--input", path.join(here, "src", "main.css"), "--output", path.join(outDir, "app.css"), "--minify"],
  { stdio: "inherit", cwd: here },
);

for (const name of ["app.js", "app.css"]) {
  const file = path.join(outDir, name);
  const content = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
