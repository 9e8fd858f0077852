//! No search parser may panic, whatever the input: random strings, and strings assembled from the
//! grammar's own pieces (which reach much deeper into the parser than random text does).
use mlrun::search;
use proptest::prelude::*;

fn all_parsers(s: &str) {
    let _ = search::parse_run_filter(s).map(|f| {
        let r = search::SearchRun::default();
        let _ = f.matches(&r);
        let mut n = search::Needs::default();
        f.needs(&mut n);
    });
    let _ = search::parse_run_order_by(s);
    let _ = search::parse_experiment_filter(s);
    let _ = search::parse_experiment_order_by(s);
    let _ = search::parse_model_filter(s);
    let _ = search::parse_model_order_by(s);
    let _ = search::parse_model_version_filter(s);
    let _ = search::parse_model_version_order_by(s);
    let _ = search::decode_page_token(s);
    let _ = search::paginate(10, 3, Some(s));
    // Spans must be valid byte ranges of the input, for the CLI to point at them.
    for e in [
        search::parse_run_filter(s).err(),
        search::parse_experiment_filter(s).err(),
        search::parse_model_version_filter(s).err(),
    ]
    .into_iter()
    .flatten()
    {
        if let Some(sp) = e.span {
            assert!(
                sp.start <= sp.end
                    && sp.end <= s.len()
                    && s.is_char_boundary(sp.start)
                    && s.is_char_boundary(sp.end)
            );
        }
    }
}

const PIECES: &[&str] = &[
    "metrics.",
    "params.",
    "tags.",
    "attributes.",
    "dataset.",
    "run_id",
    "start_time",
    "name",
    "`",
    "\"",
    "'",
    "a",
    "b c",
    " ",
    "  ",
    "\n",
    "\t",
    "=",
    "!=",
    "<>",
    ">=",
    "<",
    "LIKE",
    "ILIKE",
    "NOT",
    "IN",
    "IS",
    "NULL",
    "AND",
    "and",
    "OR",
    "(",
    ")",
    ",",
    ";",
    ".",
    "1",
    "-2.5",
    "1e3",
    "0x1f",
    "$$",
    "$t$",
    "/*",
    "*/",
    "--",
    "# ",
    "[",
    "]",
    "::",
    ":=",
    "CASE",
    "END",
    "BEGIN",
    "IF",
    "FOR",
    "WHERE",
    "ORDER BY",
    "AS",
    "DESC",
    "asc",
    "NULLS LAST",
    "é",
    "日本",
    "\\",
    "%",
    "_",
    "*",
    "+",
    "|",
    "@",
    "?",
    ":x",
    "TIMESTAMP",
    "DAY",
    "OVER",
    "VALUES",
    "GO 1",
    "\u{a0}",
    "\r\n",
    "((",
    "))",
    "'x'",
    "('a', 'b')",
    "b'x'",
    "f(",
    "é(",
];

fn grammar_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

/// Cases drawn from a fixed seed, so a test run is repeatable and CI never turns red on a draw;
/// `PROPTEST_RNG_SEED=<n>` explores other seeds (a panic found that way goes into
/// `inputs_that_once_panicked` below, with its fix).
fn config() -> ProptestConfig {
    let mut c = ProptestConfig {
        cases: 4000,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = proptest::test_runner::RngSeed::Fixed(0x006d_6c72_756e);
    }
    c
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_strings_never_panic(s in "\\PC{0,64}") {
        all_parsers(&s);
    }

    #[test]
    fn any_unicode_never_panics(s in any::<String>()) {
        all_parsers(&s);
    }

    #[test]
    fn grammar_shaped_strings_never_panic(s in grammar_string()) {
        all_parsers(&s);
    }

    #[test]
    fn page_tokens_round_trip(n in 0usize..1_000_000) {
        prop_assert_eq!(search::decode_page_token(&search::encode_page_token(n)).unwrap(), n);
    }
}

#[test]
fn huge_inputs_are_rejected_not_crashed() {
    for s in [
        "(".repeat(100_000),
        format!("{}a{}", "(".repeat(20_000), ")".repeat(20_000)),
        format!("{}a{}", "[".repeat(20_000), "]".repeat(20_000)),
        "CASE ".repeat(10_000) + &"END ".repeat(10_000),
        "metrics.a > 1 AND ".repeat(3_000) + "metrics.a > 1",
        "'".repeat(50_000),
        "\\'".repeat(20_000),
        "`".repeat(50_001),
        "$a$".repeat(10_000),
        "/*".repeat(20_000),
    ] {
        all_parsers(&s);
    }
}

/// Inputs the fuzzers above once found panicking, kept so the class stays fixed whatever seed a
/// run draws.
#[test]
fn inputs_that_once_panicked() {
    for s in [
        // sqlparse's assignment grouping (`:=`) around a colon-led token: the grouping span ended
        // before it started.
        " metrics.=:=:=[;",
        ":=:=",
        "a:=:=b",
        "=:=:=",
        "x :=:= y",
    ] {
        all_parsers(s);
    }
}
