
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
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
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
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'Log, list and download a run''s artifacts')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs and experiments')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;experiments' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
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
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;list' {
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'view')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;describe' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;rename' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;restore' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;set-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;delete-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;experiments;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
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
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a run; prints its id')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run (default status FINISHED)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, params, latest metrics and tags')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;runs;start' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Run name [default: a random adjective-noun-number]')
            [CompletionResult]::new('--parent-run-id', '--parent-run-id', [CompletionResultType]::ParameterName, 'Parent run, for nested runs')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag K=V (repeatable)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;end' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;describe' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;list' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Experiment id [env: MLFLOW_EXPERIMENT_ID]')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'view')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;restore' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;set-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;delete-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;runs;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a run; prints its id')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run (default status FINISHED)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, params, latest metrics and tags')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
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
        'mlrun;runs;help;help' {
            break
        }
        'mlrun;log-param' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-params' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-metric' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'Step (an integer)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp in milliseconds since the epoch [default: now]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-metrics' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'step')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'timestamp')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;set-tag' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;log-batch' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts;list' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;artifacts;download' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'The run [env: MLFLOW_RUN_ID]')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'Where to put it')
            [CompletionResult]::new('--uri', '--uri', [CompletionResultType]::ParameterName, 'runs:/RUN_ID/path instead of --run-id and PATH')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
        'mlrun;gc' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)')
            [CompletionResult]::new('--run-ids', '--run-ids', [CompletionResultType]::ParameterName, 'Comma-separated run ids to remove (must be deleted)')
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Comma-separated experiment ids to remove (must be deleted)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;completions' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mlrun;man' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'Tracking store: a local path or a file: URI [default: ./mlruns]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for commands that show data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no status messages on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'Log, list and download a run''s artifacts')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs and experiments')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrun;help;experiments' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List experiments')
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs of an experiment, newest first')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a run (`gc` removes it for good)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a run')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag from a run')
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
        'mlrun;help;gc' {
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
