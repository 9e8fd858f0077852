
use builtin;
use str;

set edit:completion:arg-completer[mlrun] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mlrun'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mlrun'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand experiments 'Create, list and change experiments'
            cand runs 'Start, end, list and change runs'
            cand log-param 'Log one param to a run'
            cand log-params 'Log several params (K=V...) to a run'
            cand log-metric 'Log one metric point to a run'
            cand log-metrics 'Log several metrics (K=V...) at one step'
            cand set-tag 'Set a tag on a run'
            cand log-batch 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run'
            cand artifacts 'Log, list and download a run''s artifacts'
            cand gc 'Permanently remove deleted runs and experiments'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;experiments'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand describe 'Show one experiment, by id or name'
            cand rename 'Rename an experiment'
            cand delete 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
            cand restore 'Restore a deleted experiment and its runs'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag from an experiment'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;experiments;create'= {
            cand --artifact-location 'Where the experiment''s artifacts go (a path or URI)'
            cand --tag 'A tag K=V (repeatable)'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;list'= {
            cand --view 'view'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;describe'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;rename'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;delete'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;restore'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;set-tag'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;delete-tag'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;help'= {
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand describe 'Show one experiment, by id or name'
            cand rename 'Rename an experiment'
            cand delete 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
            cand restore 'Restore a deleted experiment and its runs'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag from an experiment'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;experiments;help;create'= {
        }
        &'mlrun;experiments;help;list'= {
        }
        &'mlrun;experiments;help;describe'= {
        }
        &'mlrun;experiments;help;rename'= {
        }
        &'mlrun;experiments;help;delete'= {
        }
        &'mlrun;experiments;help;restore'= {
        }
        &'mlrun;experiments;help;set-tag'= {
        }
        &'mlrun;experiments;help;delete-tag'= {
        }
        &'mlrun;experiments;help;help'= {
        }
        &'mlrun;runs'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a run; prints its id'
            cand end 'End a run (default status FINISHED)'
            cand describe 'Show a run: info, params, latest metrics and tags'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;runs;start'= {
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --name 'Run name [default: a random adjective-noun-number]'
            cand --parent-run-id 'Parent run, for nested runs'
            cand --tag 'A tag K=V (repeatable)'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;end'= {
            cand --status 'status'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;describe'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;list'= {
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --view 'view'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;delete'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;restore'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;set-tag'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;delete-tag'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;help'= {
            cand start 'Start a run; prints its id'
            cand end 'End a run (default status FINISHED)'
            cand describe 'Show a run: info, params, latest metrics and tags'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;runs;help;start'= {
        }
        &'mlrun;runs;help;end'= {
        }
        &'mlrun;runs;help;describe'= {
        }
        &'mlrun;runs;help;list'= {
        }
        &'mlrun;runs;help;delete'= {
        }
        &'mlrun;runs;help;restore'= {
        }
        &'mlrun;runs;help;set-tag'= {
        }
        &'mlrun;runs;help;delete-tag'= {
        }
        &'mlrun;runs;help;help'= {
        }
        &'mlrun;log-param'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-params'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-metric'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --step 'Step (an integer)'
            cand --timestamp 'Timestamp in milliseconds since the epoch [default: now]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-metrics'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --step 'step'
            cand --timestamp 'timestamp'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;set-tag'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-batch'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand log 'Log files and folders (a folder''s contents) into the run''s artifacts'
            cand list 'List artifacts at a path'
            cand download 'Download an artifact file or folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;artifacts;log'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --artifact-path 'Folder inside the run''s artifacts'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts;list'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts;download'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --dest 'Where to put it'
            cand --uri 'runs:/RUN_ID/path instead of --run-id and PATH'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts;help'= {
            cand log 'Log files and folders (a folder''s contents) into the run''s artifacts'
            cand list 'List artifacts at a path'
            cand download 'Download an artifact file or folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;artifacts;help;log'= {
        }
        &'mlrun;artifacts;help;list'= {
        }
        &'mlrun;artifacts;help;download'= {
        }
        &'mlrun;artifacts;help;help'= {
        }
        &'mlrun;gc'= {
            cand --older-than 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)'
            cand --run-ids 'Comma-separated run ids to remove (must be deleted)'
            cand --experiment-ids 'Comma-separated experiment ids to remove (must be deleted)'
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;completions'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;man'= {
            cand --tracking-uri 'Tracking store: a local path or a file: URI [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;help'= {
            cand experiments 'Create, list and change experiments'
            cand runs 'Start, end, list and change runs'
            cand log-param 'Log one param to a run'
            cand log-params 'Log several params (K=V...) to a run'
            cand log-metric 'Log one metric point to a run'
            cand log-metrics 'Log several metrics (K=V...) at one step'
            cand set-tag 'Set a tag on a run'
            cand log-batch 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run'
            cand artifacts 'Log, list and download a run''s artifacts'
            cand gc 'Permanently remove deleted runs and experiments'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;help;experiments'= {
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand describe 'Show one experiment, by id or name'
            cand rename 'Rename an experiment'
            cand delete 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
            cand restore 'Restore a deleted experiment and its runs'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag from an experiment'
        }
        &'mlrun;help;experiments;create'= {
        }
        &'mlrun;help;experiments;list'= {
        }
        &'mlrun;help;experiments;describe'= {
        }
        &'mlrun;help;experiments;rename'= {
        }
        &'mlrun;help;experiments;delete'= {
        }
        &'mlrun;help;experiments;restore'= {
        }
        &'mlrun;help;experiments;set-tag'= {
        }
        &'mlrun;help;experiments;delete-tag'= {
        }
        &'mlrun;help;runs'= {
            cand start 'Start a run; prints its id'
            cand end 'End a run (default status FINISHED)'
            cand describe 'Show a run: info, params, latest metrics and tags'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
        }
        &'mlrun;help;runs;start'= {
        }
        &'mlrun;help;runs;end'= {
        }
        &'mlrun;help;runs;describe'= {
        }
        &'mlrun;help;runs;list'= {
        }
        &'mlrun;help;runs;delete'= {
        }
        &'mlrun;help;runs;restore'= {
        }
        &'mlrun;help;runs;set-tag'= {
        }
        &'mlrun;help;runs;delete-tag'= {
        }
        &'mlrun;help;log-param'= {
        }
        &'mlrun;help;log-params'= {
        }
        &'mlrun;help;log-metric'= {
        }
        &'mlrun;help;log-metrics'= {
        }
        &'mlrun;help;set-tag'= {
        }
        &'mlrun;help;log-batch'= {
        }
        &'mlrun;help;artifacts'= {
            cand log 'Log files and folders (a folder''s contents) into the run''s artifacts'
            cand list 'List artifacts at a path'
            cand download 'Download an artifact file or folder'
        }
        &'mlrun;help;artifacts;log'= {
        }
        &'mlrun;help;artifacts;list'= {
        }
        &'mlrun;help;artifacts;download'= {
        }
        &'mlrun;help;gc'= {
        }
        &'mlrun;help;completions'= {
        }
        &'mlrun;help;man'= {
        }
        &'mlrun;help;help'= {
        }
    ]
    $completions[$command]
}
