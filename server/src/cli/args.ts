// Parsing `communique` command lines. Bad usage is reported, never guessed at.

export type OutputFormat = 'text' | 'json';
export type FailOn = 'error' | 'warning' | 'information' | 'none';

export interface CheckCommand {
  readonly command: 'check';
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly paths: readonly string[];
  /** Globs that make Markdown and plain-text files releases; undefined for the defaults. */
  readonly files?: readonly string[];
  readonly color: boolean;
  /** Worker threads for reading, analysing and checking; undefined for the default (`defaultJobs`). */
  readonly jobs?: number;
  /** `--config PATH`: a configuration file applied to every release, nearer than the files found beside them. */
  readonly config?: string;
}

export type ParsedArgs = CheckCommand | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'error'; readonly message: string };

export const USAGE = `Usage: communique check [options] PATHS…

Checks press releases: prints every figure, date and named party, and the findings.

PATHS are files and folders. A named file is always checked. In a named folder, the
*.release.md, *.release.txt and *.release files are checked, and the Markdown and
plain-text files the --files globs match (default: under a folder named "releases"
or "press"); a folder that holds none of those is itself read as a folder of releases.

Options:
  --format text|json     output format (default: text)
  --fail-on LEVEL        exit 1 when a finding reaches LEVEL: error, warning,
                         information or none (default: error)
  --files GLOB           a glob of release files, relative to each named folder;
                         repeat for several (replaces the defaults)
  --config PATH          a configuration file (the .communique.json format) that
                         applies to every release, on top of the .communique.json
                         files found beside them and above: where they differ,
                         it wins; exit 2 when it is unreadable or broken
  --no-color             no colours in text output
  --jobs N               threads that read, analyse and check releases (default:
                         one per core, or 1 on two cores or fewer); the output
                         is the same for every N
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 no finding reaches --fail-on; 1 one does; 2 bad usage or unreadable input.`;

export function parseArgs(argv: readonly string[], isTty = false): ParsedArgs {
  if (argv.length === 0) return { command: 'error', message: 'no command given' };
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version' || command === 'version') return { command: 'version' };
  if (command !== 'check') return { command: 'error', message: `unknown command "${command}"` };

  let format: OutputFormat = 'text';
  let failOn: FailOn = 'error';
  let color = isTty && !process.env['NO_COLOR'];
  const files: string[] = [];
  const paths: string[] = [];
  let jobs: number | undefined;
  let config: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return { command: 'error', message: `--format takes text or json, not ${v === undefined ? 'nothing' : `"${v}"`}` };
        format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'information' && v !== 'none') {
          return { command: 'error', message: `--fail-on takes error, warning, information or none, not ${v === undefined ? 'nothing' : `"${v}"`}` };
        }
        failOn = v;
        break;
      }
      case '--files': {
        const v = value();
        if (!v) return { command: 'error', message: '--files takes a glob' };
        files.push(v);
        break;
      }
      case '--config': {
        const v = value();
        if (!v) return { command: 'error', message: '--config takes the path of a configuration file' };
        if (config !== undefined) return { command: 'error', message: '--config is given twice' };
        config = v;
        break;
      }
      case '--jobs': {
        const v = value();
        if (v === undefined || !/^[1-9][0-9]{0,3}$/.test(v)) return { command: 'error', message: `--jobs takes a whole number from 1, not ${v === undefined ? 'nothing' : `"${v}"`}` };
        jobs = Number(v);
        break;
      }
      case '--no-color':
        color = false;
        break;
      case '--color':
        color = true;
        break;
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--':
        paths.push(...rest.slice(i + 1));
        i = rest.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { command: 'error', message: `unknown option "${arg}"` };
        paths.push(arg);
    }
  }
  if (paths.length === 0) return { command: 'error', message: 'no PATHS to check' };
  return {
    command: 'check',
    format,
    failOn,
    paths,
    color,
    ...(files.length > 0 ? { files } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(config !== undefined ? { config } : {}),
  };
}
