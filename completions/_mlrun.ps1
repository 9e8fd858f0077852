
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mlrun' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mlrun'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mlrun' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('experiments', 'experiments', [CompletionResultType]::ParameterValue, 'Create, list and change experiments')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Start, end, list and change runs')
            [CompletionResult]::new('log-param', 'log-param', [CompletionResultType]::ParameterValue, 'Log one param to a run')
            [CompletionResult]::new('log-params', 'log-params', [CompletionResultType]::ParameterValue, 'Log several params (K=V...) to a run')
            [CompletionResult]::new('log-metric', 'log-metric', [CompletionResultType]::ParameterValue, 'Log one metric point to a run')
            [CompletionResult]::new('log-metrics', 'log-metrics', [CompletionResultType]::ParameterValue, 'Log several metrics (K=V...) at one step')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('log-batch', 'log-batch', [CompletionResultType]::ParameterValue, 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run')
            [CompletionResult]::new('log-input', 'log-input', [CompletionResultType]::ParameterValue, 'Record a dataset input of a run, as mlflow.log_input does')
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'Log, list and download a run''s artifacts')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare runs side by side: one row per param and metric, the best value marked')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run any command inside a new run: params, source and git state, teed output, metrics from output')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run an MLflow project''s entry point in a new run (MLproject, env managers, git, sweeps)')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Metric histories as tables or terminal charts')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs and experiments')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model registry and models: register, version, alias, stage, log, download, inspect')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Serve MLflow''s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow''s own clients: point MLFLOW_TRACKING_URI at the URL it prints')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a self-contained HTML report of a runs search (or print its table as markdown)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy experiments, runs and registered models between stores (folders or servers), idempotently')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;experiments' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter grammar and order')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one experiment, by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment (moves it to .trash; `gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its runs')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from an experiment')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;experiments;create' {
            [CompletionResult]::new('--artifact-location', '--artifact-location', [CompletionResultType]::ParameterName, 'Where the experiment''s artifacts go (a path or URI)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag K=V (repeatable)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;list' {
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'view')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;search' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "name LIKE ''bert-%'' and tags.team = ''nlp''"')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "name LIKE ''bert-%'' and tags.team = ''nlp''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order, e.g. "last_update_time DESC" (repeatable) [default: creation_time DESC]')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Most experiments to return (at most 50000)')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Token from a previous page''s `next_page_token`')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'view')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;describe' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;rename' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;restore' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;set-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;delete-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter grammar and order')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one experiment, by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment (moves it to .trash; `gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its runs')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from an experiment')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;experiments;help;create' {
            break
        }
        'mlrun;experiments;help;list' {
            break
        }
        'mlrun;experiments;help;search' {
            break
        }
        'mlrun;experiments;help;describe' {
            break
        }
        'mlrun;experiments;help;rename' {
            break
        }
        'mlrun;experiments;help;delete' {
            break
        }
        'mlrun;experiments;help;restore' {
            break
        }
        'mlrun;experiments;help;set-tag' {
            break
        }
        'mlrun;experiments;help;delete-tag' {
            break
        }
        'mlrun;experiments;help;help' {
            break
        }
        'mlrun;runs' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a run; prints its id')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run (default status FINISHED)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, params, latest metrics and tags')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
            [CompletionResult]::new('rerun', 'rerun', [CompletionResultType]::ParameterValue, 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;runs;start' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Run name [default: a random adjective-noun-number]')
            [CompletionResult]::new('--parent-run-id', '--parent-run-id', [CompletionResultType]::ParameterName, 'Parent run, for nested runs')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag K=V (repeatable)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;end' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;describe' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;search' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id to search (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name to search (repeatable)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Most runs to return (at most 50000)')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Token from a previous page''s `next_page_token`')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Which runs: active, deleted or all')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id, artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id, artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;list' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'view')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;restore' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;set-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;delete-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;rerun' {
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Change a parameter K=V (repeatable); others keep their recorded values')
            [CompletionResult]::new('--param-list', '--param-list', [CompletionResultType]::ParameterName, 'Change a parameter K=V (repeatable); others keep their recorded values')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the commands that would run and do nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a run; prints its id')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run (default status FINISHED)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, params, latest metrics and tags')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
            [CompletionResult]::new('rerun', 'rerun', [CompletionResultType]::ParameterValue, 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;runs;help;start' {
            break
        }
        'mlrun;runs;help;end' {
            break
        }
        'mlrun;runs;help;describe' {
            break
        }
        'mlrun;runs;help;search' {
            break
        }
        'mlrun;runs;help;list' {
            break
        }
        'mlrun;runs;help;delete' {
            break
        }
        'mlrun;runs;help;restore' {
            break
        }
        'mlrun;runs;help;set-tag' {
            break
        }
        'mlrun;runs;help;delete-tag' {
            break
        }
        'mlrun;runs;help;rerun' {
            break
        }
        'mlrun;runs;help;help' {
            break
        }
        'mlrun;log-param' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-params' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-metric' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'Step (an integer)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp in milliseconds since the epoch [default: now]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-metrics' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'step')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'timestamp')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;set-tag' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-batch' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-input' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The dataset''s name')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the dataset is: a path (a `local` source) or a URI (`http(s)://`, `s3://`, …)')
            [CompletionResult]::new('--digest', '--digest', [CompletionResultType]::ParameterName, 'The dataset''s digest [default: for a local CSV or Parquet file, the digest, schema and profile `mlflow.data.from_pandas(pd.read_csv(PATH))` (or `pd.read_parquet`) records; otherwise MLflow''s digest of a dataset known by its source: the first 8 hex digits of the SHA-256 of its name, source and schema]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'What the dataset was used for (the `mlflow.data.context` tag), e.g. training, validation')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'A JSON file with the dataset''s schema (MLflow''s `{"mlflow_colspec": [...]}`)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A JSON file with the dataset''s profile (e.g. `{"num_rows": 100}`)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log files and folders (a folder''s contents) into the run''s artifacts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List artifacts at a path')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download an artifact file or folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;artifacts;log' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--artifact-path', '--artifact-path', [CompletionResultType]::ParameterName, 'Folder inside the run''s artifacts')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts;list' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts;download' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'Where to put it')
            [CompletionResult]::new('--uri', '--uri', [CompletionResultType]::ParameterName, 'runs:/RUN_ID/path instead of --run-id and PATH')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log files and folders (a folder''s contents) into the run''s artifacts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List artifacts at a path')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download an artifact file or folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;artifacts;help;log' {
            break
        }
        'mlrun;artifacts;help;list' {
            break
        }
        'mlrun;artifacts;help;download' {
            break
        }
        'mlrun;artifacts;help;help' {
            break
        }
        'mlrun;compare' {
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Metrics to show, comma-separated [default: all]')
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'Params to show, comma-separated [default: all]')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags to show, comma-separated [default: none]')
            [CompletionResult]::new('--lower-is-better', '--lower-is-better', [CompletionResultType]::ParameterName, 'Metrics where lower is better (by default names like loss, error, mse, time are)')
            [CompletionResult]::new('--higher-is-better', '--higher-is-better', [CompletionResultType]::ParameterName, 'Metrics where higher is better (overrides the name-based guess)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--only-diff', '--only-diff', [CompletionResultType]::ParameterName, 'Hide rows whose value is the same in every run')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add each metric''s min and max over its whole history')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;diff' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--no-artifacts', '--no-artifacts', [CompletionResultType]::ParameterName, 'Leave artifacts out (hashing large artifacts takes time)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;exec' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--run-name', '--run-name', [CompletionResultType]::ParameterName, 'Run name [default: a random adjective-noun-number]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'A param K=V to log (repeatable)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A param K=V to log (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag K=V to set (repeatable)')
            [CompletionResult]::new('--metric-pattern', '--metric-pattern', [CompletionResultType]::ParameterName, 'Read metrics with this regex instead of the default rules (repeatable). `\key`, `\value` and `\step` stand for a key, a number and an integer; use named groups `(?P<key>…)` and `(?P<value>…)`, a group named after the metric, e.g. `(?P<loss>\value)`, or two unnamed groups (key, value). A group named `step` sets the step')
            [CompletionResult]::new('--system-metrics-interval', '--system-metrics-interval', [CompletionResultType]::ParameterName, 'Seconds between system metric samples')
            [CompletionResult]::new('--system-metrics-samples', '--system-metrics-samples', [CompletionResultType]::ParameterName, 'Samples averaged into each logged value')
            [CompletionResult]::new('--system-metrics-node-id', '--system-metrics-node-id', [CompletionResultType]::ParameterName, 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--no-metrics', '--no-metrics', [CompletionResultType]::ParameterName, 'Don''t read metrics from the output')
            [CompletionResult]::new('--no-capture', '--no-capture', [CompletionResultType]::ParameterName, 'Don''t capture the output: the command writes straight to the terminal (no log artifacts, no metrics read from output)')
            [CompletionResult]::new('--system-metrics', '--system-metrics', [CompletionResultType]::ParameterName, 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;run' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Entry point in the MLproject file, or a .py/.sh file to run')
            [CompletionResult]::new('--entry-point', '--entry-point', [CompletionResultType]::ParameterName, 'Entry point in the MLproject file, or a .py/.sh file to run')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values')
            [CompletionResult]::new('--param-list', '--param-list', [CompletionResultType]::ParameterName, 'A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values')
            [CompletionResult]::new('--env-manager', '--env-manager', [CompletionResultType]::ParameterName, 'How to provide the environment [default: from the MLproject: conda for conda_env, docker for docker_env, else virtualenv]')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--run-name', '--run-name', [CompletionResultType]::ParameterName, 'Name of the run (of the parent run, for a sweep)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Git branch, tag or commit to run')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Git branch, tag or commit to run')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag')
            [CompletionResult]::new('--docker-args', '--docker-args', [CompletionResultType]::ParameterName, 'A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag')
            [CompletionResult]::new('--grid', '--grid', [CompletionResultType]::ParameterName, 'A sweep grid: a YAML or JSON map from parameter to a list of values (commas kept)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many runs of a sweep run at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many runs of a sweep run at once')
            [CompletionResult]::new('--system-metrics-interval', '--system-metrics-interval', [CompletionResultType]::ParameterName, 'Seconds between system metric samples')
            [CompletionResult]::new('--system-metrics-samples', '--system-metrics-samples', [CompletionResultType]::ParameterName, 'Samples averaged into each logged value')
            [CompletionResult]::new('--system-metrics-node-id', '--system-metrics-node-id', [CompletionResultType]::ParameterName, 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--build-image', '--build-image', [CompletionResultType]::ParameterName, 'Build a docker image with the project copied in (docker_env projects)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the commands that would run (environment, image, entry point) and do nothing')
            [CompletionResult]::new('--system-metrics', '--system-metrics', [CompletionResultType]::ParameterName, 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrun;metrics' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;metrics;history' {
            [CompletionResult]::new('--x', '--x', [CompletionResultType]::ParameterName, 'The x axis of the chart')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--plot', '--plot', [CompletionResultType]::ParameterName, 'Draw a line chart in the terminal (one series per run and key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;metrics;help' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;metrics;help;history' {
            break
        }
        'mlrun;metrics;help;help' {
            break
        }
        'mlrun;gc' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)')
            [CompletionResult]::new('--run-ids', '--run-ids', [CompletionResultType]::ParameterName, 'Comma-separated run ids to remove (must be deleted)')
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Comma-separated experiment ids to remove (must be deleted)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;doctor' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Repair what can be repaired safely: remove staging leftovers no live writer owns, finish half-done experiment deletes, trim a metric file''s torn last line, end FAILED the runs whose supervising mlrun was killed. Everything else is only reported')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model; prints its name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered models (prompts excluded), by name')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order-by syntax')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a registered model: description, tags, aliases, latest version per stage')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model (its versions, tags and aliases move with it)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model, or on one version with --version')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a registered model, or from one version with --version')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the description of a registered model, or of one version with --version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version; prints the version number')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the versions of a model (or of all models), newest change first')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show one model version')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias (e.g. champion) at a version')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Remove an alias')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (its number is never reused; its aliases are removed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy a model''s files to a folder')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a model''s flavors, signature and input example')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)')
            [CompletionResult]::new('predict', 'predict', [CompletionResultType]::ParameterValue, 'Score a JSON or CSV file with a model, as `serve` would, without a server')
            [CompletionResult]::new('evaluate', 'evaluate', [CompletionResultType]::ParameterValue, 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)')
            [CompletionResult]::new('generate-dockerfile', 'generate-dockerfile', [CompletionResultType]::ParameterValue, 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080')
            [CompletionResult]::new('build-docker', 'build-docker', [CompletionResultType]::ParameterValue, 'Build an image serving the model on port 8080 (docker, podman or buildah)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;models;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag K=V (repeatable)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;list' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "name LIKE ''fraud%''" or "tags.team = ''ml''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'e.g. "last_updated_timestamp DESC" (repeatable)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'max-results')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Token from a previous page''s `next_page_token`')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;search' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "name LIKE ''fraud%''" or "tags.team = ''ml''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'e.g. "last_updated_timestamp DESC" (repeatable)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'max-results')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Token from a previous page''s `next_page_token`')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;describe' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;rename' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;set-tag' {
            [CompletionResult]::new('--model-version', '--model-version', [CompletionResultType]::ParameterName, 'Act on this version instead of the registered model')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;delete-tag' {
            [CompletionResult]::new('--model-version', '--model-version', [CompletionResultType]::ParameterName, 'Act on this version instead of the registered model')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The new description (omit to clear it)')
            [CompletionResult]::new('--model-version', '--model-version', [CompletionResultType]::ParameterName, 'Act on this version instead of the registered model')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;register' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A version tag K=V (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The version''s description')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;versions' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "run_id = ''abc''" or "tags.k = ''v''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'e.g. "version_number DESC" (repeatable)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'max-results')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Token from a previous page''s `next_page_token`')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;version' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;set-alias' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;delete-alias' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;transition' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--archive-existing', '--archive-existing', [CompletionResultType]::ParameterName, 'Move the other versions in Staging/Production to Archived')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;delete-version' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;download' {
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'Where to put the files (created when missing)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;log' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run that produced the model')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The model''s name within the run (runs:/RUN_ID/NAME finds it)')
            [CompletionResult]::new('--flavor', '--flavor', [CompletionResultType]::ParameterName, 'The flavor of a bare model file: onnx or sklearn [default: from the file extension]')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'A JSON file {"inputs": [...], "outputs": [...], "params": [...]} in MLflow''s schema format')
            [CompletionResult]::new('--input-example', '--input-example', [CompletionResultType]::ParameterName, 'A JSON file with an input example (a list for tensors, {"columns", "data"} for a dataframe)')
            [CompletionResult]::new('--python-version', '--python-version', [CompletionResultType]::ParameterName, 'Python version for the environment files (python_env.yaml, conda.yaml), e.g. 3.11.7')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Also register the logged model under this name')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;inspect' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;serve' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or a path (a model folder, or a bare .onnx file)')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or a path (a model folder, or a bare .onnx file)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Python worker processes (python_function models), or requests scored at once (ONNX) [default: 1 for Python, the number of CPUs for ONNX]')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Python worker processes (python_function models), or requests scored at once (ONNX) [default: 1 for Python, the number of CPUs for ONNX]')
            [CompletionResult]::new('--env-manager', '--env-manager', [CompletionResultType]::ParameterName, 'How to build the model''s Python environment (ignored for ONNX, which needs no Python)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Seconds a request may take before it is answered 504 (its worker is then restarted)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a request may take before it is answered 504 (its worker is then restarted)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Let one model call score up to N queued requests together (their rows joined, scored once, split back; only requests with the same columns and no params). Much higher throughput under load, for models that score each row on its own (sklearn, xgboost, …); the last digits of floating-point results may differ from scoring each request alone, as BLAS sums a larger batch in another order. Off by default')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest request body accepted, in bytes (larger ones get 413)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;predict' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The model (see `serve`)')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'The model (see `serve`)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The input file [default: stdin]')
            [CompletionResult]::new('--input-path', '--input-path', [CompletionResultType]::ParameterName, 'The input file [default: stdin]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the predictions [default: stdout]')
            [CompletionResult]::new('--output-path', '--output-path', [CompletionResultType]::ParameterName, 'Where to write the predictions [default: stdout]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The input''s format')
            [CompletionResult]::new('--content-type', '--content-type', [CompletionResultType]::ParameterName, 'The input''s format')
            [CompletionResult]::new('--env-manager', '--env-manager', [CompletionResultType]::ParameterName, 'How to build the model''s Python environment (ignored for ONNX)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;evaluate' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The model (any URI `models serve` takes)')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'The model (any URI `models serve` takes)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The evaluation data: a CSV file with a header row')
            [CompletionResult]::new('--targets', '--targets', [CompletionResultType]::ParameterName, 'The column holding the targets (left out of what the model sees)')
            [CompletionResult]::new('--model-type', '--model-type', [CompletionResultType]::ParameterName, 'Which of MLflow''s default metric sets to compute')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'Log into this run (it stays as it is) instead of a new run')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Also evaluate this model on the same data and show it beside (its metrics are not logged)')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'A gate METRIC>=VALUE (or <=, >, <, ==), repeatable: exit 3 when the model falls short')
            [CompletionResult]::new('--env-manager', '--env-manager', [CompletionResultType]::ParameterName, 'How to build a python_function model''s environment (ignored for ONNX)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;generate-dockerfile' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts')
            [CompletionResult]::new('--base-image', '--base-image', [CompletionResultType]::ParameterName, 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]')
            [CompletionResult]::new('--mlrun-binary', '--mlrun-binary', [CompletionResultType]::ParameterName, 'The mlrun binary to put in the image [default: this one]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The folder to write the build context into (new or empty)')
            [CompletionResult]::new('--output-directory', '--output-directory', [CompletionResultType]::ParameterName, 'The folder to write the build context into (new or empty)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;build-docker' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts')
            [CompletionResult]::new('--model-uri', '--model-uri', [CompletionResultType]::ParameterName, 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts')
            [CompletionResult]::new('--base-image', '--base-image', [CompletionResultType]::ParameterName, 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]')
            [CompletionResult]::new('--mlrun-binary', '--mlrun-binary', [CompletionResultType]::ParameterName, 'The mlrun binary to put in the image [default: this one]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The image name (and tag)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The image name (and tag)')
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The engine that builds: docker, podman or buildah [default: the first found on PATH]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;models;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model; prints its name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered models (prompts excluded), by name')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order-by syntax')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a registered model: description, tags, aliases, latest version per stage')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model (its versions, tags and aliases move with it)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model, or on one version with --version')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a registered model, or from one version with --version')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the description of a registered model, or of one version with --version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version; prints the version number')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the versions of a model (or of all models), newest change first')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show one model version')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias (e.g. champion) at a version')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Remove an alias')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (its number is never reused; its aliases are removed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy a model''s files to a folder')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a model''s flavors, signature and input example')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)')
            [CompletionResult]::new('predict', 'predict', [CompletionResultType]::ParameterValue, 'Score a JSON or CSV file with a model, as `serve` would, without a server')
            [CompletionResult]::new('evaluate', 'evaluate', [CompletionResultType]::ParameterValue, 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)')
            [CompletionResult]::new('generate-dockerfile', 'generate-dockerfile', [CompletionResultType]::ParameterValue, 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080')
            [CompletionResult]::new('build-docker', 'build-docker', [CompletionResultType]::ParameterValue, 'Build an image serving the model on port 8080 (docker, podman or buildah)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;models;help;create' {
            break
        }
        'mlrun;models;help;list' {
            break
        }
        'mlrun;models;help;search' {
            break
        }
        'mlrun;models;help;describe' {
            break
        }
        'mlrun;models;help;rename' {
            break
        }
        'mlrun;models;help;delete' {
            break
        }
        'mlrun;models;help;set-tag' {
            break
        }
        'mlrun;models;help;delete-tag' {
            break
        }
        'mlrun;models;help;update' {
            break
        }
        'mlrun;models;help;register' {
            break
        }
        'mlrun;models;help;versions' {
            break
        }
        'mlrun;models;help;version' {
            break
        }
        'mlrun;models;help;set-alias' {
            break
        }
        'mlrun;models;help;delete-alias' {
            break
        }
        'mlrun;models;help;transition' {
            break
        }
        'mlrun;models;help;delete-version' {
            break
        }
        'mlrun;models;help;download' {
            break
        }
        'mlrun;models;help;log' {
            break
        }
        'mlrun;models;help;inspect' {
            break
        }
        'mlrun;models;help;serve' {
            break
        }
        'mlrun;models;help;predict' {
            break
        }
        'mlrun;models;help;evaluate' {
            break
        }
        'mlrun;models;help;generate-dockerfile' {
            break
        }
        'mlrun;models;help;build-docker' {
            break
        }
        'mlrun;models;help;help' {
            break
        }
        'mlrun;ui' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read the store and rename, tag or delete its runs')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the URL is printed on stdout)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the UI in the default browser')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;server' {
            [CompletionResult]::new('--backend-store-uri', '--backend-store-uri', [CompletionResultType]::ParameterName, 'The store to serve: a folder, file: URI, sqlite:/// or postgresql:// database [default: --tracking-uri, else ./mlruns]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read and write the store')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the URL is printed on stdout)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the URL is printed on stdout)')
            [CompletionResult]::new('--artifacts-destination', '--artifacts-destination', [CompletionResultType]::ParameterName, 'Where proxied artifacts are stored')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Requests handled at once')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Requests handled at once')
            [CompletionResult]::new('--allowed-hosts', '--allowed-hosts', [CompletionResultType]::ParameterName, 'Host headers to accept, comma-separated (`mlflow.example.com,10.0.0.5:*`; `*` matches any run of characters, `*` alone any Host). Default: the address listened on (and localhost on loopback), or any Host when listening on every address')
            [CompletionResult]::new('--auth-file', '--auth-file', [CompletionResultType]::ParameterName, 'Require HTTP basic auth from the users of this htpasswd file (bcrypt lines only: make one with `htpasswd -nB USER`). MLflow''s clients send MLFLOW_TRACKING_USERNAME/PASSWORD. Read once at start')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--serve-artifacts', '--serve-artifacts', [CompletionResultType]::ParameterName, 'Proxy artifacts through this server (the default): new experiments get `mlflow-artifacts:/<id>` locations, stored under --artifacts-destination')
            [CompletionResult]::new('--no-serve-artifacts', '--no-serve-artifacts', [CompletionResultType]::ParameterName, 'Do not serve artifacts: clients read and write experiments'' artifact locations themselves')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write with PERMISSION_DENIED')
            [CompletionResult]::new('--no-ui', '--no-ui', [CompletionResultType]::ParameterName, 'Do not serve the web UI at / (served by default, as `mlflow server` serves its UI): only MLflow''s REST API, /health and /version')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;report' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id to report on (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name to report on (repeatable)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'Most runs in the report')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Table columns, as `runs search --columns` takes them [default: run_id, run_name, status, start_time, then every metric and param]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns, as `runs search --columns` takes them [default: run_id, run_name, status, start_time, then every metric and param]')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Metrics to chart, comma-separated [default: the first four metrics]')
            [CompletionResult]::new('--chart-runs', '--chart-runs', [CompletionResultType]::ParameterName, 'Runs drawn on each chart: the first N in the report''s order')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs table on stdout instead')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs table on stdout instead')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;sync' {
            [CompletionResult]::new('--experiment', '--experiment', [CompletionResultType]::ParameterName, 'Only this experiment (by name; repeatable)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be copied and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;migrate' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;completions' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;man' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;help' {
            [CompletionResult]::new('experiments', 'experiments', [CompletionResultType]::ParameterValue, 'Create, list and change experiments')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Start, end, list and change runs')
            [CompletionResult]::new('log-param', 'log-param', [CompletionResultType]::ParameterValue, 'Log one param to a run')
            [CompletionResult]::new('log-params', 'log-params', [CompletionResultType]::ParameterValue, 'Log several params (K=V...) to a run')
            [CompletionResult]::new('log-metric', 'log-metric', [CompletionResultType]::ParameterValue, 'Log one metric point to a run')
            [CompletionResult]::new('log-metrics', 'log-metrics', [CompletionResultType]::ParameterValue, 'Log several metrics (K=V...) at one step')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('log-batch', 'log-batch', [CompletionResultType]::ParameterValue, 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run')
            [CompletionResult]::new('log-input', 'log-input', [CompletionResultType]::ParameterValue, 'Record a dataset input of a run, as mlflow.log_input does')
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'Log, list and download a run''s artifacts')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare runs side by side: one row per param and metric, the best value marked')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run any command inside a new run: params, source and git state, teed output, metrics from output')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run an MLflow project''s entry point in a new run (MLproject, env managers, git, sweeps)')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Metric histories as tables or terminal charts')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs and experiments')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model registry and models: register, version, alias, stage, log, download, inspect')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Serve MLflow''s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow''s own clients: point MLFLOW_TRACKING_URI at the URL it prints')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a self-contained HTML report of a runs search (or print its table as markdown)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy experiments, runs and registered models between stores (folders or servers), idempotently')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;help;experiments' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter grammar and order')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one experiment, by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment (moves it to .trash; `gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its runs')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from an experiment')
            break
        }
        'mlrun;help;experiments;create' {
            break
        }
        'mlrun;help;experiments;list' {
            break
        }
        'mlrun;help;experiments;search' {
            break
        }
        'mlrun;help;experiments;describe' {
            break
        }
        'mlrun;help;experiments;rename' {
            break
        }
        'mlrun;help;experiments;delete' {
            break
        }
        'mlrun;help;experiments;restore' {
            break
        }
        'mlrun;help;experiments;set-tag' {
            break
        }
        'mlrun;help;experiments;delete-tag' {
            break
        }
        'mlrun;help;runs' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a run; prints its id')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run (default status FINISHED)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, params, latest metrics and tags')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
            [CompletionResult]::new('rerun', 'rerun', [CompletionResultType]::ParameterValue, 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)')
            break
        }
        'mlrun;help;runs;start' {
            break
        }
        'mlrun;help;runs;end' {
            break
        }
        'mlrun;help;runs;describe' {
            break
        }
        'mlrun;help;runs;search' {
            break
        }
        'mlrun;help;runs;list' {
            break
        }
        'mlrun;help;runs;delete' {
            break
        }
        'mlrun;help;runs;restore' {
            break
        }
        'mlrun;help;runs;set-tag' {
            break
        }
        'mlrun;help;runs;delete-tag' {
            break
        }
        'mlrun;help;runs;rerun' {
            break
        }
        'mlrun;help;log-param' {
            break
        }
        'mlrun;help;log-params' {
            break
        }
        'mlrun;help;log-metric' {
            break
        }
        'mlrun;help;log-metrics' {
            break
        }
        'mlrun;help;set-tag' {
            break
        }
        'mlrun;help;log-batch' {
            break
        }
        'mlrun;help;log-input' {
            break
        }
        'mlrun;help;artifacts' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log files and folders (a folder''s contents) into the run''s artifacts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List artifacts at a path')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download an artifact file or folder')
            break
        }
        'mlrun;help;artifacts;log' {
            break
        }
        'mlrun;help;artifacts;list' {
            break
        }
        'mlrun;help;artifacts;download' {
            break
        }
        'mlrun;help;compare' {
            break
        }
        'mlrun;help;diff' {
            break
        }
        'mlrun;help;exec' {
            break
        }
        'mlrun;help;run' {
            break
        }
        'mlrun;help;metrics' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot')
            break
        }
        'mlrun;help;metrics;history' {
            break
        }
        'mlrun;help;gc' {
            break
        }
        'mlrun;help;doctor' {
            break
        }
        'mlrun;help;models' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model; prints its name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered models (prompts excluded), by name')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order-by syntax')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a registered model: description, tags, aliases, latest version per stage')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model (its versions, tags and aliases move with it)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model, or on one version with --version')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a registered model, or from one version with --version')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the description of a registered model, or of one version with --version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version; prints the version number')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the versions of a model (or of all models), newest change first')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show one model version')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias (e.g. champion) at a version')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Remove an alias')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (its number is never reused; its aliases are removed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy a model''s files to a folder')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a model''s flavors, signature and input example')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)')
            [CompletionResult]::new('predict', 'predict', [CompletionResultType]::ParameterValue, 'Score a JSON or CSV file with a model, as `serve` would, without a server')
            [CompletionResult]::new('evaluate', 'evaluate', [CompletionResultType]::ParameterValue, 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)')
            [CompletionResult]::new('generate-dockerfile', 'generate-dockerfile', [CompletionResultType]::ParameterValue, 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080')
            [CompletionResult]::new('build-docker', 'build-docker', [CompletionResultType]::ParameterValue, 'Build an image serving the model on port 8080 (docker, podman or buildah)')
            break
        }
        'mlrun;help;models;create' {
            break
        }
        'mlrun;help;models;list' {
            break
        }
        'mlrun;help;models;search' {
            break
        }
        'mlrun;help;models;describe' {
            break
        }
        'mlrun;help;models;rename' {
            break
        }
        'mlrun;help;models;delete' {
            break
        }
        'mlrun;help;models;set-tag' {
            break
        }
        'mlrun;help;models;delete-tag' {
            break
        }
        'mlrun;help;models;update' {
            break
        }
        'mlrun;help;models;register' {
            break
        }
        'mlrun;help;models;versions' {
            break
        }
        'mlrun;help;models;version' {
            break
        }
        'mlrun;help;models;set-alias' {
            break
        }
        'mlrun;help;models;delete-alias' {
            break
        }
        'mlrun;help;models;transition' {
            break
        }
        'mlrun;help;models;delete-version' {
            break
        }
        'mlrun;help;models;download' {
            break
        }
        'mlrun;help;models;log' {
            break
        }
        'mlrun;help;models;inspect' {
            break
        }
        'mlrun;help;models;serve' {
            break
        }
        'mlrun;help;models;predict' {
            break
        }
        'mlrun;help;models;evaluate' {
            break
        }
        'mlrun;help;models;generate-dockerfile' {
            break
        }
        'mlrun;help;models;build-docker' {
            break
        }
        'mlrun;help;ui' {
            break
        }
        'mlrun;help;server' {
            break
        }
        'mlrun;help;report' {
            break
        }
        'mlrun;help;sync' {
            break
        }
        'mlrun;help;migrate' {
            break
        }
        'mlrun;help;completions' {
            break
        }
        'mlrun;help;man' {
            break
        }
        'mlrun;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
