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

complete -c mlrun -n "__fish_mlrun_needs_command" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_needs_command" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
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
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "artifacts" -d 'Log, list and download a run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "gc" -d 'Permanently remove deleted runs and experiments'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c mlrun -n "__fish_mlrun_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and not __fish_seen_subcommand_from create list describe rename delete restore set-tag delete-tag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l artifact-location -d 'Where the experiment\'s artifacts go (a path or URI)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l tag -d 'A tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l view -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and not __fish_seen_subcommand_from start end describe list delete restore set-tag delete-tag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l name -d 'Run name [default: a random adjective-noun-number]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l parent-run-id -d 'Parent run, for nested runs' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l tag -d 'A tag K=V (repeatable)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l status -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from end" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l experiment-id -d 'Experiment id [env: MLFLOW_EXPERIMENT_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l experiment-name -d 'Experiment name [env: MLFLOW_EXPERIMENT_NAME]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l view -r -f -a "active\t''
deleted\t''
all\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-param" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-params" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l step -d 'Step (an integer)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l timestamp -d 'Timestamp in milliseconds since the epoch [default: now]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metric" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l step -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l timestamp -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-metrics" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand set-tag" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand log-batch" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "download" -d 'Download an artifact file or folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and not __fish_seen_subcommand_from log list download help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l artifact-path -d 'Folder inside the run\'s artifacts' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l run-id -d 'The run [env: MLFLOW_RUN_ID]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l dest -d 'Where to put it' -r -F
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l uri -d 'runs:/RUN_ID/path instead of --run-id and PATH' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download an artifact file or folder'
complete -c mlrun -n "__fish_mlrun_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l older-than -d 'Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l run-ids -d 'Comma-separated run ids to remove (must be deleted)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l experiment-ids -d 'Comma-separated experiment ids to remove (must be deleted)' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand gc" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l tracking-uri -d 'Tracking store: a local path or a file: URI [default: ./mlruns]' -r
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l output -d 'Output format for commands that show data' -r -f -a "table\t''
json\t''
csv\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s q -l quiet -d 'Print no status messages on stderr'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s h -l help -d 'Print help'
complete -c mlrun -n "__fish_mlrun_using_subcommand man" -s V -l version -d 'Print version'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "experiments" -d 'Create, list and change experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "runs" -d 'Start, end, list and change runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "log-param" -d 'Log one param to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "log-params" -d 'Log several params (K=V...) to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "log-metric" -d 'Log one metric point to a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "log-metrics" -d 'Log several metrics (K=V...) at one step'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "log-batch" -d 'Stream MLflow LogBatch JSON objects (one object, or one per line) into a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "artifacts" -d 'Log, list and download a run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "gc" -d 'Permanently remove deleted runs and experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and not __fish_seen_subcommand_from experiments runs log-param log-params log-metric log-metrics set-tag log-batch artifacts gc completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "create" -d 'Create an experiment; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "list" -d 'List experiments'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "describe" -d 'Show one experiment, by id or name'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "rename" -d 'Rename an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete" -d 'Delete an experiment (moves it to .trash; `gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "restore" -d 'Restore a deleted experiment and its runs'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete-tag" -d 'Delete a tag from an experiment'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "start" -d 'Start a run; prints its id'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "end" -d 'End a run (default status FINISHED)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "describe" -d 'Show a run: info, params, latest metrics and tags'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "list" -d 'List runs of an experiment, newest first'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete" -d 'Delete a run (`gc` removes it for good)'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "set-tag" -d 'Set a tag on a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete-tag" -d 'Delete a tag from a run'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "log" -d 'Log files and folders (a folder\'s contents) into the run\'s artifacts'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "list" -d 'List artifacts at a path'
complete -c mlrun -n "__fish_mlrun_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "download" -d 'Download an artifact file or folder'
