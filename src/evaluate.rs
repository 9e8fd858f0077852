//! `mlrun models evaluate`: MLflow's default evaluator metrics (`mlflow/models/evaluation/
//! evaluators/regressor.py` and `classifier.py`, scikit-learn's definitions) computed from targets
//! and predictions, with MLflow's names; plus the plots MLflow logs beside them (a confusion
//! matrix, residuals), drawn as SVG, and threshold gates (`metric>=value`).
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Why an evaluation cannot be computed.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{0}")]
    Data(String),
}

type Result<T> = std::result::Result<T, EvalError>;

/// A class label: numbers compare as numbers (`1` and `1.0` are one class, as numpy's `unique`
/// makes them), anything else as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    Num(f64),
    Text(String),
}

impl Label {
    /// A value read from a CSV cell or a JSON prediction.
    pub fn parse(s: &str) -> Label {
        match crate::pyfloat::parse(s.trim()) {
            Some(x) if !x.is_nan() => Label::Num(x),
            _ => Label::Text(s.to_string()),
        }
    }
    fn cmp(&self, other: &Label) -> std::cmp::Ordering {
        match (self, other) {
            (Label::Num(a), Label::Num(b)) => a.total_cmp(b),
            (Label::Text(a), Label::Text(b)) => a.cmp(b),
            (Label::Num(_), Label::Text(_)) => std::cmp::Ordering::Less,
            (Label::Text(_), Label::Num(_)) => std::cmp::Ordering::Greater,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Label::Num(x) => f.write_str(&crate::pyfloat::format(*x)),
            Label::Text(s) => f.write_str(s),
        }
    }
}

/// Regressor metrics, as MLflow's `_get_regressor_metrics` (no sample weights).
pub fn regressor_metrics(y: &[f64], p: &[f64]) -> Result<BTreeMap<String, f64>> {
    if y.is_empty() || y.len() != p.len() {
        return Err(EvalError::Data(format!(
            "{} targets and {} predictions: evaluation needs one prediction per row, and at least one row",
            y.len(),
            p.len()
        )));
    }
    let n = y.len() as f64;
    let mean = |v: &mut dyn Iterator<Item = f64>| v.sum::<f64>() / n;
    let mae = mean(&mut y.iter().zip(p).map(|(a, b)| (a - b).abs()));
    let mse = mean(&mut y.iter().zip(p).map(|(a, b)| (a - b) * (a - b)));
    let sum: f64 = y.iter().sum();
    let y_mean = sum / n;
    let ss_res: f64 = y.iter().zip(p).map(|(a, b)| (a - b) * (a - b)).sum();
    let ss_tot: f64 = y.iter().map(|a| (a - y_mean) * (a - y_mean)).sum();
    // scikit-learn's `force_finite`: a constant target scores 1.0 when predicted exactly, else 0.0.
    let r2 = if ss_tot == 0.0 {
        if ss_res == 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        1.0 - ss_res / ss_tot
    };
    let max_error = y
        .iter()
        .zip(p)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    let mape = mean(
        &mut y
            .iter()
            .zip(p)
            .map(|(a, b)| (a - b).abs() / a.abs().max(f64::EPSILON)),
    );
    Ok(BTreeMap::from([
        ("example_count".into(), n),
        ("mean_absolute_error".into(), mae),
        ("mean_squared_error".into(), mse),
        ("root_mean_squared_error".into(), mse.sqrt()),
        ("sum_on_target".into(), sum),
        ("mean_on_target".into(), y_mean),
        ("r2_score".into(), r2),
        ("max_error".into(), max_error),
        ("mean_absolute_percentage_error".into(), mape),
    ]))
}

/// The classes MLflow evaluates over: every label in the targets and the predictions, sorted.
pub fn label_list(y: &[Label], p: &[Label]) -> Vec<Label> {
    let mut all: Vec<Label> = y.iter().chain(p).cloned().collect();
    all.sort_by(|a, b| a.cmp(b));
    all.dedup_by(|a, b| a.cmp(b).is_eq());
    all
}

/// The confusion matrix over `labels`: `m[true][predicted]`.
pub fn confusion(y: &[Label], p: &[Label], labels: &[Label]) -> Vec<Vec<u64>> {
    let idx = |l: &Label| labels.iter().position(|x| x.cmp(l).is_eq());
    let mut m = vec![vec![0u64; labels.len()]; labels.len()];
    for (a, b) in y.iter().zip(p) {
        if let (Some(i), Some(j)) = (idx(a), idx(b)) {
            m[i][j] += 1;
        }
    }
    m
}

fn ratio(num: f64, den: f64) -> f64 {
    // scikit-learn's zero_division="warn": 0.0.
    if den == 0.0 {
        0.0
    } else {
        num / den
    }
}

/// Classifier metrics, as MLflow's `_get_binary_classifier_metrics` (two classes, the larger the
/// positive one) or `_get_multiclass_classifier_metrics` (weighted averages); `log_loss` and
/// `roc_auc` need probabilities, which a served model's predictions do not carry.
pub fn classifier_metrics(y: &[Label], p: &[Label]) -> Result<BTreeMap<String, f64>> {
    if y.is_empty() || y.len() != p.len() {
        return Err(EvalError::Data(format!(
            "{} targets and {} predictions: evaluation needs one prediction per row, and at least one row",
            y.len(),
            p.len()
        )));
    }
    let labels = label_list(y, p);
    if labels.len() < 2 {
        return Err(EvalError::Data(format!(
            "Evaluation dataset for classification must contain at least two unique labels, but only {} unique labels were found.",
            labels.len()
        )));
    }
    let m = confusion(y, p, &labels);
    let n = y.len() as f64;
    let k = labels.len();
    let correct: u64 = (0..k).map(|i| m[i][i]).sum();
    let mut out = BTreeMap::from([
        ("example_count".to_string(), n),
        ("accuracy_score".to_string(), correct as f64 / n),
    ]);
    let per_class = |c: usize| {
        let tp = m[c][c] as f64;
        let predicted: f64 = (0..k).map(|i| m[i][c] as f64).sum();
        let actual: f64 = m[c].iter().map(|&x| x as f64).sum();
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, actual);
        let f1 = ratio(2.0 * tp, predicted + actual);
        (precision, recall, f1, actual)
    };
    if k == 2 {
        let (precision, recall, f1, _) = per_class(1);
        out.insert("precision_score".into(), precision);
        out.insert("recall_score".into(), recall);
        out.insert("f1_score".into(), f1);
        out.insert("true_negatives".into(), m[0][0] as f64);
        out.insert("false_positives".into(), m[0][1] as f64);
        out.insert("false_negatives".into(), m[1][0] as f64);
        out.insert("true_positives".into(), m[1][1] as f64);
    } else {
        let (mut pw, mut rw, mut fw) = (0.0, 0.0, 0.0);
        for c in 0..k {
            let (precision, recall, f1, support) = per_class(c);
            pw += precision * support;
            rw += recall * support;
            fw += f1 * support;
        }
        out.insert("precision_score".into(), pw / n);
        out.insert("recall_score".into(), rw / n);
        out.insert("f1_score".into(), fw / n);
    }
    Ok(out)
}

/// The metrics MLflow adds when the model gives class probabilities (`predict_proba`, one column
/// per class in sorted label order): `log_loss`, and `roc_auc` (binary: of the positive, larger
/// label; multiclass: one-vs-rest weighted by prevalence) and, for two classes,
/// `precision_recall_auc` (scikit-learn's average precision). A metric scikit-learn would refuse
/// (a class count that does not match the columns, one class only among the targets) is left out.
pub fn probability_metrics(y: &[Label], p: &[Label], proba: &[Vec<f64>]) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    let labels = label_list(y, p);
    let k = labels.len();
    if proba.len() != y.len() || y.is_empty() || proba.iter().any(|r| r.len() != proba[0].len()) {
        return out;
    }
    let cols = proba[0].len();
    let idx = |l: &Label| labels.iter().position(|x| x.cmp(l).is_eq());
    // scikit-learn's log_loss over MLflow's label list: each row's probability of its class,
    // clipped to [eps, 1 - eps].
    if cols == k {
        let eps = f64::EPSILON;
        let losses: Option<Vec<f64>> = y
            .iter()
            .zip(proba)
            .map(|(l, row)| Some(-row[idx(l)?].clamp(eps, 1.0 - eps).ln()))
            .collect();
        if let Some(l) = losses {
            out.insert("log_loss".into(), pairwise_sum(&l) / l.len() as f64);
        }
    }
    if k == 2 && cols == 2 {
        let positive: Vec<bool> = y.iter().map(|l| labels[1].cmp(l).is_eq()).collect();
        let scores: Vec<f64> = proba.iter().map(|r| r[1]).collect();
        if let Some(auc) = binary_roc_auc(&positive, &scores) {
            out.insert("roc_auc".into(), auc);
        }
        if let Some(ap) = average_precision(&positive, &scores) {
            out.insert("precision_recall_auc".into(), ap);
        }
    } else if k > 2 {
        // roc_auc_score(multi_class="ovr", average="weighted"): the classes of the targets, one
        // column each, rows summing to 1.
        let classes = label_list(y, &[]);
        let sums_to_one = proba
            .iter()
            .all(|r| (r.iter().sum::<f64>() - 1.0).abs() <= 1e-8 + 1e-5);
        if classes.len() == cols && sums_to_one {
            let (mut total, mut weight) = (0.0, 0.0);
            for (c, class) in classes.iter().enumerate() {
                let positive: Vec<bool> = y.iter().map(|l| class.cmp(l).is_eq()).collect();
                let scores: Vec<f64> = proba.iter().map(|r| r[c]).collect();
                let w = positive.iter().filter(|b| **b).count() as f64;
                match binary_roc_auc(&positive, &scores) {
                    Some(a) => {
                        total += a * w;
                        weight += w;
                    }
                    None => return out,
                }
            }
            out.insert("roc_auc".into(), total / weight);
        }
    }
    out
}

/// numpy's pairwise summation (what `np.mean` adds with), for results equal to the last bit more
/// often than a running sum.
fn pairwise_sum(v: &[f64]) -> f64 {
    if v.len() <= 8 {
        return v.iter().sum();
    }
    if v.len() <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&v[..8]);
        let mut i = 8;
        while i + 8 <= v.len() {
            for j in 0..8 {
                r[j] += v[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for x in &v[i..] {
            res += x;
        }
        return res;
    }
    let half = (v.len() / 2) / 8 * 8;
    pairwise_sum(&v[..half]) + pairwise_sum(&v[half..])
}

/// Cumulative true and false positives at each distinct score, highest first (scikit-learn's
/// `_binary_clf_curve`).
fn clf_curve(positive: &[bool], scores: &[f64]) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]));
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut out = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        if positive[i] {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        let last = order.get(n + 1).is_none_or(|&j| scores[j] != scores[i]);
        if last {
            out.push((tp, fp));
        }
    }
    out
}

/// The area under the ROC curve (trapezoids), None when one class is missing.
fn binary_roc_auc(positive: &[bool], scores: &[f64]) -> Option<f64> {
    let curve = clf_curve(positive, scores);
    let &(p, n) = curve.last()?;
    if p == 0.0 || n == 0.0 || scores.iter().any(|s| !s.is_finite()) {
        return None;
    }
    let mut area = 0.0;
    let (mut tpr0, mut fpr0) = (0.0, 0.0);
    for (tp, fp) in curve {
        let (tpr, fpr) = (tp / p, fp / n);
        area += (fpr - fpr0) * (tpr + tpr0) / 2.0;
        (tpr0, fpr0) = (tpr, fpr);
    }
    Some(area)
}

/// scikit-learn's `average_precision_score`: the sum over thresholds of the recall gained times
/// the precision there. None without positives.
fn average_precision(positive: &[bool], scores: &[f64]) -> Option<f64> {
    let curve = clf_curve(positive, scores);
    let &(p, _) = curve.last()?;
    if p == 0.0 || scores.iter().any(|s| !s.is_finite()) {
        return None;
    }
    let mut ap = 0.0;
    let mut recall0 = 0.0;
    for (tp, fp) in curve {
        let recall = tp / p;
        ap += (recall - recall0) * (tp / (tp + fp));
        recall0 = recall;
    }
    Some(ap)
}

/// A gate: `metric>=value`, `metric<=value`, `metric>value`, `metric<value` or `metric==value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub metric: String,
    pub op: String,
    pub value: f64,
}

impl Threshold {
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        for op in [">=", "<=", "==", ">", "<"] {
            if let Some((m, v)) = s.split_once(op) {
                let value = crate::pyfloat::parse(v.trim())
                    .filter(|x| !x.is_nan())
                    .ok_or_else(|| format!("'{}' in '{s}' is not a number", v.trim()))?;
                let metric = m.trim();
                if metric.is_empty() {
                    break;
                }
                return Ok(Self {
                    metric: metric.to_string(),
                    op: op.to_string(),
                    value,
                });
            }
        }
        Err(format!(
            "'{s}' is not a threshold: write METRIC>=VALUE (or <=, >, <, ==), e.g. accuracy_score>=0.8"
        ))
    }

    /// Whether `metrics` meets the gate; an absent metric does not.
    pub fn holds(&self, metrics: &BTreeMap<String, f64>) -> Option<bool> {
        let v = *metrics.get(&self.metric)?;
        Some(match self.op.as_str() {
            ">=" => v >= self.value,
            "<=" => v <= self.value,
            ">" => v > self.value,
            "<" => v < self.value,
            _ => v == self.value,
        })
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The confusion matrix as an SVG heat map (true labels down, predicted across).
pub fn confusion_svg(labels: &[Label], m: &[Vec<u64>]) -> String {
    let cell = 56.0;
    let pad = 110.0;
    let size = pad + cell * labels.len() as f64 + 20.0;
    let max = m.iter().flatten().copied().max().unwrap_or(1).max(1) as f64;
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" font-family="sans-serif" font-size="12"><text x="{x}" y="16" text-anchor="middle">Predicted label</text><text x="14" y="{x}" text-anchor="middle" transform="rotate(-90 14 {x})">True label</text>"#,
        x = pad + cell * labels.len() as f64 / 2.0
    );
    for (i, l) in labels.iter().enumerate() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">{}</text><text x="{}" y="{}" text-anchor="end">{}</text>"#,
            pad + cell * (i as f64 + 0.5),
            pad - 8.0,
            esc(&l.to_string()),
            pad - 8.0,
            pad + cell * (i as f64 + 0.5) + 4.0,
            esc(&l.to_string())
        );
    }
    for (i, row) in m.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let shade = 245.0 - 190.0 * (v as f64 / max);
            let ink = if v as f64 / max > 0.5 { "#fff" } else { "#000" };
            let _ = write!(
                s,
                r##"<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="rgb({r},{g},255)" stroke="#fff"/><text x="{tx}" y="{ty}" text-anchor="middle" fill="{ink}">{v}</text>"##,
                x = pad + cell * j as f64,
                y = pad + cell * i as f64,
                r = shade as u8,
                g = (shade + 10.0).min(255.0) as u8,
                tx = pad + cell * (j as f64 + 0.5),
                ty = pad + cell * (i as f64 + 0.5) + 4.0,
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// Residuals (target − prediction) against predictions, as an SVG scatter with a zero line.
pub fn residuals_svg(y: &[f64], p: &[f64]) -> String {
    let (w, h, pad) = (480.0, 320.0, 48.0);
    let r: Vec<f64> = y.iter().zip(p).map(|(a, b)| a - b).collect();
    let span = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
        }
    };
    let (x0, x1) = span(p);
    let (r0, r1) = span(&r);
    let (r0, r1) = (r0.min(0.0), r1.max(0.0));
    let sx = |x: f64| pad + (x - x0) / (x1 - x0) * (w - 2.0 * pad);
    let sy = |v: f64| h - pad - (v - r0) / (r1 - r0) * (h - 2.0 * pad);
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12"><text x="{cx}" y="{by}" text-anchor="middle">Predicted value</text><text x="14" y="{cy}" text-anchor="middle" transform="rotate(-90 14 {cy})">Residual (target − prediction)</text><line x1="{pad}" x2="{rx}" y1="{zy}" y2="{zy}" stroke="#888" stroke-dasharray="4 3"/>"##,
        cx = w / 2.0,
        by = h - 10.0,
        cy = h / 2.0,
        rx = w - pad,
        zy = sy(0.0)
    );
    for (pi, ri) in p.iter().zip(&r) {
        let _ = write!(
            s,
            r##"<circle cx="{:.2}" cy="{:.2}" r="2.5" fill="#2a6fdb" fill-opacity="0.7"/>"##,
            sx(*pi),
            sy(*ri)
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(v: &[&str]) -> Vec<Label> {
        v.iter().map(|s| Label::parse(s)).collect()
    }

    #[test]
    fn binary_counts_and_scores() {
        let y = labels(&["0", "1", "1", "0", "1"]);
        let p = labels(&["0", "1.0", "0", "1", "1"]);
        let m = classifier_metrics(&y, &p).unwrap();
        assert_eq!(m["true_positives"], 2.0);
        assert_eq!(m["false_negatives"], 1.0);
        assert_eq!(m["false_positives"], 1.0);
        assert_eq!(m["accuracy_score"], 0.6);
        assert!((m["precision_score"] - 2.0 / 3.0).abs() < 1e-15);
        assert!((m["f1_score"] - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn one_class_is_refused_and_thresholds_parse() {
        assert!(classifier_metrics(&labels(&["a", "a"]), &labels(&["a", "a"])).is_err());
        let t = Threshold::parse("r2_score >= 0.5").unwrap();
        assert_eq!(
            (t.metric.as_str(), t.op.as_str(), t.value),
            ("r2_score", ">=", 0.5)
        );
        assert!(Threshold::parse("r2_score").is_err());
        assert!(Threshold::parse(">=1").is_err());
        let m = BTreeMap::from([("r2_score".to_string(), 0.4)]);
        assert_eq!(t.holds(&m), Some(false));
        assert_eq!(Threshold::parse("x<1").unwrap().holds(&m), None);
    }

    #[test]
    fn constant_targets_follow_force_finite() {
        let m = regressor_metrics(&[2.0, 2.0], &[2.0, 2.0]).unwrap();
        assert_eq!(m["r2_score"], 1.0);
        let m = regressor_metrics(&[2.0, 2.0], &[1.0, 2.0]).unwrap();
        assert_eq!(m["r2_score"], 0.0);
        assert_eq!(m["max_error"], 1.0);
    }
}
