
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
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
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
            cand log-input 'Record a dataset input of a run, as mlflow.log_input does'
            cand artifacts 'Log, list and download a run''s artifacts'
            cand compare 'Compare runs side by side: one row per param and metric, the best value marked'
            cand diff 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)'
            cand exec 'Run any command inside a new run: params, source and git state, teed output, metrics from output'
            cand run 'Run an MLflow project''s entry point in a new run (MLproject, env managers, git, sweeps)'
            cand metrics 'Metric histories as tables or terminal charts'
            cand gc 'Permanently remove deleted runs and experiments'
            cand doctor 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain'
            cand models 'The model registry and models: register, version, alias, stage, log, download, inspect'
            cand ui 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser'
            cand server 'Serve MLflow''s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow''s own clients: point MLFLOW_TRACKING_URI at the URL it prints'
            cand report 'Write a self-contained HTML report of a runs search (or print its table as markdown)'
            cand sync 'Copy experiments, runs and registered models between stores (folders or servers), idempotently'
            cand migrate 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;experiments'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand search 'Search experiments with MLflow''s filter grammar and order'
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
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;list'= {
            cand --view 'view'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;search'= {
            cand -f 'MLflow filter, e.g. "name LIKE ''bert-%'' and tags.team = ''nlp''"'
            cand --filter 'MLflow filter, e.g. "name LIKE ''bert-%'' and tags.team = ''nlp''"'
            cand --order-by 'Order, e.g. "last_update_time DESC" (repeatable) [default: creation_time DESC]'
            cand --max-results 'Most experiments to return (at most 50000)'
            cand --page-token 'Token from a previous page''s `next_page_token`'
            cand --view 'view'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;describe'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;rename'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;delete'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;restore'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;set-tag'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;delete-tag'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;experiments;help'= {
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand search 'Search experiments with MLflow''s filter grammar and order'
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
        &'mlrun;experiments;help;search'= {
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
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a run; prints its id'
            cand end 'End a run (default status FINISHED)'
            cand describe 'Show a run: info, params, latest metrics and tags'
            cand search 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
            cand rerun 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;runs;start'= {
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --name 'Run name [default: a random adjective-noun-number]'
            cand --parent-run-id 'Parent run, for nested runs'
            cand --tag 'A tag K=V (repeatable)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;end'= {
            cand --status 'status'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;describe'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;search'= {
            cand --experiment-id 'Experiment id to search (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]'
            cand --experiment-name 'Experiment name to search (repeatable)'
            cand -f 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"'
            cand --filter 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"'
            cand --order-by 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)'
            cand --max-results 'Most runs to return (at most 50000)'
            cand --page-token 'Token from a previous page''s `next_page_token`'
            cand --view 'Which runs: active, deleted or all'
            cand -c 'Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id, artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]'
            cand --columns 'Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id, artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;list'= {
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --view 'view'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;delete'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;restore'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;set-tag'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;delete-tag'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;rerun'= {
            cand -P 'Change a parameter K=V (repeatable); others keep their recorded values'
            cand --param-list 'Change a parameter K=V (repeatable); others keep their recorded values'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --dry-run 'Print the commands that would run and do nothing'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;runs;help'= {
            cand start 'Start a run; prints its id'
            cand end 'End a run (default status FINISHED)'
            cand describe 'Show a run: info, params, latest metrics and tags'
            cand search 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
            cand rerun 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;runs;help;start'= {
        }
        &'mlrun;runs;help;end'= {
        }
        &'mlrun;runs;help;describe'= {
        }
        &'mlrun;runs;help;search'= {
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
        &'mlrun;runs;help;rerun'= {
        }
        &'mlrun;runs;help;help'= {
        }
        &'mlrun;log-param'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-params'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-metric'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --step 'Step (an integer)'
            cand --timestamp 'Timestamp in milliseconds since the epoch [default: now]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-metrics'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --step 'step'
            cand --timestamp 'timestamp'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;set-tag'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-batch'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;log-input'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --name 'The dataset''s name'
            cand --source 'Where the dataset is: a path (a `local` source) or a URI (`http(s)://`, `s3://`, …)'
            cand --digest 'The dataset''s digest [default: for a local CSV or Parquet file, the digest, schema and profile `mlflow.data.from_pandas(pd.read_csv(PATH))` (or `pd.read_parquet`) records; otherwise MLflow''s digest of a dataset known by its source: the first 8 hex digits of the SHA-256 of its name, source and schema]'
            cand --context 'What the dataset was used for (the `mlflow.data.context` tag), e.g. training, validation'
            cand --schema 'A JSON file with the dataset''s schema (MLflow''s `{"mlflow_colspec": [...]}`)'
            cand --profile 'A JSON file with the dataset''s profile (e.g. `{"num_rows": 100}`)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts;list'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;artifacts;download'= {
            cand --run-id 'The run [env: MLFLOW_RUN_ID]'
            cand --dest 'Where to put it'
            cand --uri 'runs:/RUN_ID/path instead of --run-id and PATH'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
        &'mlrun;compare'= {
            cand --metrics 'Metrics to show, comma-separated [default: all]'
            cand --params 'Params to show, comma-separated [default: all]'
            cand --tags 'Tags to show, comma-separated [default: none]'
            cand --lower-is-better 'Metrics where lower is better (by default names like loss, error, mse, time are)'
            cand --higher-is-better 'Metrics where higher is better (overrides the name-based guess)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --only-diff 'Hide rows whose value is the same in every run'
            cand --summary 'Add each metric''s min and max over its whole history'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;diff'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --no-artifacts 'Leave artifacts out (hashing large artifacts takes time)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;exec'= {
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --run-name 'Run name [default: a random adjective-noun-number]'
            cand -P 'A param K=V to log (repeatable)'
            cand --param 'A param K=V to log (repeatable)'
            cand --tag 'A tag K=V to set (repeatable)'
            cand --metric-pattern 'Read metrics with this regex instead of the default rules (repeatable). `\key`, `\value` and `\step` stand for a key, a number and an integer; use named groups `(?P<key>…)` and `(?P<value>…)`, a group named after the metric, e.g. `(?P<loss>\value)`, or two unnamed groups (key, value). A group named `step` sets the step'
            cand --system-metrics-interval 'Seconds between system metric samples'
            cand --system-metrics-samples 'Samples averaged into each logged value'
            cand --system-metrics-node-id 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --no-metrics 'Don''t read metrics from the output'
            cand --no-capture 'Don''t capture the output: the command writes straight to the terminal (no log artifacts, no metrics read from output)'
            cand --system-metrics 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;run'= {
            cand -e 'Entry point in the MLproject file, or a .py/.sh file to run'
            cand --entry-point 'Entry point in the MLproject file, or a .py/.sh file to run'
            cand -P 'A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values'
            cand --param-list 'A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values'
            cand --env-manager 'How to provide the environment [default: from the MLproject: conda for conda_env, docker for docker_env, else virtualenv]'
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --run-name 'Name of the run (of the parent run, for a sweep)'
            cand -v 'Git branch, tag or commit to run'
            cand --version 'Git branch, tag or commit to run'
            cand -A 'A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag'
            cand --docker-args 'A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag'
            cand --grid 'A sweep grid: a YAML or JSON map from parameter to a list of values (commas kept)'
            cand -j 'How many runs of a sweep run at once'
            cand --jobs 'How many runs of a sweep run at once'
            cand --system-metrics-interval 'Seconds between system metric samples'
            cand --system-metrics-samples 'Samples averaged into each logged value'
            cand --system-metrics-node-id 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --build-image 'Build a docker image with the project copied in (docker_env projects)'
            cand --dry-run 'Print the commands that would run (environment, image, entry point) and do nothing'
            cand --system-metrics 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrun;metrics'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand history 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;metrics;history'= {
            cand --x 'The x axis of the chart'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --plot 'Draw a line chart in the terminal (one series per run and key)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;metrics;help'= {
            cand history 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;metrics;help;history'= {
        }
        &'mlrun;metrics;help;help'= {
        }
        &'mlrun;gc'= {
            cand --older-than 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)'
            cand --run-ids 'Comma-separated run ids to remove (must be deleted)'
            cand --experiment-ids 'Comma-separated experiment ids to remove (must be deleted)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;doctor'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --fix 'Repair what can be repaired safely: remove staging leftovers no live writer owns, finish half-done experiment deletes, trim a metric file''s torn last line, end FAILED the runs whose supervising mlrun was killed. Everything else is only reported'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a registered model; prints its name'
            cand list 'List registered models (prompts excluded), by name'
            cand search 'Search registered models with MLflow''s filter and order-by syntax'
            cand describe 'Show a registered model: description, tags, aliases, latest version per stage'
            cand rename 'Rename a registered model (its versions, tags and aliases move with it)'
            cand delete 'Delete a registered model and all its versions'
            cand set-tag 'Set a tag on a registered model, or on one version with --version'
            cand delete-tag 'Delete a tag from a registered model, or from one version with --version'
            cand update 'Change the description of a registered model, or of one version with --version'
            cand register 'Register a model as a new version; prints the version number'
            cand versions 'List the versions of a model (or of all models), newest change first'
            cand version 'Show one model version'
            cand set-alias 'Point an alias (e.g. champion) at a version'
            cand delete-alias 'Remove an alias'
            cand transition 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
            cand delete-version 'Delete a model version (its number is never reused; its aliases are removed)'
            cand download 'Copy a model''s files to a folder'
            cand log 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
            cand inspect 'Show a model''s flavors, signature and input example'
            cand serve 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)'
            cand predict 'Score a JSON or CSV file with a model, as `serve` would, without a server'
            cand evaluate 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)'
            cand generate-dockerfile 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
            cand build-docker 'Build an image serving the model on port 8080 (docker, podman or buildah)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;models;create'= {
            cand --description 'description'
            cand --tag 'A tag K=V (repeatable)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;list'= {
            cand --filter 'MLflow filter, e.g. "name LIKE ''fraud%''" or "tags.team = ''ml''"'
            cand --order-by 'e.g. "last_updated_timestamp DESC" (repeatable)'
            cand --max-results 'max-results'
            cand --page-token 'Token from a previous page''s `next_page_token`'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;search'= {
            cand --filter 'MLflow filter, e.g. "name LIKE ''fraud%''" or "tags.team = ''ml''"'
            cand --order-by 'e.g. "last_updated_timestamp DESC" (repeatable)'
            cand --max-results 'max-results'
            cand --page-token 'Token from a previous page''s `next_page_token`'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;describe'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;rename'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;delete'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;set-tag'= {
            cand --model-version 'Act on this version instead of the registered model'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;delete-tag'= {
            cand --model-version 'Act on this version instead of the registered model'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;update'= {
            cand --description 'The new description (omit to clear it)'
            cand --model-version 'Act on this version instead of the registered model'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;register'= {
            cand --tag 'A version tag K=V (repeatable)'
            cand --description 'The version''s description'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;versions'= {
            cand --filter 'MLflow filter, e.g. "run_id = ''abc''" or "tags.k = ''v''"'
            cand --order-by 'e.g. "version_number DESC" (repeatable)'
            cand --max-results 'max-results'
            cand --page-token 'Token from a previous page''s `next_page_token`'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;version'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;set-alias'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;delete-alias'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;transition'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --archive-existing 'Move the other versions in Staging/Production to Archived'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;delete-version'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;download'= {
            cand --dest 'Where to put the files (created when missing)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;log'= {
            cand --run-id 'The run that produced the model'
            cand --name 'The model''s name within the run (runs:/RUN_ID/NAME finds it)'
            cand --flavor 'The flavor of a bare model file: onnx or sklearn [default: from the file extension]'
            cand --signature 'A JSON file {"inputs": [...], "outputs": [...], "params": [...]} in MLflow''s schema format'
            cand --input-example 'A JSON file with an input example (a list for tensors, {"columns", "data"} for a dataframe)'
            cand --python-version 'Python version for the environment files (python_env.yaml, conda.yaml), e.g. 3.11.7'
            cand --register 'Also register the logged model under this name'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;inspect'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;serve'= {
            cand -m 'The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or a path (a model folder, or a bare .onnx file)'
            cand --model-uri 'The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or a path (a model folder, or a bare .onnx file)'
            cand --host 'Address to listen on'
            cand -p 'Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)'
            cand --port 'Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)'
            cand -w 'Python worker processes (python_function models), or requests scored at once (ONNX) [default: 1 for Python, the number of CPUs for ONNX]'
            cand --workers 'Python worker processes (python_function models), or requests scored at once (ONNX) [default: 1 for Python, the number of CPUs for ONNX]'
            cand --env-manager 'How to build the model''s Python environment (ignored for ONNX, which needs no Python)'
            cand -t 'Seconds a request may take before it is answered 504 (its worker is then restarted)'
            cand --timeout 'Seconds a request may take before it is answered 504 (its worker is then restarted)'
            cand --batch-size 'Let one model call score up to N queued requests together (their rows joined, scored once, split back; only requests with the same columns and no params). Much higher throughput under load, for models that score each row on its own (sklearn, xgboost, …); the last digits of floating-point results may differ from scoring each request alone, as BLAS sums a larger batch in another order. Off by default'
            cand --max-body-size 'Largest request body accepted, in bytes (larger ones get 413)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;predict'= {
            cand -m 'The model (see `serve`)'
            cand --model-uri 'The model (see `serve`)'
            cand -i 'The input file [default: stdin]'
            cand --input-path 'The input file [default: stdin]'
            cand -o 'Where to write the predictions [default: stdout]'
            cand --output-path 'Where to write the predictions [default: stdout]'
            cand -t 'The input''s format'
            cand --content-type 'The input''s format'
            cand --env-manager 'How to build the model''s Python environment (ignored for ONNX)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;evaluate'= {
            cand -m 'The model (any URI `models serve` takes)'
            cand --model-uri 'The model (any URI `models serve` takes)'
            cand --data 'The evaluation data: a CSV file with a header row'
            cand --targets 'The column holding the targets (left out of what the model sees)'
            cand --model-type 'Which of MLflow''s default metric sets to compute'
            cand --run-id 'Log into this run (it stays as it is) instead of a new run'
            cand --experiment-id 'Experiment id [env: MLFLOW_EXPERIMENT_ID]'
            cand --experiment-name 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]'
            cand --baseline 'Also evaluate this model on the same data and show it beside (its metrics are not logged)'
            cand --threshold 'A gate METRIC>=VALUE (or <=, >, <, ==), repeatable: exit 3 when the model falls short'
            cand --env-manager 'How to build a python_function model''s environment (ignored for ONNX)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;generate-dockerfile'= {
            cand -m 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts'
            cand --model-uri 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts'
            cand --base-image 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]'
            cand --mlrun-binary 'The mlrun binary to put in the image [default: this one]'
            cand -d 'The folder to write the build context into (new or empty)'
            cand --output-directory 'The folder to write the build context into (new or empty)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;build-docker'= {
            cand -m 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts'
            cand --model-uri 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts'
            cand --base-image 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]'
            cand --mlrun-binary 'The mlrun binary to put in the image [default: this one]'
            cand -n 'The image name (and tag)'
            cand --name 'The image name (and tag)'
            cand --engine 'The engine that builds: docker, podman or buildah [default: the first found on PATH]'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;models;help'= {
            cand create 'Create a registered model; prints its name'
            cand list 'List registered models (prompts excluded), by name'
            cand search 'Search registered models with MLflow''s filter and order-by syntax'
            cand describe 'Show a registered model: description, tags, aliases, latest version per stage'
            cand rename 'Rename a registered model (its versions, tags and aliases move with it)'
            cand delete 'Delete a registered model and all its versions'
            cand set-tag 'Set a tag on a registered model, or on one version with --version'
            cand delete-tag 'Delete a tag from a registered model, or from one version with --version'
            cand update 'Change the description of a registered model, or of one version with --version'
            cand register 'Register a model as a new version; prints the version number'
            cand versions 'List the versions of a model (or of all models), newest change first'
            cand version 'Show one model version'
            cand set-alias 'Point an alias (e.g. champion) at a version'
            cand delete-alias 'Remove an alias'
            cand transition 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
            cand delete-version 'Delete a model version (its number is never reused; its aliases are removed)'
            cand download 'Copy a model''s files to a folder'
            cand log 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
            cand inspect 'Show a model''s flavors, signature and input example'
            cand serve 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)'
            cand predict 'Score a JSON or CSV file with a model, as `serve` would, without a server'
            cand evaluate 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)'
            cand generate-dockerfile 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
            cand build-docker 'Build an image serving the model on port 8080 (docker, podman or buildah)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;models;help;create'= {
        }
        &'mlrun;models;help;list'= {
        }
        &'mlrun;models;help;search'= {
        }
        &'mlrun;models;help;describe'= {
        }
        &'mlrun;models;help;rename'= {
        }
        &'mlrun;models;help;delete'= {
        }
        &'mlrun;models;help;set-tag'= {
        }
        &'mlrun;models;help;delete-tag'= {
        }
        &'mlrun;models;help;update'= {
        }
        &'mlrun;models;help;register'= {
        }
        &'mlrun;models;help;versions'= {
        }
        &'mlrun;models;help;version'= {
        }
        &'mlrun;models;help;set-alias'= {
        }
        &'mlrun;models;help;delete-alias'= {
        }
        &'mlrun;models;help;transition'= {
        }
        &'mlrun;models;help;delete-version'= {
        }
        &'mlrun;models;help;download'= {
        }
        &'mlrun;models;help;log'= {
        }
        &'mlrun;models;help;inspect'= {
        }
        &'mlrun;models;help;serve'= {
        }
        &'mlrun;models;help;predict'= {
        }
        &'mlrun;models;help;evaluate'= {
        }
        &'mlrun;models;help;generate-dockerfile'= {
        }
        &'mlrun;models;help;build-docker'= {
        }
        &'mlrun;models;help;help'= {
        }
        &'mlrun;ui'= {
            cand --host 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read the store and rename, tag or delete its runs'
            cand --port 'Port to listen on (0 picks a free one; the URL is printed on stdout)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --open 'Open the UI in the default browser'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;server'= {
            cand --backend-store-uri 'The store to serve: a folder, file: URI, sqlite:/// or postgresql:// database [default: --tracking-uri, else ./mlruns]'
            cand --host 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read and write the store'
            cand -p 'Port to listen on (0 picks a free one; the URL is printed on stdout)'
            cand --port 'Port to listen on (0 picks a free one; the URL is printed on stdout)'
            cand --artifacts-destination 'Where proxied artifacts are stored'
            cand -w 'Requests handled at once'
            cand --workers 'Requests handled at once'
            cand --allowed-hosts 'Host headers to accept, comma-separated (`mlflow.example.com,10.0.0.5:*`; `*` matches any run of characters, `*` alone any Host). Default: the address listened on (and localhost on loopback), or any Host when listening on every address'
            cand --auth-file 'Require HTTP basic auth from the users of this htpasswd file (bcrypt lines only: make one with `htpasswd -nB USER`). MLflow''s clients send MLFLOW_TRACKING_USERNAME/PASSWORD. Read once at start'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --serve-artifacts 'Proxy artifacts through this server (the default): new experiments get `mlflow-artifacts:/<id>` locations, stored under --artifacts-destination'
            cand --no-serve-artifacts 'Do not serve artifacts: clients read and write experiments'' artifact locations themselves'
            cand --read-only 'Refuse every write with PERMISSION_DENIED'
            cand --no-ui 'Do not serve the web UI at / (served by default, as `mlflow server` serves its UI): only MLflow''s REST API, /health and /version'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;report'= {
            cand --experiment-id 'Experiment id to report on (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]'
            cand --experiment-name 'Experiment name to report on (repeatable)'
            cand -f 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"'
            cand --filter 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = ''cnn''"'
            cand --order-by 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)'
            cand --max-results 'Most runs in the report'
            cand -c 'Table columns, as `runs search --columns` takes them [default: run_id, run_name, status, start_time, then every metric and param]'
            cand --columns 'Table columns, as `runs search --columns` takes them [default: run_id, run_name, status, start_time, then every metric and param]'
            cand --metrics 'Metrics to chart, comma-separated [default: the first four metrics]'
            cand --chart-runs 'Runs drawn on each chart: the first N in the report''s order'
            cand -o 'Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs table on stdout instead'
            cand --out 'Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs table on stdout instead'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;sync'= {
            cand --experiment 'Only this experiment (by name; repeatable)'
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand --dry-run 'Show what would be copied and write nothing'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;migrate'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;completions'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mlrun;man'= {
            cand --tracking-uri 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]'
            cand --output 'Output format for commands that show data'
            cand --color 'When to use colour (NO_COLOR is honoured)'
            cand -q 'Print no status messages on stderr'
            cand --quiet 'Print no status messages on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand log-input 'Record a dataset input of a run, as mlflow.log_input does'
            cand artifacts 'Log, list and download a run''s artifacts'
            cand compare 'Compare runs side by side: one row per param and metric, the best value marked'
            cand diff 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)'
            cand exec 'Run any command inside a new run: params, source and git state, teed output, metrics from output'
            cand run 'Run an MLflow project''s entry point in a new run (MLproject, env managers, git, sweeps)'
            cand metrics 'Metric histories as tables or terminal charts'
            cand gc 'Permanently remove deleted runs and experiments'
            cand doctor 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain'
            cand models 'The model registry and models: register, version, alias, stage, log, download, inspect'
            cand ui 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser'
            cand server 'Serve MLflow''s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow''s own clients: point MLFLOW_TRACKING_URI at the URL it prints'
            cand report 'Write a self-contained HTML report of a runs search (or print its table as markdown)'
            cand sync 'Copy experiments, runs and registered models between stores (folders or servers), idempotently'
            cand migrate 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrun;help;experiments'= {
            cand create 'Create an experiment; prints its id'
            cand list 'List experiments'
            cand search 'Search experiments with MLflow''s filter grammar and order'
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
        &'mlrun;help;experiments;search'= {
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
            cand search 'Search runs with MLflow''s filter grammar and order-by; tables show chosen columns'
            cand list 'List runs of an experiment, newest first'
            cand delete 'Delete a run (`gc` removes it for good)'
            cand restore 'Restore a deleted run'
            cand set-tag 'Set a tag on a run'
            cand delete-tag 'Delete a tag from a run'
            cand rerun 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
        }
        &'mlrun;help;runs;start'= {
        }
        &'mlrun;help;runs;end'= {
        }
        &'mlrun;help;runs;describe'= {
        }
        &'mlrun;help;runs;search'= {
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
        &'mlrun;help;runs;rerun'= {
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
        &'mlrun;help;log-input'= {
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
        &'mlrun;help;compare'= {
        }
        &'mlrun;help;diff'= {
        }
        &'mlrun;help;exec'= {
        }
        &'mlrun;help;run'= {
        }
        &'mlrun;help;metrics'= {
            cand history 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
        }
        &'mlrun;help;metrics;history'= {
        }
        &'mlrun;help;gc'= {
        }
        &'mlrun;help;doctor'= {
        }
        &'mlrun;help;models'= {
            cand create 'Create a registered model; prints its name'
            cand list 'List registered models (prompts excluded), by name'
            cand search 'Search registered models with MLflow''s filter and order-by syntax'
            cand describe 'Show a registered model: description, tags, aliases, latest version per stage'
            cand rename 'Rename a registered model (its versions, tags and aliases move with it)'
            cand delete 'Delete a registered model and all its versions'
            cand set-tag 'Set a tag on a registered model, or on one version with --version'
            cand delete-tag 'Delete a tag from a registered model, or from one version with --version'
            cand update 'Change the description of a registered model, or of one version with --version'
            cand register 'Register a model as a new version; prints the version number'
            cand versions 'List the versions of a model (or of all models), newest change first'
            cand version 'Show one model version'
            cand set-alias 'Point an alias (e.g. champion) at a version'
            cand delete-alias 'Remove an alias'
            cand transition 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
            cand delete-version 'Delete a model version (its number is never reused; its aliases are removed)'
            cand download 'Copy a model''s files to a folder'
            cand log 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
            cand inspect 'Show a model''s flavors, signature and input example'
            cand serve 'Serve a model over MLflow''s scoring protocol (POST /invocations, /ping, /health, /version)'
            cand predict 'Score a JSON or CSV file with a model, as `serve` would, without a server'
            cand evaluate 'Score a model on a CSV file and log MLflow''s default metrics for it (a CI gate with --threshold)'
            cand generate-dockerfile 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
            cand build-docker 'Build an image serving the model on port 8080 (docker, podman or buildah)'
        }
        &'mlrun;help;models;create'= {
        }
        &'mlrun;help;models;list'= {
        }
        &'mlrun;help;models;search'= {
        }
        &'mlrun;help;models;describe'= {
        }
        &'mlrun;help;models;rename'= {
        }
        &'mlrun;help;models;delete'= {
        }
        &'mlrun;help;models;set-tag'= {
        }
        &'mlrun;help;models;delete-tag'= {
        }
        &'mlrun;help;models;update'= {
        }
        &'mlrun;help;models;register'= {
        }
        &'mlrun;help;models;versions'= {
        }
        &'mlrun;help;models;version'= {
        }
        &'mlrun;help;models;set-alias'= {
        }
        &'mlrun;help;models;delete-alias'= {
        }
        &'mlrun;help;models;transition'= {
        }
        &'mlrun;help;models;delete-version'= {
        }
        &'mlrun;help;models;download'= {
        }
        &'mlrun;help;models;log'= {
        }
        &'mlrun;help;models;inspect'= {
        }
        &'mlrun;help;models;serve'= {
        }
        &'mlrun;help;models;predict'= {
        }
        &'mlrun;help;models;evaluate'= {
        }
        &'mlrun;help;models;generate-dockerfile'= {
        }
        &'mlrun;help;models;build-docker'= {
        }
        &'mlrun;help;ui'= {
        }
        &'mlrun;help;server'= {
        }
        &'mlrun;help;report'= {
        }
        &'mlrun;help;sync'= {
        }
        &'mlrun;help;migrate'= {
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
