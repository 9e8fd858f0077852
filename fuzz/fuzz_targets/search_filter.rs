//! Every search parser on arbitrary bytes (as UTF-8, lossily): none may panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mlrun::search;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(f) = search::parse_run_filter(&s) {
        let _ = f.matches(&search::SearchRun::default());
    }
    let _ = search::parse_run_order_by(&s);
    let _ = search::parse_experiment_filter(&s);
    let _ = search::parse_experiment_order_by(&s);
    let _ = search::parse_model_filter(&s);
    let _ = search::parse_model_version_filter(&s);
    let _ = search::parse_model_version_order_by(&s);
    let _ = search::paginate(100, 7, Some(&s));
});
