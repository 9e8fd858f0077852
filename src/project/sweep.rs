//! Sweeps: `-P alpha=0.1,0.5 -P l1=0,1` or a grid file (a YAML/JSON map of lists) expanded into the
//! cross product, first axis slowest, in the order given.
use super::{ProjectError, Result};
use serde_norway::Value;
use std::path::Path;

/// One axis of a sweep: a parameter and its values.
pub type Axis = (String, Vec<String>);

/// `-P` pairs as axes: a value with commas is a list (`0.1,0.5` → two values).
pub fn axes_from_params(params: &[(String, String)]) -> Vec<Axis> {
    params
        .iter()
        .map(|(k, v)| (k.clone(), v.split(',').map(str::to_string).collect()))
        .collect()
}

/// A grid file: a map from parameter name to a list of values (a scalar is a list of one).
pub fn read_grid(path: &Path) -> Result<Vec<Axis>> {
    let text = std::fs::read_to_string(path).map_err(|e| ProjectError::io(path, e))?;
    let bad = |m: String| ProjectError::InvalidFile {
        path: path.to_path_buf(),
        message: m,
    };
    let v: Value = serde_norway::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let map = v.as_mapping().ok_or_else(|| {
        bad("a grid file is a map from parameter name to a list of values".into())
    })?;
    let scalar = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut axes = Vec::new();
    for (k, v) in map {
        let key = scalar(k).ok_or_else(|| bad("parameter names must be strings".into()))?;
        let values = match v {
            Value::Sequence(items) => items
                .iter()
                .map(|i| scalar(i).ok_or_else(|| bad(format!("'{key}': values must be scalars"))))
                .collect::<Result<Vec<_>>>()?,
            other => {
                vec![scalar(other).ok_or_else(|| bad(format!("'{key}': values must be scalars")))?]
            }
        };
        if values.is_empty() {
            return Err(bad(format!("'{key}' has no values")));
        }
        axes.push((key, values));
    }
    Ok(axes)
}

/// Joins grid-file axes and `-P` axes; a name in both is an error.
pub fn merge(grid: Vec<Axis>, params: Vec<Axis>) -> Result<Vec<Axis>> {
    let mut out = grid;
    for (k, v) in params {
        if out.iter().any(|(n, _)| n == &k) {
            return Err(ProjectError::Grid(format!(
                "parameter '{k}' is given both in the grid file and with -P"
            )));
        }
        out.push((k, v));
    }
    Ok(out)
}

/// The cross product: one parameter list per combination, first axis slowest.
pub fn expand(axes: &[Axis]) -> Vec<Vec<(String, String)>> {
    let mut combos: Vec<Vec<(String, String)>> = vec![vec![]];
    for (k, values) in axes {
        combos = combos
            .into_iter()
            .flat_map(|c| {
                values.iter().map(move |v| {
                    let mut c = c.clone();
                    c.push((k.clone(), v.clone()));
                    c
                })
            })
            .collect();
    }
    combos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_product_in_order() {
        let axes = axes_from_params(&[
            ("alpha".into(), "0.1,0.5,1.0".into()),
            ("l1".into(), "0,1".into()),
            ("fixed".into(), "x".into()),
        ]);
        let combos = expand(&axes);
        assert_eq!(combos.len(), 6);
        let s = |c: &Vec<(String, String)>| {
            c.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(s(&combos[0]), "alpha=0.1 l1=0 fixed=x");
        assert_eq!(s(&combos[1]), "alpha=0.1 l1=1 fixed=x");
        assert_eq!(s(&combos[5]), "alpha=1.0 l1=1 fixed=x");
        assert_eq!(expand(&[]), vec![Vec::<(String, String)>::new()]);
    }

    #[test]
    fn grid_files_keep_commas_and_refuse_clashes() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("grid.yaml");
        std::fs::write(&f, "layers: [\"64,32\", \"128\"]\nlr: 0.1\n").unwrap();
        let axes = read_grid(&f).unwrap();
        assert_eq!(
            axes,
            vec![
                (
                    "layers".to_string(),
                    vec!["64,32".to_string(), "128".to_string()]
                ),
                ("lr".to_string(), vec!["0.1".to_string()])
            ]
        );
        std::fs::write(&f, "{\"a\": [1, 2]}").unwrap();
        assert_eq!(read_grid(&f).unwrap()[0].1, ["1", "2"]);
        assert!(merge(axes.clone(), vec![("lr".into(), vec!["1".into()])]).is_err());
        std::fs::write(&f, "- 1\n").unwrap();
        assert!(read_grid(&f).is_err());
    }
}
