# Prints, for each (kind, string) in the JSON list on stdin, what MLflow makes of it, one line each.
import json, sys, warnings
warnings.filterwarnings("ignore")
from mlflow.exceptions import MlflowException
from mlflow.utils.search_utils import (SearchUtils as S, SearchExperimentsUtils as E,
    SearchModelUtils as M, SearchModelVersionUtils as V)

def val(v, metric=False):
    if metric:
        return repr(float(v))
    if isinstance(v, tuple):
        return repr(list(v))
    return repr(v)

def runs(s):
    out = []
    parsed = S.parse_search_filter(s)
    for c in parsed:
        cmp = c["comparator"].upper()
        t, k = c["type"], S.translate_key_alias(c["key"])
        (S.is_metric(t, cmp) or S.is_param(t, cmp) or S.is_tag(t, cmp) or S.is_string_attribute(t, k, cmp)
         or S.is_numeric_attribute(t, k, cmp) or S.is_dataset(t, cmp))
        out.append(f"{c['type']}|{c['key']}|{cmp}|{val(c['value'], c['type'] == 'metric')}")
    return out

def exps(s):
    out = []
    for c in E.parse_search_filter(s):
        cmp = c["comparator"].upper()
        t, k = c["type"], c["key"]
        E.is_string_attribute(t, k, cmp) or E.is_numeric_attribute(t, k, cmp) or E.is_tag(t, cmp)
        out.append(f"{t}|{k}|{cmp}|{val(c['value'])}")
    return out

def reg(U, s):
    out = []
    for c in U.parse_search_filter(s):
        cmp = c["comparator"].upper()
        t, k, v = c["type"], c["key"], c["value"]
        if U.is_string_attribute(t, k, cmp):
            pass
        elif U.is_numeric_attribute(t, k, cmp):
            v = int(v)
        else:
            U.is_tag(t, cmp)
        out.append(f"{t}|{k}|{cmp}|{val(v)}")
    return out

def order(fn, s, bad=None):
    r = fn(s)
    if r[0] == bad == "dataset":
        raise MlflowException("Invalid order_by entity type 'dataset'")
    if r[0] == bad == "tag":
        raise MlflowException("Invalid order_by entity: tag")
    return ["|".join(map(str, r))]

KINDS = {
    "runs": runs, "exps": exps, "models": lambda s: reg(M, s), "versions": lambda s: reg(V, s),
    "run_order": lambda s: order(S.parse_order_by_for_search_runs, s, "dataset"),
    "exp_order": lambda s: order(E.parse_order_by_for_search_experiments, s, "tag"),
    "model_order": lambda s: order(M.parse_order_by_for_search_registered_models, s, "tag"),
    "version_order": lambda s: order(V.parse_order_by_for_search_model_versions, s, "tag"),
    "page": lambda s: [str(S.parse_start_offset_from_page_token(s))],
}

for kind, s in json.load(sys.stdin):
    try:
        print(json.dumps({"ok": KINDS[kind](s)}))
    except MlflowException as e:
        print(json.dumps({"err": e.message}))
    except Exception as e:
        print(json.dumps({"other": f"{type(e).__name__}: {e}"}))
