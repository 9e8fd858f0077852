# mlrun's scoring worker: loads one MLflow model with MLflow's own pyfunc loader, then answers
# requests framed on its stdin/stdout by the mlrun front until stdin closes.
#
# Frames: a 4-byte big-endian length, then the bytes. A request is JSON
# {"format": "dataframe_split"|"dataframe_records"|"inputs"|"instances", "data": ..., "params": ...};
# a reply is a 2-byte big-endian HTTP status followed by the body that `mlflow models serve` would
# send. The first reply (before any request) says the model loaded: 200 {"mlflow_version": ...}.
# A request with "batch": [n1, n2, ...] holds the rows of several requests (n1 rows, then n2, ...):
# they are scored in one call when its predictions line up with the rows, else one by one; the reply
# is 200 followed by, per request, a 2-byte status, a 4-byte length and that request's body.
# The model's own prints go to stderr: fd 1 is moved aside for the protocol before anything loads.
import os
import sys

_proto_out = os.fdopen(os.dup(1), "wb")
_proto_in = os.fdopen(os.dup(0), "rb")
os.dup2(2, 1)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
sys.stdout = sys.stderr

import inspect  # noqa: E402
import json  # noqa: E402
import struct  # noqa: E402
import traceback  # noqa: E402
from io import StringIO  # noqa: E402


def send(status, body):
    data = body.encode("utf-8") if isinstance(body, str) else body
    _proto_out.write(struct.pack(">IH", len(data) + 2, status))
    _proto_out.write(data)
    _proto_out.flush()


def receive():
    head = _proto_in.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack(">I", head)
    data = _proto_in.read(n)
    if len(data) < n:
        return None
    return data


def main():
    os.environ["_MLFLOW_IS_IN_SERVING_ENVIRONMENT"] = "true"
    try:
        from mlflow.exceptions import MlflowException
        from mlflow.protos.databricks_pb2 import BAD_REQUEST, INTERNAL_ERROR
        from mlflow.pyfunc import load_model
        from mlflow.pyfunc.scoring_server import (
            infer_and_parse_data,
            predictions_to_json,
        )
        from mlflow.utils.proto_json_utils import NumpyEncoder, _get_jsonable_obj
        from mlflow.version import VERSION

        model = load_model(sys.argv[1])
        input_schema = model.metadata.get_input_schema()
        takes_params = "params" in inspect.signature(model.predict).parameters
        # Class probabilities where MLflow's evaluator finds them: the raw model's predict_proba.
        try:
            from mlflow.models.evaluation.default_evaluator import _extract_raw_model

            predict_proba = getattr(_extract_raw_model(model)[1], "predict_proba", None)
        except Exception:  # noqa: BLE001 - no probabilities is a valid answer
            predict_proba = None
    except BaseException as e:  # noqa: BLE001 - any failure to load is reported, then we exit
        traceback.print_exc()
        send(500, json.dumps({"error_code": "INTERNAL_ERROR", "message": f"Failed to load the model: {e!r}"}))
        sys.exit(1)
    send(200, json.dumps({"mlflow_version": VERSION}))

    def handle(msg):
        fmt = msg["format"]
        data = infer_and_parse_data({fmt: msg["data"]}, input_schema)
        params = msg.get("params")
        try:
            if takes_params:
                raw = model.predict(data, params=params)
            else:
                raw = model.predict(data)
        except MlflowException as e:
            e.message = f"Failed to predict data '{data}'. \nError: {e.message}"
            raise e
        except Exception:
            raise MlflowException(
                message=(
                    "Encountered an unexpected error while evaluating the model. Verify"
                    " that the serialized input Dataframe is compatible with the model for"
                    " inference."
                ),
                error_code=BAD_REQUEST,
                stack_trace=traceback.format_exc(),
            )
        if msg.get("proba"):
            # `mlrun models evaluate`: the predictions and, when the model has them, the
            # probabilities (one column per class, the model's sorted classes).
            proba = None if predict_proba is None else predict_proba(data)
            body = {"predictions": _get_jsonable_obj(raw, pandas_orient="records")}
            if proba is not None:
                body["probabilities"] = _get_jsonable_obj(proba, pandas_orient="records")
            return 200, json.dumps(body, cls=NumpyEncoder)
        out = StringIO()
        predictions_to_json(raw, out)
        return 200, out.getvalue()

    def answer(msg):
        try:
            return handle(msg)
        except MlflowException as e:
            return e.get_http_status_code(), e.serialize_as_json()
        except Exception as e:  # noqa: BLE001 - every request gets an answer
            err = MlflowException(f"{e!r}", error_code=INTERNAL_ERROR, stack_trace=traceback.format_exc())
            return 500, err.serialize_as_json()

    def handle_batch(msg):
        sizes = msg["batch"]
        split = msg["data"]
        try:
            data = infer_and_parse_data({"dataframe_split": split}, input_schema)
            preds = _get_jsonable_obj(model.predict(data), pandas_orient="records")
            if isinstance(preds, list) and len(preds) == sum(sizes):
                out, i = [], 0
                for n in sizes:
                    out.append((200, json.dumps({"predictions": preds[i : i + n]}, cls=NumpyEncoder)))
                    i += n
                return out
        except Exception:  # noqa: BLE001 - retried request by request below, for exact errors
            pass
        out, i = [], 0
        for n in sizes:
            part = {"data": split["data"][i : i + n]}
            if "columns" in split:
                part["columns"] = split["columns"]
            out.append(answer({"format": "dataframe_split", "data": part}))
            i += n
        return out

    while True:
        frame = receive()
        if frame is None:
            return
        msg = json.loads(frame)
        if "batch" in msg:
            chunks = []
            for status, body in handle_batch(msg):
                data = body.encode("utf-8")
                chunks.append(struct.pack(">HI", status, len(data)) + data)
            send(200, b"".join(chunks))
        else:
            send(*answer(msg))


if __name__ == "__main__":
    main()
    # Skip interpreter teardown: MLflow's exit hooks (telemetry, async loggers) take seconds and
    # there is nothing to flush but our own streams.
    sys.stderr.flush()
    os._exit(0)
