import { Command } from 'commander';
import { registerAuthCommands } from './api/auth/cli-commands.js';
import { loadConfigFile } from './config/load.js';
import { defaultConfig, type Config } from './config/schema.js';
import { checkRules } from '../rules/check.js';
import { checkLicenceStates } from '../rules/licence-check.js';
import { registerDashboardCommands } from '../dashboards/cli-commands.js';
import { registerSimulatorCommands } from '../simulator/cli-commands.js';
import { rulesDirOf } from './correlation/known-issue-rules.js';
import { CodedError } from './errors.js';
import { createLogger } from './log.js';
import { startStack } from './main.js';
import { VERSION } from './version.js';
import { emailConfigWarnings } from '../notifiers/email/warnings.js';

const EXIT_CONFIG = 2;
const EXIT_RUNTIME = 1;

/** `ipo-observer` command line. Exit codes: 0 ok, 1 runtime failure, 2 invalid configuration. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('ipo-observer')
    .description('Monitoring, alarm and observability stack for fleets of Avaya IP Office systems')
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError();

  program
    .command('start')
    .description('run the stack: collectors, correlation, store and HTTP API (embedded defaults without --config)')
    .option('-c, --config <file>', 'YAML configuration file')
    .action(async (options: { config?: string }) => {
      const config = readConfigOrExit(options.config);
      await runStack(config);
    });

  program
    .command('check-config')
    .description('validate a configuration file and print every problem with file:line:column and key path')
    .argument('<file>', 'YAML configuration file')
    .action((file: string) => {
      const config = readConfigOrExit(file);
      for (const warning of emailConfigWarnings(config.notifiers.email)) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(`${file}: configuration is valid\n`);
    });

  program
    .command('check-rules')
    .description('validate the known-issue and licence-state catalogues and run every case file (default: the shipped rules/ folder)')
    .argument('[dir]', 'folder with known-issues.yaml, licence-states.yaml and cases/')
    .action((dir: string | undefined) => {
      const results = [checkRules(rulesDirOf(dir ?? '')), checkLicenceStates(rulesDirOf(dir ?? ''))];
      for (const result of results) if (result.ok) process.stdout.write(`${result.summary}\n`);
      for (const result of results) if (!result.ok) process.stderr.write(`${result.message}\n`);
      if (results.some((result) => !result.ok)) process.exit(EXIT_CONFIG);
    });

  registerDashboardCommands(program);
  registerSimulatorCommands(program);
  registerAuthCommands(program);

  program
    .command('version')
    .description('print the version')
    .action(() => {
      process.stdout.write(`${VERSION}\n`);
    });

  await program.parseAsync(argv);
}

function readConfigOrExit(file: string | undefined): Config {
  if (file === undefined) return defaultConfig();
  try {
    return loadConfigFile(file);
  } catch (error) {
    if (error instanceof CodedError) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

async function runStack(config: Config): Promise<void> {
  const log = createLogger(config.log.level);
  let stack;
  try {
    stack = await startStack(config, log);
  } catch (error) {
    const code = error instanceof CodedError ? error.code : 'IPO_ERR_INTERNAL';
    log.fatal({ err: error, code }, 'ipo-observer failed to start');
    process.exitCode = EXIT_RUNTIME;
    return;
  }
  log.info({ version: VERSION, dataDir: config.storage.dataDir }, 'ipo-observer started');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without draining');
      process.exit(EXIT_RUNTIME);
    }
    stopping = true;
    log.info({ signal }, 'stopping: collectors first, then draining the queue into the store');
    stack
      .stop()
      .then(() => {
        log.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(EXIT_RUNTIME);
      });
  };
  process.on('SIGHUP', () => stack.reloadRules());
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
