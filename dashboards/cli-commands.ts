import type { Command } from 'commander';
import { CodedError } from '../src/errors.js';
import { GENERATED_DIR, writeDashboards } from './build.js';
import { pushDashboards } from './push.js';

const EXIT_RUNTIME = 1;
const EXIT_USAGE = 2;

/** `ipo-observer dashboards build|push`: generate the Grafana JSON, or send it to a Grafana server. */
export function registerDashboardCommands(program: Command): void {
  const dashboards = program.command('dashboards').description('Grafana dashboards for the InfluxDB sink: build the JSON, or push it to Grafana');

  dashboards
    .command('build')
    .description('write one JSON file per dashboard (default: the checked-in dashboards/generated/)')
    .option('-o, --out <dir>', 'folder to write the JSON to', GENERATED_DIR)
    .action((options: { out: string }) => {
      for (const path of writeDashboards(options.out)) process.stdout.write(`${path}\n`);
    });

  dashboards
    .command('push')
    .description('create or replace every dashboard in Grafana through its HTTP API (POST /api/dashboards/db)')
    .requiredOption('--grafana-url <url>', 'Grafana base URL, e.g. http://127.0.0.1:3000')
    .option('--token <token>', 'Grafana service-account token (default: $GRAFANA_TOKEN, which keeps it out of the shell history)')
    .option('--folder-uid <uid>', 'Grafana folder to put the dashboards in')
    .action(async (options: { grafanaUrl: string; token?: string; folderUid?: string }) => {
      const token = options.token ?? process.env['GRAFANA_TOKEN'];
      if (!token) {
        process.stderr.write('dashboards push: give --token or set GRAFANA_TOKEN\n');
        process.exit(EXIT_USAGE);
      }
      try {
        const results = await pushDashboards({ grafanaUrl: options.grafanaUrl, token, ...(options.folderUid && { folderUid: options.folderUid }) });
        for (const result of results) process.stdout.write(`${result.uid}: version ${result.version} ${result.url}\n`);
      } catch (error) {
        if (!(error instanceof CodedError)) throw error;
        process.stderr.write(`${error.code}: ${error.message}\n`);
        process.exit(EXIT_RUNTIME);
      }
    });
}
