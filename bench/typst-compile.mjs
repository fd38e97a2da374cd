// Timed competitor pipeline: one process, one compile of a Typst file to PDF
// with the Typst compiler from npm (@myriaddreamin/typst-ts-node-compiler),
// using the same Liberation Serif fonts as unireport (internal/fonts).
// Usage: node bench/typst-compile.mjs IN.typ OUT.pdf
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node typst-compile.mjs IN.typ OUT.pdf');
  process.exit(2);
}
const fonts = resolve(dirname(fileURLToPath(import.meta.url)), '../internal/fonts');
const main = resolve(input);
const compiler = NodeCompiler.create({ workspace: dirname(main), fontArgs: [{ fontPaths: [fonts] }] });
const result = compiler.compile({ mainFilePath: main });
if (result.hasError() || !result.result) {
  result.printErrors();
  process.exit(1);
}
result.printDiagnostics(); // warnings, if any
writeFileSync(output, compiler.pdf(result.result));
