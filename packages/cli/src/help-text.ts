/** The exit-code table shared by every `--help` page (and mirrored in the README). */
const EXIT_CODES_HELP = `Exit codes:
  0  success: get printed the job (whatever its state); watch: the job finished Successful
  1  watch: the export job ended Failed or Cancelled (its stateReason is printed)
  2  usage error: no command, unknown flag, missing or malformed id, bad option value
  3  authentication error: no credentials, or Atlas rejected them (401/403)
  4  not found: no such project, cluster or export job (404)
  5  any other API or network error (429, 5xx, unreachable host, timeout), or a job
     in a state this version does not know
  130 interrupted (Ctrl-C), 143 terminated (SIGTERM); the export keeps running in Atlas`;

const CREDENTIALS_HELP = `Credentials (prefer the environment: command-line flags are visible in process lists):
  MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET          service account (OAuth client credentials)
  MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY   programmatic API key (HTTP Digest)
  MONGODB_ATLAS_BASE_URL                                        base URL (default https://cloud.mongodb.com)
  --client-id ID --client-secret SECRET                         service account on the command line
  --public-key KEY --private-key KEY                            API key on the command line`;

const JOB_OPTIONS_HELP = `  --project-id ID              24-hex project id, required (alias --group-id)
  --cluster-name NAME          cluster name, required
  --export-id ID               24-hex export job id, required
  --base-url URL               Atlas base URL (overrides MONGODB_ATLAS_BASE_URL)
  --output json|table          default: table on a terminal, json when piped
  --envelope                   ask Atlas for envelope=true; JSON output is its {status, content}`;

export const ROOT_HELP = `atlas-export — get or watch a MongoDB Atlas Cloud Backup snapshot export job

Usage:
  atlas-export get   --project-id ID --cluster-name NAME --export-id ID [options]
  atlas-export watch --project-id ID --cluster-name NAME --export-id ID [options]
  atlas-export <command> --help
  atlas-export --version

Commands:
  get    print the export job once
  watch  wait until the export job finishes, showing its progress

${CREDENTIALS_HELP}

${EXIT_CODES_HELP}
`;

export const GET_HELP = `atlas-export get — print one Cloud Backup snapshot export job

Usage:
  atlas-export get --project-id ID --cluster-name NAME --export-id ID [options]

Options:
${JOB_OPTIONS_HELP}
  -h, --help                   show this help

${CREDENTIALS_HELP}

${EXIT_CODES_HELP}

Example:
  MONGODB_ATLAS_CLIENT_ID=… MONGODB_ATLAS_CLIENT_SECRET=… \\
    atlas-export get --project-id 32b6e34b3d91647abb20e7b8 --cluster-name Cluster0 \\
      --export-id 32b6e34b3d91647abb20e7b8 --output json
`;

export const WATCH_HELP = `atlas-export watch — wait for a Cloud Backup snapshot export job to finish

Shows a live progress bar (state, exported/total collections, elapsed time) when stderr is a terminal,
and one line per change otherwise; the final job is printed to stdout in the --output format.

Usage:
  atlas-export watch --project-id ID --cluster-name NAME --export-id ID [options]

Options:
${JOB_OPTIONS_HELP}
  --poll-interval SECONDS      first pause between polls (default 2, at most 3600; grows by half each poll)
  --max-poll-interval SECONDS  longest pause between polls (default 30, at most 3600)
  --timeout SECONDS            give up after this long, exit 5 (default: no limit; at most 604800 = 7 days)
  -h, --help                   show this help

${CREDENTIALS_HELP}

${EXIT_CODES_HELP}
`;
