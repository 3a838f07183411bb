#!/usr/bin/env bash
# Drives the toml-test decoder adapter (tests/TomlTestDecoder, `toml-test-decoder`) over the TOML 1.0.0 cases of
# the toml-test corpus, from the shell, the way toml-test's own runner would, and prints "N passed, N failed".
#
#   scripts/toml-test.sh [-v]        -v lists every failing case with the reason
#
# Corpus: $WGAGENT_TOML_TEST_DIR, default ../shared/toml-test beside the repository (the case list is
# tests/files-toml-1.0.0). Decoder: $TOML_TEST_DECODER, default the $CONFIG (Release) build, built if missing.
# Output is compared by meaning, following toml-test's rules (its README and json.go): types must match, integers
# and strings exactly, floats numerically (any NaN equals nan), date-times as values (offset date-times as instants).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${WGAGENT_TOML_TEST_DIR:-$root/../shared/toml-test}
config=${CONFIG:-Release}
verbose=0
[ "${1:-}" = "-v" ] && verbose=1

if [ ! -f "$corpus/tests/files-toml-1.0.0" ]; then
  echo "toml-test corpus not found at $corpus (expected tests/files-toml-1.0.0 there); set WGAGENT_TOML_TEST_DIR" >&2
  exit 2
fi

decoder=${TOML_TEST_DECODER:-$root/tests/TomlTestDecoder/bin/$config/net10.0/toml-test-decoder}
if [ ! -x "$decoder" ]; then
  echo "building the decoder ($config)..." >&2
  dotnet build "$root/tests/TomlTestDecoder/TomlTestDecoder.csproj" -c "$config" --nologo -v quiet -clp:NoSummary >&2
fi

exec python3 - "$corpus/tests" "$decoder" "$verbose" <<'PY'
import concurrent.futures, json, math, os, re, subprocess, sys

tests_dir, decoder, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
with open(os.path.join(tests_dir, "files-toml-1.0.0")) as f:
    cases = [line.strip()[:-5] for line in f if line.strip().endswith(".toml")]

def is_scalar(o):
    return isinstance(o, dict) and set(o) == {"type", "value"} and all(isinstance(o[k], str) for k in o)

DT = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$")

def days_from_civil(y, m, d):  # proleptic Gregorian day number; handles years 0..9999 without datetime's limits
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy

def datetime_value(kind, text):
    t = text.upper().replace(" ", "T")
    if kind == "time-local":
        t = "T" + t
    m = DT.match(t)
    if not m:
        raise ValueError(f"not a {kind}: {text!r}")
    y, mo, d, h, mi, s, frac, off = m.groups()
    ns = int((frac or "0")[:9].ljust(9, "0"))
    date = days_from_civil(int(y), int(mo), int(d)) if y else None
    time = (int(h) * 3600 + int(mi) * 60 + int(s)) * 10**9 + ns if h else None
    if kind == "datetime":
        if off is None or date is None or time is None:
            raise ValueError(f"not an offset date-time: {text!r}")
        sign, hh, mm = (1, 0, 0) if off == "Z" else (1 if off[0] == "+" else -1, int(off[1:3]), int(off[4:6]))
        return date * 86400 * 10**9 + time - sign * (hh * 60 + mm) * 60 * 10**9
    if off is not None:
        raise ValueError(f"a {kind} has no offset: {text!r}")
    want = {"datetime-local": (True, True), "date-local": (True, False), "time-local": (False, True)}[kind]
    if (date is not None, time is not None) != want:
        raise ValueError(f"not a {kind}: {text!r}")
    return (date, time)

def float_value(text):
    t = text.lower()
    if "nan" in t:
        return "nan"
    return float(t)  # accepts inf, -inf, 1e+06, 3.0e14 ...

def compare(exp, act, path):
    where = path or "(root)"
    if is_scalar(exp):
        if not is_scalar(act):
            return f"{where}: expected a {exp['type']} scalar, got {type(act).__name__}"
        et, at = exp["type"], act["type"]
        if et != at:
            return f"{where}: type {at!r}, expected {et!r}"
        ev, av = exp["value"], act["value"]
        try:
            if et in ("string", "integer"):
                same = ev == av
            elif et == "bool":
                same = ev.lower() == av.lower()
            elif et == "float":
                same = float_value(ev) == float_value(av)
            else:
                same = datetime_value(et, ev) == datetime_value(et, av)
        except ValueError as e:
            return f"{where}: {e}"
        return None if same else f"{where}: value {av!r}, expected {ev!r}"
    if isinstance(exp, dict):
        if not isinstance(act, dict) or is_scalar(act):
            return f"{where}: expected a table, got {type(act).__name__}"
        if set(exp) != set(act):
            return f"{where}: keys {sorted(act)}, expected {sorted(exp)}"
        for k in exp:
            r = compare(exp[k], act[k], f"{path}.{k}" if path else k)
            if r:
                return r
        return None
    if isinstance(exp, list):
        if not isinstance(act, list):
            return f"{where}: expected an array, got {type(act).__name__}"
        if len(exp) != len(act):
            return f"{where}: {len(act)} elements, expected {len(exp)}"
        for i, (e, a) in enumerate(zip(exp, act)):
            r = compare(e, a, f"{path}[{i}]")
            if r:
                return r
        return None
    return f"{where}: unexpected expected-JSON value {exp!r}"

def run(case):
    with open(os.path.join(tests_dir, case + ".toml"), "rb") as f:
        data = f.read()
    try:
        p = subprocess.run([decoder], input=data, capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return case, "decoder timed out"
    if case.startswith("invalid/"):
        if p.returncode == 0:
            return case, "accepted invalid TOML"
        if p.returncode != 1 or not p.stderr.strip():
            return case, f"rejected without a diagnostic (exit {p.returncode})"
        return case, None
    if p.returncode != 0:
        return case, f"rejected valid TOML (exit {p.returncode}): {p.stderr.decode(errors='replace').strip()[:200]}"
    try:
        actual = json.loads(p.stdout)
    except ValueError as e:
        return case, f"output is not JSON: {e}"
    with open(os.path.join(tests_dir, case + ".json"), encoding="utf-8") as f:
        expected = json.load(f)
    return case, compare(expected, actual, "")

workers = max(2, (os.cpu_count() or 2) * 2)
with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    results = list(pool.map(run, cases))

failed = [(c, r) for c, r in results if r]
for kind in ("valid", "invalid"):
    n = sum(1 for c, _ in results if c.startswith(kind + "/"))
    f = sum(1 for c, _ in failed if c.startswith(kind + "/"))
    print(f"{kind:>7}: {n - f} passed, {f} failed")
if verbose or len(failed) <= 20:
    for c, r in failed:
        print(f"FAIL {c}: {r}")
print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
PY
