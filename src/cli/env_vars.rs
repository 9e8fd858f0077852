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
