//! The `MLproject` file: found case-insensitively in the project root, read as YAML, with MLflow's
//! rules and messages (`mlflow/projects/_project_spec.py`). Parameter values are turned into the
//! shell-quoted strings MLflow substitutes into commands and logs as params.
use super::quote::{format_named, shlex_quote};
use super::{ProjectError, Result};
use serde_norway::Value;
use std::path::{Component, Path, PathBuf};

pub const PYTHON_ENV_FILE: &str = "python_env.yaml";
pub const CONDA_ENV_FILE: &str = "conda.yaml";

#[derive(Debug, Clone)]
pub struct Project {
    /// The project root (absolute).
    pub dir: PathBuf,
    pub name: Option<String>,
    pub env: ProjectEnv,
    /// Declared entry points, in file order.
    pub entry_points: Vec<EntryPoint>,
}

/// The environment the project asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum ProjectEnv {
    /// `python_env: file`, or a `python_env.yaml` in the root; `None` is MLflow's default python env.
    Python(Option<PathBuf>),
    /// `conda_env: file`, or a `conda.yaml` in the root.
    Conda(PathBuf),
    Docker(DockerEnv),
}

#[derive(Debug, Clone, PartialEq)]
pub struct DockerEnv {
    pub image: String,
    pub volumes: Vec<String>,
    pub environment: Vec<DockerEnvVar>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DockerEnvVar {
    /// `["NAME", "value"]`: set a new variable in the container.
    Set(String, String),
    /// `"NAME"`: copy the host's value (an error if the host has none).
    Copy(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntryPoint {
    pub name: String,
    pub parameters: Vec<Parameter>,
    pub command: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub ty: ParamType,
    /// The default as Python's `str()` would render it; `None` makes the parameter required.
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParamType {
    String,
    /// Not validated, as in MLflow.
    Float,
    /// A local path (relative to the caller's directory, made absolute); must exist.
    Path,
    /// Must have a URI scheme.
    Uri,
    /// Any other type name: passed through like `string`, as MLflow does.
    Other(String),
}

impl ParamType {
    fn parse(s: &str) -> Self {
        match s {
            "string" => Self::String,
            "float" => Self::Float,
            "path" => Self::Path,
            "uri" => Self::Uri,
            other => Self::Other(other.to_string()),
        }
    }
}

/// Finds the `MLproject` file in `dir`, matching the name case-insensitively as MLflow does.
pub fn find_mlproject(dir: &Path) -> Result<Option<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| ProjectError::io(dir, e))?;
    let mut names: Vec<_> = entries.flatten().map(|e| e.file_name()).collect();
    names.sort();
    Ok(names
        .into_iter()
        .find(|n| n.to_string_lossy().to_lowercase() == "mlproject")
        .map(|n| dir.join(n)))
}

/// Python's `str()` of a YAML scalar as PyYAML loads it.
fn py_str(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                crate::pyfloat::format(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => s.clone(),
        Value::Tagged(t) => return py_str(&t.value),
        other => serde_json::to_string(other).unwrap_or_default(),
    })
}

fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// Loads the project in `dir` (which must exist). A folder without an `MLproject` file is a
/// project with no declared entry points, whose scripts can still be run by file name.
pub fn load_project(dir: &Path) -> Result<Project> {
    let dir = dir.to_path_buf();
    let file = find_mlproject(&dir)?;
    let yaml: Value = match &file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| ProjectError::io(path, e))?;
            let v: Value =
                serde_norway::from_str(&text).map_err(|e| ProjectError::InvalidFile {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
            if v.is_null() {
                Value::Mapping(Default::default())
            } else {
                v
            }
        }
        None => Value::Mapping(Default::default()),
    };
    let invalid = |message: String| ProjectError::InvalidFile {
        path: file.clone().unwrap_or_else(|| dir.clone()),
        message,
    };
    let map = yaml
        .as_mapping()
        .ok_or_else(|| invalid("the MLproject file must be a YAML mapping".into()))?;
    let get = |k: &str| map.get(k).filter(|v| !v.is_null());

    let env_fields: Vec<&str> = ["docker_env", "python_env", "conda_env"]
        .into_iter()
        .filter(|k| map.contains_key(*k))
        .collect();
    if env_fields.len() > 1 {
        return Err(ProjectError::Execution(format!(
            "Project cannot contain multiple environment fields: {{{}}}",
            env_fields
                .iter()
                .map(|f| format!("'{f}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }

    let name = get("name").and_then(py_str);
    let mut entry_points = Vec::new();
    if let Some(eps) = get("entry_points") {
        let eps = eps
            .as_mapping()
            .ok_or_else(|| invalid("entry_points must be a mapping".into()))?;
        for (k, v) in eps {
            let ep_name = py_str(k).unwrap_or_default();
            let bad = |m: &str| invalid(format!("entry point '{ep_name}': {m}"));
            let params_yaml = v.get("parameters").filter(|p| !p.is_null());
            let mut parameters = Vec::new();
            if let Some(p) = params_yaml {
                let p = p
                    .as_mapping()
                    .ok_or_else(|| bad("parameters must be a mapping"))?;
                for (pk, pv) in p {
                    let pname = py_str(pk).unwrap_or_default();
                    let param = match pv {
                        Value::String(ty) => Parameter {
                            name: pname,
                            ty: ParamType::parse(ty),
                            default: None,
                        },
                        Value::Mapping(m) => Parameter {
                            name: pname,
                            ty: ParamType::parse(
                                m.get("type").and_then(as_str).unwrap_or("string"),
                            ),
                            default: m.get("default").and_then(py_str),
                        },
                        _ => {
                            return Err(bad(&format!(
                                "parameter '{pname}' must be a type name or a mapping with type and default"
                            )))
                        }
                    };
                    parameters.push(param);
                }
            }
            let command = v
                .get("command")
                .and_then(py_str)
                .ok_or_else(|| bad("no command"))?;
            entry_points.push(EntryPoint {
                name: ep_name,
                parameters,
                command,
            });
        }
    }

    let env = if let Some(d) = get("docker_env") {
        ProjectEnv::Docker(parse_docker_env(d)?)
    } else if let Some(p) = get("python_env") {
        let path = dir.join(py_str(p).unwrap_or_default());
        if !path.exists() {
            return Err(ProjectError::Execution(format!(
                "Project specified python_env file {}, but no such file was found.",
                path.display()
            )));
        }
        ProjectEnv::Python(Some(path))
    } else if let Some(c) = get("conda_env") {
        let path = dir.join(py_str(c).unwrap_or_default());
        if !path.exists() {
            return Err(ProjectError::Execution(format!(
                "Project specified conda environment file {}, but no such file was found.",
                path.display()
            )));
        }
        ProjectEnv::Conda(path)
    } else if dir.join(PYTHON_ENV_FILE).exists() {
        ProjectEnv::Python(Some(dir.join(PYTHON_ENV_FILE)))
    } else if dir.join(CONDA_ENV_FILE).exists() {
        ProjectEnv::Conda(dir.join(CONDA_ENV_FILE))
    } else {
        ProjectEnv::Python(None)
    };
    Ok(Project {
        dir,
        name,
        env,
        entry_points,
    })
}

fn parse_docker_env(d: &Value) -> Result<DockerEnv> {
    let image = d.get("image").and_then(py_str).filter(|s| !s.is_empty());
    let Some(image) = image else {
        return Err(ProjectError::Execution(
            "Project configuration (MLproject file) was invalid: Docker environment specified but no image attribute found.".into(),
        ));
    };
    let mut volumes = Vec::new();
    if let Some(v) = d.get("volumes").filter(|v| !v.is_null()) {
        let list = v.as_sequence().filter(|s| s.iter().all(|i| i.is_string()));
        let Some(list) = list else {
            return Err(ProjectError::Execution(
                "Project configuration (MLproject file) was invalid: Docker volumes must be a list of strings, e.g.: '[\"/path1/:/path1\", \"/path2/:/path2\"])".into(),
            ));
        };
        volumes = list.iter().filter_map(py_str).collect();
    }
    let mut environment = Vec::new();
    if let Some(v) = d.get("environment").filter(|v| !v.is_null()) {
        let bad = || {
            ProjectError::Execution(
                "Project configuration (MLproject file) was invalid: environment must be a list containing either strings (to copy environment variables from host system) or lists of string pairs (to define new environment variables).E.g.: '[[\"NEW_VAR\", \"new_value\"], \"VAR_TO_COPY_FROM_HOST\"])".into(),
            )
        };
        for item in v.as_sequence().ok_or_else(bad)? {
            match item {
                Value::String(s) => environment.push(DockerEnvVar::Copy(s.clone())),
                Value::Sequence(pair) if pair.len() >= 2 => environment.push(DockerEnvVar::Set(
                    py_str(&pair[0]).unwrap_or_default(),
                    py_str(&pair[1]).unwrap_or_else(|| "None".into()),
                )),
                _ => return Err(bad()),
            }
        }
    }
    Ok(DockerEnv {
        image,
        volumes,
        environment,
    })
}

impl Project {
    /// The entry point called `name`, or a script file run directly (`.py` with `python`, `.sh`
    /// with `shell`, MLflow's `$SHELL` defaulting to `bash`).
    pub fn entry_point(&self, name: &str, shell: &str) -> Result<EntryPoint> {
        if let Some(ep) = self.entry_points.iter().find(|e| e.name == name) {
            return Ok(ep.clone());
        }
        let ext = Path::new(name)
            .extension()
            .map(|e| e.to_string_lossy().to_string());
        let command = match ext.as_deref() {
            Some("py") => format!("python {}", shlex_quote(name)),
            Some("sh") => format!("{shell} {}", shlex_quote(name)),
            Some("R") => format!(
                "Rscript -e \"mlflow::mlflow_source('{}')\" --args",
                shlex_quote(name)
            ),
            _ => {
                return Err(ProjectError::Execution(format!(
                    "Could not find {name} among entry points [{}] or interpret {name} as a runnable script. Supported script file extensions: ['.py', '.sh']",
                    self.entry_points
                        .iter()
                        .map(|e| format!("'{}'", e.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                )))
            }
        };
        Ok(EntryPoint {
            name: name.to_string(),
            parameters: Vec::new(),
            command,
        })
    }
}

/// Parameter values ready for the shell: declared ones (in declaration order) and extras (in the
/// order given), keys and values as MLflow quotes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub params: Vec<(String, String)>,
    pub extras: Vec<(String, String)>,
}

impl Computed {
    /// Every value as MLflow logs it: declared then extra params, shell-quoted.
    pub fn logged(&self) -> Vec<(String, String)> {
        self.params.iter().chain(&self.extras).cloned().collect()
    }
}

impl EntryPoint {
    /// MLflow's `_validate_parameters`: every parameter without a default must be given.
    pub fn validate(&self, user: &[(String, String)]) -> Result<()> {
        let missing: Vec<String> = self
            .parameters
            .iter()
            .filter(|p| p.default.is_none() && !user.iter().any(|(k, _)| k == &p.name))
            .map(|p| p.name.clone())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ProjectError::MissingParameters { names: missing })
        }
    }

    /// MLflow's `compute_parameters`. With `cwd` given, `path` values are resolved against it (they
    /// must exist) as for the command; without it they stay as given, as for logging.
    pub fn compute(&self, user: &[(String, String)], cwd: Option<&Path>) -> Result<Computed> {
        self.validate(user)?;
        let mut params = Vec::new();
        for (i, p) in self.parameters.iter().enumerate() {
            let value = user
                .iter()
                .find(|(k, _)| k == &p.name)
                .map(|(_, v)| v.clone())
                .or_else(|| p.default.clone())
                .unwrap_or_default();
            let value = match (&p.ty, cwd) {
                (ParamType::Path, Some(cwd)) => resolve_path(&p.name, &value, cwd, i)?,
                (ParamType::Uri, _) => {
                    if url_scheme(&value).is_none() {
                        return Err(ProjectError::Execution(format!(
                            "Expected URI for parameter {} but got {value}",
                            p.name
                        )));
                    }
                    value
                }
                _ => value,
            };
            params.push((p.name.clone(), shlex_quote(&value)));
        }
        let extras = user
            .iter()
            .filter(|(k, _)| !self.parameters.iter().any(|p| &p.name == k))
            .map(|(k, v)| (shlex_quote(k), shlex_quote(v)))
            .collect();
        Ok(Computed { params, extras })
    }

    /// MLflow's `compute_command`: the template filled in, then ` --key value` per extra param.
    pub fn command_line(&self, computed: &Computed) -> Result<String> {
        let lookup = |k: &str| {
            computed
                .params
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
        };
        let mut line = format_named(&self.command, &lookup)?;
        for (k, v) in &computed.extras {
            line.push_str(&format!(" --{k} {v}"));
        }
        Ok(line)
    }
}

/// `urllib.parse.urlparse(s).scheme`, lowercased, when there is one.
pub fn url_scheme(s: &str) -> Option<String> {
    let i = s.find(':')?;
    let scheme = &s[..i];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

fn resolve_path(name: &str, value: &str, cwd: &Path, _index: usize) -> Result<String> {
    let scheme = url_scheme(value);
    let local = match scheme.as_deref() {
        None => Some(PathBuf::from(value)),
        Some("file") if !value.starts_with("file://") || value.starts_with("file:///") => {
            crate::uri::local_path_from_uri(value).ok()
        }
        _ => None,
    };
    let Some(local) = local else {
        return Err(ProjectError::Execution(format!(
            "Got value {value} for parameter {name}, a remote URI: mlrun does not download path parameters; download it and pass the local path"
        )));
    };
    let abs = normalize(&cwd.join(&local));
    if !abs.exists() {
        return Err(ProjectError::Execution(format!(
            "Got value {value} for parameter {name}, but no such file or directory was found."
        )));
    }
    Ok(abs.to_string_lossy().into_owned())
}

/// `os.path.normpath` of an absolute path: `.` and `..` removed lexically.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(text: &str) -> (tempfile::TempDir, Project) {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("MLProject"), text).unwrap();
        let p = load_project(d.path()).unwrap();
        (d, p)
    }

    fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const SPEC: &str = r#"
name: demo
entry_points:
  main:
    parameters:
      alpha: {type: float, default: 0.1}
      name: {type: string, default: "hello world"}
      n: {default: 5}
      flag: {default: true}
      data: {type: path, default: data.txt}
      req: float
      u: {type: uri, default: "s3://b/k"}
    command: "python train.py --alpha {alpha} --name {name} {{literal}} {data}"
  other:
    command: echo hi
"#;

    #[test]
    fn parses_entry_points_types_and_defaults() {
        let (_d, p) = project(SPEC);
        assert_eq!(p.name.as_deref(), Some("demo"));
        assert_eq!(p.env, ProjectEnv::Python(None));
        let names: Vec<_> = p.entry_points.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["main", "other"]);
        let main = &p.entry_points[0];
        let get = |n: &str| main.parameters.iter().find(|p| p.name == n).unwrap();
        assert_eq!(get("alpha").ty, ParamType::Float);
        assert_eq!(get("alpha").default.as_deref(), Some("0.1"));
        // Python's str() of what PyYAML loads: 5 -> "5", true -> "True".
        assert_eq!(get("n").default.as_deref(), Some("5"));
        assert_eq!(get("n").ty, ParamType::String);
        assert_eq!(get("flag").default.as_deref(), Some("True"));
        assert_eq!(get("req").default, None);
        assert_eq!(get("req").ty, ParamType::Float);
    }

    #[test]
    fn missing_and_typed_params_use_mlflow_messages() {
        let (d, p) = project(SPEC);
        let main = p.entry_point("main", "bash").unwrap();
        let e = main.compute(&[], None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "No value given for missing parameters: 'req'"
        );
        let e = main
            .compute(&kv(&[("req", "1"), ("u", "nope")]), None)
            .unwrap_err();
        assert_eq!(e.to_string(), "Expected URI for parameter u but got nope");
        let e = main
            .compute(&kv(&[("req", "1")]), Some(d.path()))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Got value data.txt for parameter data, but no such file or directory was found."
        );
    }

    #[test]
    fn command_quotes_every_value_and_appends_extras() {
        let (d, p) = project(SPEC);
        std::fs::write(d.path().join("data.txt"), "").unwrap();
        let main = p.entry_point("main", "bash").unwrap();
        let user = kv(&[
            ("req", "1"),
            ("name", "$(touch pwned); rm -rf /"),
            ("extra", "a b"),
            ("x", "`id`\nls"),
        ]);
        let c = main.compute(&user, Some(d.path())).unwrap();
        let line = main.command_line(&c).unwrap();
        assert_eq!(
            line,
            format!(
                "python train.py --alpha 0.1 --name '$(touch pwned); rm -rf /' {{literal}} {} --extra 'a b' --x '`id`\nls'",
                d.path().join("data.txt").display()
            )
        );
        // Logged form: raw path, quoted values, declared then extras.
        let logged = main.compute(&user, None).unwrap().logged();
        assert!(logged.contains(&("data".into(), "data.txt".into())));
        assert!(logged.contains(&("name".into(), "'$(touch pwned); rm -rf /'".into())));
        assert_eq!(logged.last().unwrap(), &("x".into(), "'`id`\nls'".into()));
    }

    #[test]
    fn scripts_without_mlproject_and_unknown_entry_points() {
        let d = tempfile::tempdir().unwrap();
        let p = load_project(d.path()).unwrap();
        assert_eq!(
            p.entry_point("train.py", "bash").unwrap().command,
            "python train.py"
        );
        assert_eq!(
            p.entry_point("my run.sh", "/bin/zsh").unwrap().command,
            "/bin/zsh 'my run.sh'"
        );
        let e = p.entry_point("main", "bash").unwrap_err().to_string();
        assert!(
            e.starts_with("Could not find main among entry points []"),
            "{e}"
        );
    }

    #[test]
    fn environment_keys() {
        let (_d, p) = project("docker_env:\n  image: python:3.11\n  volumes: [\"/a:/b\"]\n  environment: [[\"X\", \"1\"], \"HOME\"]\n");
        assert_eq!(
            p.env,
            ProjectEnv::Docker(DockerEnv {
                image: "python:3.11".into(),
                volumes: vec!["/a:/b".into()],
                environment: vec![
                    DockerEnvVar::Set("X".into(), "1".into()),
                    DockerEnvVar::Copy("HOME".into())
                ],
            })
        );
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("mlproject"),
            "python_env: p.yaml\nconda_env: c.yaml\n",
        )
        .unwrap();
        let e = load_project(d.path()).unwrap_err().to_string();
        assert!(
            e.starts_with("Project cannot contain multiple environment fields"),
            "{e}"
        );
        std::fs::write(d.path().join("mlproject"), "python_env: p.yaml\n").unwrap();
        let e = load_project(d.path()).unwrap_err().to_string();
        assert!(e.contains("but no such file was found"), "{e}");
        std::fs::write(d.path().join("mlproject"), "docker_env: {volumes: [1]}\n").unwrap();
        let e = load_project(d.path()).unwrap_err().to_string();
        assert!(e.contains("no image attribute found"), "{e}");
        std::fs::write(d.path().join("mlproject"), "name: x\n").unwrap();
        std::fs::write(d.path().join("conda.yaml"), "name: x\n").unwrap();
        assert_eq!(
            load_project(d.path()).unwrap().env,
            ProjectEnv::Conda(d.path().join("conda.yaml"))
        );
    }

    #[test]
    fn schemes_like_urlparse() {
        assert_eq!(url_scheme("s3://b/k").as_deref(), Some("s3"));
        assert_eq!(url_scheme("File:///x").as_deref(), Some("file"));
        assert_eq!(url_scheme("data.txt"), None);
        assert_eq!(url_scheme("1a:b"), None);
        assert_eq!(url_scheme(":x"), None);
    }
}
