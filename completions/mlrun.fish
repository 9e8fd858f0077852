# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mlrun_global_optspecs
    string join \n tracking-uri= output= q/quiet color= h/help V/version
end

function __fish_mlrun_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mlrun_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mlrun_using_subcommand
    set -l cmd (__fish_mlrun_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mlrun -n "__fish_mlrun_needs_command" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_needs_command" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_needs_command" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_needs_command" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "experiments" -d 'Create, list and change experiments'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "runs" -d 'Start, end, list and change runs'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-param" -d 'Log one param to a run'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-params" -d 'Log several params (K=V...) to a run'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-metric" -d 'Log one metric point to a run'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-metrics" -d 'Log several metrics (K=V...) at one step'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-batch" -d 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "log-input" -d 'Record a dataset input of a run, as mlflow.log_input does'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "artifacts" -d 'Log, list and download a run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "compare" -d 'Compare runs side by side: one row per param and metric, the best value marked'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "diff" -d 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "exec" -d 'Run any command inside a new run: params, source and git state, teed output, metrics from output'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "run" -d 'Run an MLflow project\'s entry point in a new run (MLproject, env managers, git, sweeps)'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "metrics" -d 'Metric histories as tables or terminal charts'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "gc" -d 'Permanently remove deleted runs and experiments'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "doctor" -d 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "models" -d 'The model registry and models: register, version, alias, stage, log, download, inspect'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "ui" -d 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "server" -d 'Serve MLflow\'s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow\'s own clients: point MLFLOW_TRACKING_URI at the URL it prints'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "report" -d 'Write a self-contained HTML report of a runs search (or print its table as markdown)'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "sync" -d 'Copy experiments, runs and registered models between stores (folders or servers), idempotently'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "migrate" -d 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "search" -d 'Search experiments with MLflow\'s filter grammar and order'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list search describe rename delete restore set-tag delete-tag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l artifact-location -d 'Where the experiment\'s artifacts go (a path or URI)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l tag -d 'A tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l view -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -s f -l filter -d 'MLflow filter, e.g. "name LIKE \'bert-%\' and tags.team = \'nlp\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l order-by -d 'Order, e.g. "last_update_time DESC" (repeatable) [default: creation_time DESC]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l max-results -d 'Most experiments to return (at most 50000)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l page-token -d 'Token from a previous page\'s `next_page_token`' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l view -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search experiments with MLflow\'s filter grammar and order'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "search" -d 'Search runs with MLflow\'s filter grammar and order-by; tables show chosen columns'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "rerun" -d 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe search list delete restore set-tag delete-tag rerun help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l name -d 'Run name [default: a random adjective-noun-number]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l parent-run-id -d 'Parent run, for nested runs' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l tag -d 'A tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l status -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l experiment-id -d 'Experiment id to search (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l experiment-name -d 'Experiment name to search (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -s f -l filter -d 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = \'cnn\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l order-by -d 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l max-results -d 'Most runs to return (at most 50000)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l page-token -d 'Token from a previous page\'s `next_page_token`' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l view -d 'Which runs: active, deleted or all' -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -s c -l columns -d 'Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id, artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l view -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -s P -l param-list -d 'Change a parameter K=V (repeatable); others keep their recorded values' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -l dry-run -d 'Print the commands that would run and do nothing'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from rerun" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search runs with MLflow\'s filter grammar and order-by; tables show chosen columns'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "rerun" -d 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l step -d 'Step (an integer)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l timestamp -d 'Timestamp in milliseconds since the epoch [default: now]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l step -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l timestamp -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l name -d 'The dataset\'s name' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l source -d 'Where the dataset is: a path (a `local` source) or a URI (`http(s)://`, `s3://`, …)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l digest -d 'The dataset\'s digest [default: for a local CSV or Parquet file, the digest, schema and profile `mlflow.data.from_pandas(pd.read_csv(PATH))` (or `pd.read_parquet`) records; otherwise MLflow\'s digest of a dataset known by its source: the first 8 hex digits of the SHA-256 of its name, source and schema]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l context -d 'What the dataset was used for (the `mlflow.data.context` tag), e.g. training, validation' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l schema -d 'A JSON file with the dataset\'s schema (MLflow\'s `{"mlflow_colspec": [...]}`)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l profile -d 'A JSON file with the dataset\'s profile (e.g. `{"num_rows": 100}`)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-input" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "download" -d 'Download an artifact file or folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l artifact-path -d 'Folder inside the run\'s artifacts' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l dest -d 'Where to put it' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l uri -d 'runs:/RUN_ID/path instead of --run-id and PATH' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download an artifact file or folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l metrics -d 'Metrics to show, comma-separated [default: all]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l params -d 'Params to show, comma-separated [default: all]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l tags -d 'Tags to show, comma-separated [default: none]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l lower-is-better -d 'Metrics where lower is better (by default names like loss, error, mse, time are)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l higher-is-better -d 'Metrics where higher is better (overrides the name-based guess)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l only-diff -d 'Hide rows whose value is the same in every run'
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -l summary -d 'Add each metric\'s min and max over its whole history'
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand compare" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -l no-artifacts -d 'Leave artifacts out (hashing large artifacts takes time)'
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand diff" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l run-name -d 'Run name [default: a random adjective-noun-number]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -s P -l param -d 'A param K=V to log (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l tag -d 'A tag K=V to set (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l metric-pattern -d 'Read metrics with this regex instead of the default rules (repeatable). `\\key`, `\\value` and `\\step` stand for a key, a number and an integer; use named groups `(?P<key>…)` and `(?P<value>…)`, a group named after the metric, e.g. `(?P<loss>\\value)`, or two unnamed groups (key, value). A group named `step` sets the step' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l system-metrics-interval -d 'Seconds between system metric samples' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l system-metrics-samples -d 'Samples averaged into each logged value' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l system-metrics-node-id -d 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l no-metrics -d 'Don\'t read metrics from the output'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l no-capture -d 'Don\'t capture the output: the command writes straight to the terminal (no log artifacts, no metrics read from output)'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -l system-metrics -d 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand exec" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s e -l entry-point -d 'Entry point in the MLproject file, or a .py/.sh file to run' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s P -l param-list -d 'A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l env-manager -d 'How to provide the environment [default: from the MLproject: conda for conda_env, docker for docker_env, else virtualenv]' -r -f -a "local\t'Run in the current environment, as is'
uv\t'Build the python_env with uv (cached)'
virtualenv\t'Build the python_env as a virtualenv (with uv when on PATH; cached)'
conda\t'Build conda.yaml with conda, mamba or micromamba (cached)'
docker\t'Run in the docker_env image'"
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l run-name -d 'Name of the run (of the parent run, for a sweep)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s v -l version -d 'Git branch, tag or commit to run' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s A -l docker-args -d 'A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l grid -d 'A sweep grid: a YAML or JSON map from parameter to a list of values (commas kept)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s j -l jobs -d 'How many runs of a sweep run at once' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l system-metrics-interval -d 'Seconds between system metric samples' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l system-metrics-samples -d 'Samples averaged into each logged value' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l system-metrics-node-id -d 'Names this machine in the metric keys (`system/<node>/…`), for multi-node training' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l build-image -d 'Build a docker image with the project copied in (docker_env projects)'
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l dry-run -d 'Print the commands that would run (environment, image, entry point) and do nothing'
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -l system-metrics -d 'Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network as `system/…` metrics, one step per interval'
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -f -a "history" -d 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and not __fish_seen_subcommand_from history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -l x -d 'The x axis of the chart' -r -f -a "step\t'The step logged with each point'
time\t'Seconds since the run\'s first point of that metric'"
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -l plot -d 'Draw a line chart in the terminal (one series per run and key)'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
complete -c mlrun -n "__fish_mlrun_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l older-than -d 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l run-ids -d 'Comma-separated run ids to remove (must be deleted)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l experiment-ids -d 'Comma-separated experiment ids to remove (must be deleted)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -l fix -d 'Repair what can be repaired safely: remove staging leftovers no live writer owns, finish half-done experiment deletes, trim a metric file\'s torn last line, end FAILED the runs whose supervising mlrun was killed. Everything else is only reported'
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "create" -d 'Create a registered model; prints its name'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "list" -d 'List registered models (prompts excluded), by name'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "search" -d 'Search registered models with MLflow\'s filter and order-by syntax'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "describe" -d 'Show a registered model: description, tags, aliases, latest version per stage'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "rename" -d 'Rename a registered model (its versions, tags and aliases move with it)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "delete" -d 'Delete a registered model and all its versions'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "set-tag" -d 'Set a tag on a registered model, or on one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "delete-tag" -d 'Delete a tag from a registered model, or from one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "update" -d 'Change the description of a registered model, or of one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "register" -d 'Register a model as a new version; prints the version number'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "versions" -d 'List the versions of a model (or of all models), newest change first'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "version" -d 'Show one model version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "set-alias" -d 'Point an alias (e.g. champion) at a version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "delete-alias" -d 'Remove an alias'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "transition" -d 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "delete-version" -d 'Delete a model version (its number is never reused; its aliases are removed)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "download" -d 'Copy a model\'s files to a folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "log" -d 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "inspect" -d 'Show a model\'s flavors, signature and input example'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "serve" -d 'Serve a model over MLflow\'s scoring protocol (POST /invocations, /ping, /health, /version)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "predict" -d 'Score a JSON or CSV file with a model, as `serve` would, without a server'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "evaluate" -d 'Score a model on a CSV file and log MLflow\'s default metrics for it (a CI gate with --threshold)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "generate-dockerfile" -d 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "build-docker" -d 'Build an image serving the model on port 8080 (docker, podman or buildah)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and not __fish_seen_subcommand_from create list search describe rename delete set-tag delete-tag update register versions version set-alias delete-alias transition delete-version download log inspect serve predict evaluate generate-dockerfile build-docker help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -l description -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -l tag -d 'A tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l filter -d 'MLflow filter, e.g. "name LIKE \'fraud%\'" or "tags.team = \'ml\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l order-by -d 'e.g. "last_updated_timestamp DESC" (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l max-results -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l page-token -d 'Token from a previous page\'s `next_page_token`' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l filter -d 'MLflow filter, e.g. "name LIKE \'fraud%\'" or "tags.team = \'ml\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l order-by -d 'e.g. "last_updated_timestamp DESC" (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l max-results -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l page-token -d 'Token from a previous page\'s `next_page_token`' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l model-version -d 'Act on this version instead of the registered model' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l model-version -d 'Act on this version instead of the registered model' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -l description -d 'The new description (omit to clear it)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -l model-version -d 'Act on this version instead of the registered model' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -l tag -d 'A version tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -l description -d 'The version\'s description' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l filter -d 'MLflow filter, e.g. "run_id = \'abc\'" or "tags.k = \'v\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l order-by -d 'e.g. "version_number DESC" (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l max-results -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l page-token -d 'Token from a previous page\'s `next_page_token`' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from versions" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from set-alias" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -l archive-existing -d 'Move the other versions in Staging/Production to Archived'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from transition" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from delete-version" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -l dest -d 'Where to put the files (created when missing)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l run-id -d 'The run that produced the model' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l name -d 'The model\'s name within the run (runs:/RUN_ID/NAME finds it)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l flavor -d 'The flavor of a bare model file: onnx or sklearn [default: from the file extension]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l signature -d 'A JSON file {"inputs": [...], "outputs": [...], "params": [...]} in MLflow\'s schema format' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l input-example -d 'A JSON file with an input example (a list for tensors, {"columns", "data"} for a dataframe)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l python-version -d 'Python version for the environment files (python_env.yaml, conda.yaml), e.g. 3.11.7' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l register -d 'Also register the logged model under this name' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s m -l model-uri -d 'The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or a path (a model folder, or a bare .onnx file)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l host -d 'Address to listen on' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s p -l port -d 'Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s w -l workers -d 'Python worker processes (python_function models), or requests scored at once (ONNX) [default: 1 for Python, the number of CPUs for ONNX]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l env-manager -d 'How to build the model\'s Python environment (ignored for ONNX, which needs no Python)' -r -f -a "local\t'Use the Python on PATH as it is'
uv\t'Build the model\'s python_env.yaml with uv (cached)'
virtualenv\t'Build the model\'s python_env.yaml as a virtualenv (with uv when on PATH; cached)'
conda\t'Build the model\'s conda.yaml with conda, mamba or micromamba (cached)'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s t -l timeout -d 'Seconds a request may take before it is answered 504 (its worker is then restarted)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l batch-size -d 'Let one model call score up to N queued requests together (their rows joined, scored once, split back; only requests with the same columns and no params). Much higher throughput under load, for models that score each row on its own (sklearn, xgboost, …); the last digits of floating-point results may differ from scoring each request alone, as BLAS sums a larger batch in another order. Off by default' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l max-body-size -d 'Largest request body accepted, in bytes (larger ones get 413)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s m -l model-uri -d 'The model (see `serve`)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s i -l input-path -d 'The input file [default: stdin]' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s o -l output-path -d 'Where to write the predictions [default: stdout]' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s t -l content-type -d 'The input\'s format' -r -f -a "json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -l env-manager -d 'How to build the model\'s Python environment (ignored for ONNX)' -r -f -a "local\t'Use the Python on PATH as it is'
uv\t'Build the model\'s python_env.yaml with uv (cached)'
virtualenv\t'Build the model\'s python_env.yaml as a virtualenv (with uv when on PATH; cached)'
conda\t'Build the model\'s conda.yaml with conda, mamba or micromamba (cached)'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from predict" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -s m -l model-uri -d 'The model (any URI `models serve` takes)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l data -d 'The evaluation data: a CSV file with a header row' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l targets -d 'The column holding the targets (left out of what the model sees)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l model-type -d 'Which of MLflow\'s default metric sets to compute' -r -f -a "classifier\t''
regressor\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l run-id -d 'Log into this run (it stays as it is) instead of a new run' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l baseline -d 'Also evaluate this model on the same data and show it beside (its metrics are not logged)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l threshold -d 'A gate METRIC>=VALUE (or <=, >, <, ==), repeatable: exit 3 when the model falls short' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l env-manager -d 'How to build a python_function model\'s environment (ignored for ONNX)' -r -f -a "local\t'Use the Python on PATH as it is'
uv\t'Build the model\'s python_env.yaml with uv (cached)'
virtualenv\t'Build the model\'s python_env.yaml as a virtualenv (with uv when on PATH; cached)'
conda\t'Build the model\'s conda.yaml with conda, mamba or micromamba (cached)'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from evaluate" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -s m -l model-uri -d 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -l base-image -d 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -l mlrun-binary -d 'The mlrun binary to put in the image [default: this one]' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -s d -l output-directory -d 'The folder to write the build context into (new or empty)' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from generate-dockerfile" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -s m -l model-uri -d 'The model to bake in (any URI `models serve` takes); without it, the image serves the model mounted at /opt/ml/model when it starts' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l base-image -d 'The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim otherwise]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l mlrun-binary -d 'The mlrun binary to put in the image [default: this one]' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -s n -l name -d 'The image name (and tag)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l engine -d 'The engine that builds: docker, podman or buildah [default: the first found on PATH]' -r -f -a "docker\t''
podman\t''
buildah\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from build-docker" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a registered model; prints its name'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "list" -d 'List registered models (prompts excluded), by name'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search registered models with MLflow\'s filter and order-by syntax'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a registered model: description, tags, aliases, latest version per stage'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a registered model (its versions, tags and aliases move with it)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a registered model and all its versions'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on a registered model, or on one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag from a registered model, or from one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change the description of a registered model, or of one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a model as a new version; prints the version number'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "versions" -d 'List the versions of a model (or of all models), newest change first'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "version" -d 'Show one model version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "set-alias" -d 'Point an alias (e.g. champion) at a version'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-alias" -d 'Remove an alias'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "transition" -d 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-version" -d 'Delete a model version (its number is never reused; its aliases are removed)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "download" -d 'Copy a model\'s files to a folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "log" -d 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show a model\'s flavors, signature and input example'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve a model over MLflow\'s scoring protocol (POST /invocations, /ping, /health, /version)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "predict" -d 'Score a JSON or CSV file with a model, as `serve` would, without a server'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "evaluate" -d 'Score a model on a CSV file and log MLflow\'s default metrics for it (a CI gate with --threshold)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "generate-dockerfile" -d 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "build-docker" -d 'Build an image serving the model on port 8080 (docker, podman or buildah)'
complete -c mlrun -n "__fish_mlrun_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l host -d 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read the store and rename, tag or delete its runs' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l port -d 'Port to listen on (0 picks a free one; the URL is printed on stdout)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -l open -d 'Open the UI in the default browser'
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand ui" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l backend-store-uri -d 'The store to serve: a folder, file: URI, sqlite:/// or postgresql:// database [default: --tracking-uri, else ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l host -d 'Address to listen on. Loopback by default: any other address lets everyone who can reach it read and write the store' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -s p -l port -d 'Port to listen on (0 picks a free one; the URL is printed on stdout)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l artifacts-destination -d 'Where proxied artifacts are stored' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -s w -l workers -d 'Requests handled at once' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l allowed-hosts -d 'Host headers to accept, comma-separated (`mlflow.example.com,10.0.0.5:*`; `*` matches any run of characters, `*` alone any Host). Default: the address listened on (and localhost on loopback), or any Host when listening on every address' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l auth-file -d 'Require HTTP basic auth from the users of this htpasswd file (bcrypt lines only: make one with `htpasswd -nB USER`). MLflow\'s clients send MLFLOW_TRACKING_USERNAME/PASSWORD. Read once at start' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l serve-artifacts -d 'Proxy artifacts through this server (the default): new experiments get `mlflow-artifacts:/<id>` locations, stored under --artifacts-destination'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l no-serve-artifacts -d 'Do not serve artifacts: clients read and write experiments\' artifact locations themselves'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l read-only -d 'Refuse every write with PERMISSION_DENIED'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -l no-ui -d 'Do not serve the web UI at / (served by default, as `mlflow server` serves its UI): only MLflow\'s REST API, /health and /version'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand server" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l experiment-id -d 'Experiment id to report on (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l experiment-name -d 'Experiment name to report on (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s f -l filter -d 'MLflow filter, e.g. "metrics.acc > 0.9 and params.model = \'cnn\'"' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l order-by -d 'Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l max-results -d 'Most runs in the report' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s c -l columns -d 'Table columns, as `runs search --columns` takes them [default: run_id, run_name, status, start_time, then every metric and param]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l metrics -d 'Metrics to chart, comma-separated [default: the first four metrics]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l chart-runs -d 'Runs drawn on each chart: the first N in the report\'s order' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s o -l out -d 'Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs table on stdout instead' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand report" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -l experiment -d 'Only this experiment (by name; repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -l dry-run -d 'Show what would be copied and write nothing'
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand sync" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand migrate" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l tracking-uri -d 'Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s):// tracking server [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l output -d 'Output format for commands that show data' -r -f -a "table\t'Aligned columns, cut with `…` to fit the terminal (never cut when piped)'
json\t'JSON in MLflow\'s REST shapes'
csv\t'CSV with a header row'
markdown\t'A GitHub-flavoured markdown table (for CI summaries), never cut'"
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "experiments" -d 'Create, list and change experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "runs" -d 'Start, end, list and change runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-param" -d 'Log one param to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-params" -d 'Log several params (K=V...) to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-metric" -d 'Log one metric point to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-metrics" -d 'Log several metrics (K=V...) at one step'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-batch" -d 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "log-input" -d 'Record a dataset input of a run, as mlflow.log_input does'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "artifacts" -d 'Log, list and download a run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "compare" -d 'Compare runs side by side: one row per param and metric, the best value marked'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "diff" -d 'What changed between two runs: params, metrics, tags and artifacts (by size and hash)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "exec" -d 'Run any command inside a new run: params, source and git state, teed output, metrics from output'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "run" -d 'Run an MLflow project\'s entry point in a new run (MLproject, env managers, git, sweeps)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "metrics" -d 'Metric histories as tables or terminal charts'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "gc" -d 'Permanently remove deleted runs and experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "doctor" -d 'Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments, damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun); --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "models" -d 'The model registry and models: register, version, alias, stage, log, download, inspect'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "ui" -d 'Serve the web UI: experiments, runs, charts, compare and the registry, in a browser'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "server" -d 'Serve MLflow\'s tracking REST API over a store (folder or database), with the artifact proxy, for MLflow\'s own clients: point MLFLOW_TRACKING_URI at the URL it prints'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "report" -d 'Write a self-contained HTML report of a runs search (or print its table as markdown)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "sync" -d 'Copy experiments, runs and registered models between stores (folders or servers), idempotently'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "migrate" -d 'Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and times kept'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch log-input artifacts compare diff exec run metrics gc doctor models ui server report sync migrate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "search" -d 'Search experiments with MLflow\'s filter grammar and order'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "search" -d 'Search runs with MLflow\'s filter grammar and order-by; tables show chosen columns'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "rerun" -d 'Run a project run again: its recorded URI, version, entry point and params (-P changes some)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "download" -d 'Download an artifact file or folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "history" -d 'Show the full history of metrics: a table, CSV, JSON, or a chart with --plot'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "create" -d 'Create a registered model; prints its name'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "list" -d 'List registered models (prompts excluded), by name'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "search" -d 'Search registered models with MLflow\'s filter and order-by syntax'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "describe" -d 'Show a registered model: description, tags, aliases, latest version per stage'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "rename" -d 'Rename a registered model (its versions, tags and aliases move with it)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete" -d 'Delete a registered model and all its versions'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "set-tag" -d 'Set a tag on a registered model, or on one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-tag" -d 'Delete a tag from a registered model, or from one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "update" -d 'Change the description of a registered model, or of one version with --version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "register" -d 'Register a model as a new version; prints the version number'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "versions" -d 'List the versions of a model (or of all models), newest change first'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "version" -d 'Show one model version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "set-alias" -d 'Point an alias (e.g. champion) at a version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-alias" -d 'Remove an alias'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "transition" -d 'Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-version" -d 'Delete a model version (its number is never reused; its aliases are removed)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "download" -d 'Copy a model\'s files to a folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "log" -d 'Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "inspect" -d 'Show a model\'s flavors, signature and input example'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "serve" -d 'Serve a model over MLflow\'s scoring protocol (POST /invocations, /ping, /health, /version)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "predict" -d 'Score a JSON or CSV file with a model, as `serve` would, without a server'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "evaluate" -d 'Score a model on a CSV file and log MLflow\'s default metrics for it (a CI gate with --threshold)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "generate-dockerfile" -d 'Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "build-docker" -d 'Build an image serving the model on port 8080 (docker, podman or buildah)'
