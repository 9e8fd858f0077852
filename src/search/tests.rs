//! Semantics checked against MLflow 3.17.2 (`SearchUtils.sort` / `filter` on hand-built runs; the
//! expected orders below are what MLflow printed). The grammar itself is checked string by string
//! against MLflow in `tests/search_grammar.rs`.
use super::*;
use crate::entities::{Experiment, LifecycleStage, Tag};

fn run(id: &str, start: i64, m: Option<f64>, p: Option<&str>, end: Option<i64>) -> SearchRun {
    let mut r = SearchRun::default();
    r.info.run_id = id.into();
    r.info.run_uuid = id.into();
    r.info.run_name = id.into();
    r.info.start_time = start;
    r.info.end_time = end;
    r.info.status = crate::entities::RunStatus::Finished;
    if let Some(m) = m {
        r.metrics.insert("m".into(), m);
    }
    if let Some(p) = p {
        r.params.insert("p".into(), p.into());
    }
    r
}

fn runs() -> Vec<SearchRun> {
    vec![
        run("a", 1, Some(1.0), Some("b"), None),
        run("b", 2, Some(f64::NAN), None, Some(5)),
        run("c", 2, None, Some("a"), None),
        run("d", 3, Some(3.0), Some("c"), Some(1)),
        run("e", 0, Some(f64::INFINITY), Some("a"), None),
    ]
}

fn sorted(order: &[&str]) -> Vec<String> {
    let mut rs = runs();
    let ob = parse_run_order_by_list(order).unwrap();
    sort_runs(&mut rs, &ob);
    rs.iter().map(|r| r.info.run_id.clone()).collect()
}

fn filtered(f: &str) -> Vec<String> {
    let f = parse_run_filter(f).unwrap();
    runs()
        .into_iter()
        .filter(|r| f.matches(r))
        .map(|r| r.info.run_id)
        .collect()
}

#[test]
fn sort_matches_mlflow() {
    for (order, want) in [
        (vec![], "dbcae"),
        (vec!["metrics.m"], "adebc"),
        (vec!["metrics.m DESC"], "edabc"),
        (vec!["params.p"], "ceadb"),
        (vec!["params.p DESC"], "daceb"),
        (vec!["end_time"], "dbcae"),
        (vec!["end_time DESC"], "bdcae"),
        (vec!["params.p", "metrics.m DESC"], "ecadb"),
    ] {
        assert_eq!(sorted(&order).concat(), want, "{order:?}");
    }
}

#[test]
fn filter_matches_mlflow() {
    assert_eq!(filtered("metrics.m != 1").concat(), "bde"); // NaN != 1 is true; missing is false
    assert_eq!(filtered("metrics.m > 0").concat(), "ade");
    assert_eq!(filtered("end_time > 2").concat(), "b"); // None end_time never matches
    assert_eq!(filtered("params.p != 'a'").concat(), "ad");
    assert_eq!(filtered("params.p IS NULL").concat(), "b");
    assert_eq!(filtered("params.p IS NOT NULL").concat(), "acde");
    assert_eq!(filtered("").concat(), "abcde");
    assert_eq!(filtered("run_id IN ('a', 'c')").concat(), "ac");
    assert_eq!(filtered("run_id NOT IN ('a', 'c')").concat(), "bde");
    assert_eq!(filtered("created >= 2 and metrics.m < 5").concat(), "d");
    assert_eq!(filtered("start_time = 2.0").concat(), "bc");
    assert_eq!(filtered("start_time < 1.5").concat(), "ae");
    assert_eq!(filtered("`Run name` LIKE '_'").concat(), "abcde");
    assert_eq!(filtered("status = 'FINISHED'").concat(), "abcde");
    assert_eq!(filtered("status ILIKE 'fin%'").concat(), "abcde");
    assert_eq!(filtered("status LIKE 'fin%'").concat(), "");
}

#[test]
fn datasets_match_if_any_does() {
    let mut r = run("a", 0, None, None, None);
    r.datasets = vec![
        DatasetRef {
            name: "train".into(),
            digest: "d1".into(),
            context: Some("training".into()),
        },
        DatasetRef {
            name: "eval".into(),
            digest: "d2".into(),
            context: None,
        },
    ];
    let m = |f: &str| parse_run_filter(f).unwrap().matches(&r);
    assert!(m("dataset.name = 'eval'"));
    assert!(m("dataset.name != 'eval'"));
    assert!(m("dataset.digest IN ('d2')"));
    assert!(m("dataset.context = 'training'"));
    assert!(!m("dataset.context != 'training'"));
    assert!(!m("dataset.name NOT IN ('train', 'eval')"));
    let empty = run("b", 0, None, None, None);
    assert!(!parse_run_filter("dataset.name != 'x'")
        .unwrap()
        .matches(&empty));
    let mut n = Needs::default();
    parse_run_filter("dataset.name = 'x' and metrics.a > 1 and tags.t = 'v' and params.p = 'q'")
        .unwrap()
        .needs(&mut n);
    assert!(
        n.datasets && n.metrics.contains("a") && n.tags.contains("t") && n.params.contains("p")
    );
}

#[test]
fn errors_carry_mlflow_text_and_spans() {
    let e = parse_run_filter("metrics.a > 1 OR params.b = 'c'").unwrap_err();
    assert_eq!(e.message, "Invalid clause(s) in filter string: 'OR'");
    assert_eq!(e.span, Some(14..16));
    let e = parse_run_filter("metrics.acc > '0.5'").unwrap_err();
    assert_eq!(
        e.message,
        "Expected numeric value type for metric. Found '0.5'"
    );
    assert_eq!(e.span, Some(14..19));
    let e = parse_run_filter("params.lr = 0.01").unwrap_err();
    assert_eq!(
        e.message,
        "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 0.01"
    );
    let e = parse_run_filter("status IS NULL").unwrap_err();
    assert_eq!(
        e.message,
        "IS NULL / IS NOT NULL is only supported for tags and params, not for 'attribute' 'status'"
    );
    let e = parse_run_filter("metrics.a LIKE 1").unwrap_err();
    assert!(
        e.message
            .starts_with("Invalid comparator 'LIKE' not one of '{"),
        "{}",
        e.message
    );
    // MLflow rejects whitespace-only filters (sqlparse finds no statement); only "" matches all.
    let e = parse_run_filter("  ").unwrap_err();
    assert_eq!(e.message, "Invalid filter '  '. Could not be parsed.");
    let e = parse_run_filter("metrics.a > 1; metrics.b > 1").unwrap_err();
    assert_eq!(
        e.message,
        "Search filter contained multiple expression 'metrics.a > 1; metrics.b > 1'. Provide AND-ed expression list."
    );
    let deep = format!("{}metrics.a > 1{}", "(".repeat(5000), ")".repeat(5000));
    let e = parse_run_filter(&deep).unwrap_err();
    assert!(e.message.starts_with("Error on parsing filter"));
    let e = parse_run_order_by_list(&["metrics.a up", "nope"]).unwrap_err();
    assert!(
        e.message.starts_with("Invalid attribute key 'nope'"),
        "last clause is checked first"
    );
}

#[test]
fn page_tokens() {
    assert_eq!(encode_page_token(2), "eyJvZmZzZXQiOiAyfQ==");
    assert_eq!(decode_page_token("eyJvZmZzZXQiOiAyfQ==").unwrap(), 2);
    assert_eq!(decode_page_token("").unwrap(), 0);
    assert_eq!(
        decode_page_token("abc").unwrap_err().message,
        "Invalid page token, could not base64-decode"
    );
    assert_eq!(
        decode_page_token("eHg=").unwrap_err().message,
        "Invalid page token, decoded value=b'xx'"
    );
    assert_eq!(
        decode_page_token("eyJvZmZzZXQiOiAwfQ==")
            .unwrap_err()
            .message,
        "Invalid page token, parsed value={'offset': 0}"
    );
    assert_eq!(
        paginate(5, 2, None).unwrap(),
        (0..2, Some(encode_page_token(2)))
    );
    assert_eq!(
        paginate(5, 2, Some(&encode_page_token(4))).unwrap(),
        (4..5, None)
    );
    assert_eq!(
        paginate(4, 2, Some(&encode_page_token(2))).unwrap(),
        (2..4, None)
    );
    assert_eq!(
        paginate(3, 10, Some(&encode_page_token(7))).unwrap(),
        (3..3, None)
    );
    // {"offset": -3}: Python slicing from the end.
    assert_eq!(
        paginate(5, 2, Some("eyJvZmZzZXQiOiAtM30=")).unwrap().0,
        2..4
    );
}

fn exp(id: &str, name: &str, created: Option<i64>, tags: &[(&str, &str)]) -> Experiment {
    Experiment {
        experiment_id: id.into(),
        name: name.into(),
        artifact_location: String::new(),
        lifecycle_stage: LifecycleStage::Active,
        last_update_time: created,
        creation_time: created,
        tags: tags.iter().map(|(k, v)| Tag::new(*k, *v)).collect(),
    }
}

#[test]
fn experiments() {
    let mut es = vec![
        exp("0", "Default", None, &[]),
        exp("10", "b", Some(5), &[("k", "v")]),
        exp("9", "a", Some(5), &[("k", "w")]),
        exp("2", "c", Some(7), &[]),
    ];
    sort_experiments(&mut es, &[]);
    let ids: Vec<_> = es.iter().map(|e| e.experiment_id.as_str()).collect();
    assert_eq!(ids, ["2", "10", "9", "0"]);
    sort_experiments(&mut es, &[parse_experiment_order_by("name").unwrap()]);
    let ids: Vec<_> = es.iter().map(|e| e.experiment_id.as_str()).collect();
    assert_eq!(ids, ["0", "9", "10", "2"]);
    let f = parse_experiment_filter("tags.k IS NOT NULL and creation_time >= 5").unwrap();
    assert_eq!(es.iter().filter(|e| f.matches(e)).count(), 2);
    let f = parse_experiment_filter("experiment_id IN ('0', '2')").unwrap();
    assert_eq!(es.iter().filter(|e| f.matches(e)).count(), 2);
    let f = parse_experiment_filter("name ILIKE 'DEF%'").unwrap();
    assert_eq!(es.iter().filter(|e| f.matches(e)).count(), 1);
}

#[test]
fn registry() {
    use registry::*;
    let tags = std::collections::HashMap::new();
    let mut prompt_tags = std::collections::HashMap::new();
    prompt_tags.insert(IS_PROMPT_TAG_KEY.to_string(), "true".to_string());
    let m = |name, c, t| ModelRecord {
        name,
        creation_timestamp: c,
        last_updated_timestamp: c,
        tags: t,
    };
    let mut ms = vec![m("b", 1, &tags), m("a", 1, &tags), m("p", 2, &prompt_tags)];
    let f = parse_model_filter(&with_prompt_filter(None, false)).unwrap();
    assert_eq!(ms.iter().filter(|x| f.matches(x)).count(), 2);
    let f = parse_model_filter(&with_prompt_filter(Some("name LIKE 'a%'"), false)).unwrap();
    assert_eq!(ms.iter().filter(|x| f.matches(x)).count(), 1);
    sort_models(
        &mut ms,
        &[parse_model_order_by("creation_timestamp DESC").unwrap()],
    );
    assert_eq!(ms.iter().map(|x| x.name).collect::<String>(), "pab");
    let v = |name, version, stage| ModelVersionRecord {
        name,
        version,
        run_id: (version == 1).then_some("r"),
        source: "s",
        current_stage: stage,
        creation_timestamp: 0,
        last_updated_timestamp: 0,
        tags: &tags,
    };
    let mut vs = vec![
        v("a", 1, "None"),
        v("a", 2, "None"),
        v("b", 1, STAGE_DELETED_INTERNAL),
    ];
    let f = parse_model_version_filter("version_number > 1.5").unwrap(); // int(1.5) == 1
    assert_eq!(vs.iter().filter(|x| f.matches(x)).count(), 1);
    let f = parse_model_version_filter("").unwrap();
    assert_eq!(vs.iter().filter(|x| f.matches(x)).count(), 2);
    // A version with no run id matches no run_id clause, as SQL's NULL (and MLflow) would have it.
    for (filter, n) in [
        ("run_id != 'zz'", 1),
        ("run_id NOT IN ('zz')", 1),
        ("run_id LIKE '%'", 1),
        ("run_id = ''", 0),
        ("run_id IN ('r', '')", 1),
    ] {
        let f = parse_model_version_filter(filter).unwrap();
        assert_eq!(vs.iter().filter(|x| f.matches(x)).count(), n, "{filter}");
    }
    sort_model_versions(&mut vs, &[]);
    assert_eq!(vs.iter().map(|x| x.version).collect::<Vec<_>>(), [2, 1, 1]);
    assert!(parse_model_filter("tags.x IS NULL").is_err());
}
