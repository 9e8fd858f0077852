//! Model serving's core: MLflow's scoring protocol (payload parsing, signature checks, error bodies),
//! the pipe framing between the HTTP front and Python workers, native ONNX inference, the Python
//! worker pool and its supervision (`pool`), the workers' environment (`env`) and the request
//! handling on the HTTP front (`front`; the server itself is `crate::http`). `mlrun models predict`
//! and the server share one code path; nothing here prints or reads the environment.
pub mod container;
pub mod env;
pub mod front;
pub mod onnx;
pub mod pool;
pub mod protocol;
pub mod schema;

use crate::models::mlmodel::{MlModel, PYFUNC};
use crate::pyyaml::Value as Yaml;
use crate::store::{Result, StoreError};
use protocol::ModelInputs;
use schema::InputSchema;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The Python worker, embedded so the binary needs no files beside it.
pub const WORKER_PY: &str = include_str!("../../assets/serve/worker.py");

/// How a model is served.
#[derive(Debug, Clone, PartialEq)]
pub enum Backend {
    /// Natively, with no Python: the `.onnx` file.
    Onnx(PathBuf),
    /// By Python workers loading the model with `mlflow.pyfunc.load_model`.
    Pyfunc,
}

/// A model folder ready to serve: where it is, how, and what its inputs look like.
#[derive(Debug, Clone)]
pub struct ServedModel {
    pub dir: PathBuf,
    pub backend: Backend,
    pub inputs: ModelInputs,
    /// `python_env.yaml` / `conda.yaml` named by the pyfunc flavor, when present.
    pub python_env: Option<PathBuf>,
    pub conda_env: Option<PathBuf>,
    /// The pyfunc flavor's `loader_module`, e.g. `mlflow.sklearn`.
    pub loader_module: Option<String>,
}

impl ServedModel {
    /// Reads the model at `path`: a folder with an MLmodel file, or a bare `.onnx` file.
    pub fn open(path: &Path) -> Result<Self> {
        let bare = |dir: PathBuf, backend: Backend, inputs: ModelInputs| Self {
            dir,
            backend,
            inputs,
            python_env: None,
            conda_env: None,
            loader_module: None,
        };
        if path.is_file() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("onnx"))
            {
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let onnx = Backend::Onnx(path.to_path_buf());
                return Ok(bare(dir, onnx, ModelInputs::default()));
            }
            return Err(StoreError::InvalidParameter(format!(
                "'{}' is a file, and only .onnx files can be served without an MLmodel folder",
                path.display()
            )));
        }
        let m = MlModel::read(path)?;
        let schema = m
            .signature()
            .and_then(|s| s.inputs)
            .and_then(|s| InputSchema::parse(&s));
        let type_hint = matches!(m.get("is_signature_from_type_hint"), Some(Yaml::Bool(true)));
        let inputs = ModelInputs { schema, type_hint };
        let str_of = |cfg: &[(String, Yaml)], k: &str| {
            cfg.iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| match v {
                    Yaml::Str(s) => Some(s.clone()),
                    _ => None,
                })
        };
        // The onnx flavor is served natively even when a pyfunc flavor is there too.
        if let Some(onnx) = m.flavor("onnx") {
            if let Some(data) = str_of(&onnx.config, "data") {
                let file = path.join(data);
                if file.is_file() {
                    return Ok(bare(path.to_path_buf(), Backend::Onnx(file), inputs));
                }
            }
        }
        let Some(pyfunc) = m.flavor(PYFUNC) else {
            let names: Vec<String> = m.flavors().into_iter().map(|f| f.name).collect();
            return Err(StoreError::InvalidParameter(format!(
                "The model at '{}' has no python_function or onnx flavor (it has: {}), so it cannot be served",
                path.display(),
                names.join(", ")
            )));
        };
        let (mut python_env, mut conda_env) = (None, None);
        match pyfunc
            .config
            .iter()
            .find(|(k, _)| k == "env")
            .map(|(_, v)| v)
        {
            Some(Yaml::Map(env)) => {
                python_env = str_of(env, "virtualenv").map(|f| path.join(f));
                conda_env = str_of(env, "conda").map(|f| path.join(f));
            }
            Some(Yaml::Str(conda)) => conda_env = Some(path.join(conda)),
            _ => {}
        }
        let exists = |p: Option<PathBuf>| p.filter(|p| p.is_file());
        Ok(Self {
            dir: path.to_path_buf(),
            backend: Backend::Pyfunc,
            inputs,
            python_env: exists(python_env).or_else(|| exists(Some(path.join("python_env.yaml")))),
            conda_env: exists(conda_env).or_else(|| exists(Some(path.join("conda.yaml")))),
            loader_module: str_of(&pyfunc.config, "loader_module"),
        })
    }
}

/// Frames on the worker pipes: a 4-byte big-endian length, then that many bytes. Requests carry
/// one JSON document; replies start with a 2-byte big-endian HTTP status, then the body.
pub const MAX_FRAME: usize = 1 << 30;

pub fn write_frame(w: &mut impl Write, parts: &[&[u8]]) -> io::Result<()> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let len = u32::try_from(len).map_err(|_| io::Error::other("frame too large"))?;
    w.write_all(&len.to_be_bytes())?;
    for p in parts {
        w.write_all(p)?;
    }
    w.flush()
}

/// Reads one frame; `Ok(None)` at a clean end of stream.
pub fn read_frame(r: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let n = u32::from_be_bytes(len) as usize;
    if n > MAX_FRAME {
        return Err(io::Error::other(format!("frame of {n} bytes is too large")));
    }
    let mut buf = vec![0u8; n];
    r.read_exact(&mut buf)?;
    Ok(Some(buf))
}

/// Splits a worker reply into its HTTP status and body.
pub fn split_reply(frame: &[u8]) -> Option<(u16, &[u8])> {
    if frame.len() < 2 {
        return None;
    }
    Some((u16::from_be_bytes([frame[0], frame[1]]), &frame[2..]))
}

/// Splits a batch reply (a 200 frame whose body is a run of status (2 bytes), length (4 bytes) and
/// body entries) into one reply per request.
pub fn split_batch_reply(mut body: &[u8]) -> Option<Vec<(u16, Vec<u8>)>> {
    let mut out = Vec::new();
    while !body.is_empty() {
        if body.len() < 6 {
            return None;
        }
        let status = u16::from_be_bytes([body[0], body[1]]);
        let n = u32::from_be_bytes([body[2], body[3], body[4], body[5]]) as usize;
        let rest = &body[6..];
        if rest.len() < n {
            return None;
        }
        out.push((status, rest[..n].to_vec()));
        body = &rest[n..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let mut buf = Vec::new();
        write_frame(&mut buf, &[b"ab", b"c"]).unwrap();
        write_frame(&mut buf, &[&200u16.to_be_bytes(), b"{}"]).unwrap();
        let mut r = &buf[..];
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"abc");
        let reply = read_frame(&mut r).unwrap().unwrap();
        assert_eq!(split_reply(&reply), Some((200, &b"{}"[..])));
        assert!(read_frame(&mut r).unwrap().is_none());
    }

    #[test]
    fn batch_replies_split() {
        let mut body = Vec::new();
        for (st, b) in [(200u16, &b"{\"predictions\": [1]}"[..]), (400, b"{}")] {
            body.extend_from_slice(&st.to_be_bytes());
            body.extend_from_slice(&(b.len() as u32).to_be_bytes());
            body.extend_from_slice(b);
        }
        let parts = split_batch_reply(&body).unwrap();
        assert_eq!(parts[1], (400, b"{}".to_vec()));
        assert_eq!(parts[0].0, 200);
        assert!(split_batch_reply(&body[..5]).is_none());
    }
}
