//! Environment variable names, in one place.
pub const TRACKING_URI: &str = "MLFLOW_TRACKING_URI";
pub const RUN_ID: &str = "MLFLOW_RUN_ID";
pub const EXPERIMENT_ID: &str = "MLFLOW_EXPERIMENT_ID";
pub const EXPERIMENT_NAME: &str = "MLFLOW_EXPERIMENT_NAME";
pub const TRACKING_USERNAME: &str = "MLFLOW_TRACKING_USERNAME";
pub const NO_COLOR: &str = "NO_COLOR";
/// Terminal size, read before asking the terminal (as most CLIs do) so a user or a test can pin it.
pub const COLUMNS: &str = "COLUMNS";
pub const LINES: &str = "LINES";
/// `mlrun run`: the shell for `.sh` entry points (MLflow's choice), the root of cached environments
/// (shared with MLflow's name), the file-store opt-in MLflow 3 needs, and this binary for children.
pub const SHELL: &str = "SHELL";
pub const ENV_ROOT: &str = "MLFLOW_ENV_ROOT";
pub const ALLOW_FILE_STORE: &str = "MLFLOW_ALLOW_FILE_STORE";
/// `false`/`0`: over-long param and tag values are refused instead of truncated.
pub const TRUNCATE_LONG_VALUES: &str = "MLFLOW_TRUNCATE_LONG_VALUES";
pub const MLRUN: &str = "MLRUN";
/// Talking to a tracking server (spec §7.2): credentials, TLS, retries and timeout.
pub const TRACKING_PASSWORD: &str = "MLFLOW_TRACKING_PASSWORD";
pub const TRACKING_TOKEN: &str = "MLFLOW_TRACKING_TOKEN";
pub const TRACKING_INSECURE_TLS: &str = "MLFLOW_TRACKING_INSECURE_TLS";
pub const TRACKING_SERVER_CERT_PATH: &str = "MLFLOW_TRACKING_SERVER_CERT_PATH";
pub const TRACKING_CLIENT_CERT_PATH: &str = "MLFLOW_TRACKING_CLIENT_CERT_PATH";
pub const HTTP_REQUEST_MAX_RETRIES: &str = "MLFLOW_HTTP_REQUEST_MAX_RETRIES";
pub const HTTP_REQUEST_BACKOFF_FACTOR: &str = "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR";
pub const HTTP_REQUEST_TIMEOUT: &str = "MLFLOW_HTTP_REQUEST_TIMEOUT";
/// Hidden test hooks, as jj's `JJ_TIMESTAMP`/`JJ_RANDOMNESS_SEED`: pin the library's clock at this
/// many milliseconds since the epoch (each read then moves it on by 1 ms), and seed every generated
/// id and run name, so a test's store and output are the same on every run. Commands mlrun starts
/// get pinnings drawn from these (`cli::child_pins`). Unset (or empty), they change nothing.
pub const TEST_TIMESTAMP: &str = "MLRUN_TEST_TIMESTAMP";
pub const TEST_SEED: &str = "MLRUN_TEST_SEED";
