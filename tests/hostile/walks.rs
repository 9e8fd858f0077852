//! One tree walker, one copier: what mlrun copies or lists out of a folder keeps the folder's
//! shape, in a stable order, and never follows a link out of it (issue 12, "Libraries for what
//! libraries do").
use crate::common::TestEnv;

/// A model folder with its files in a nested folder (as MLflow's sklearn and pytorch flavors
/// save them, `data/model.pkl`): `models download` from a folder store flattened the nested
/// folders into the destination's top level, so the MLmodel's `data/...` paths named nothing.
#[test]
fn model_download_keeps_nested_folders() {
    let env = TestEnv::new();
    let model = env.path().join("m");
    std::fs::create_dir_all(model.join("data/deeper")).unwrap();
    std::fs::write(
        model.join("MLmodel"),
        "flavors:\n  python_function:\n    loader_module: x\n    data: data/model.pkl\n",
    )
    .unwrap();
    std::fs::write(model.join("data/model.pkl"), "weights").unwrap();
    std::fs::write(model.join("data/deeper/extra.txt"), "extra").unwrap();
    env.ok(&["models", "register", model.to_str().unwrap(), "nested"]);
    let dest = env.path().join("dl");
    env.ok(&[
        "models",
        "download",
        "models:/nested/1",
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(dest.join("MLmodel").is_file());
    assert_eq!(
        std::fs::read_to_string(dest.join("data/model.pkl")).unwrap(),
        "weights"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("data/deeper/extra.txt")).unwrap(),
        "extra"
    );
    assert!(
        !dest.join("model.pkl").exists(),
        "flattened into the top level"
    );
}
