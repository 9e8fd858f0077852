#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap model. tests/cli.rs fails when they are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/mlrun
$bin completions bash > completions/mlrun.bash
$bin completions zsh > completions/_mlrun
$bin completions fish > completions/mlrun.fish
$bin completions powershell > completions/_mlrun.ps1
$bin completions elvish > completions/mlrun.elv
$bin man > man/mlrun.1
