// The `rapport` command: validate customization documents, print the JSON Schema. src/bin.ts runs it.
import {readFileSync} from 'node:fs';
import {validateCustomization} from './validate.js';

const USAGE = `Usage:
  rapport validate <file...> [--json]   check customization documents; exit 1 if any has a problem
  rapport print-schema                  print the JSON Schema of customization documents
  rapport help                          show this help`;

/** Runs the CLI with `args` (without node and the script); returns the exit code. */
export function main(
  args: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validate(rest, out, err);
    case 'print-schema':
      out(readFileSync(new URL('./customization.schema.json', import.meta.url), 'utf8').trimEnd());
      return 0;
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return 0;
    default:
      err(command === undefined ? USAGE : `Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

function validate(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || files.length === 0) {
    err(
      unknown.length > 0
        ? `Unknown option ${unknown[0]}.\n${USAGE}`
        : `Name at least one file.\n${USAGE}`,
    );
    return 2;
  }
  const report: {file: string; valid: boolean; problems: unknown[]}[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const problem = {
        pointer: '',
        code: 'unreadable',
        message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      };
      report.push({file, valid: false, problems: [problem]});
      if (!json) out(`${file}: ${problem.message}`);
      continue;
    }
    const result = validateCustomization(text);
    report.push({file, valid: result.valid, problems: [...result.problems]});
    if (json) continue;
    if (result.valid) out(`${file}: valid`);
    for (const problem of result.problems) {
      const where =
        problem.line === undefined ? '' : ` (line ${problem.line}, column ${problem.column})`;
      out(`${file}: ${problem.pointer || '/'}: ${problem.message}${where}`);
    }
  }
  if (json) out(JSON.stringify(report, null, 2));
  return report.every((r) => r.valid) ? 0 : 1;
}
