#!/usr/bin/env python3
"""Checks what promtool alone does not, for scripts/monitoring-check.sh (which runs promtool's own checks first).

- Every alert in monitoring/prometheus/alerts.yml has a `for:`, a severity of page or ticket, a summary, a
  description and a runbook that is a section of docs/monitoring.md; and alerts.test.yml has a case where it fires and
  one where it must not.
- The Grafana dashboard is valid JSON; every panel's query (and every variable's) is PromQL that promtool parses, once
  Grafana's variables are replaced by sample values; every panel reads the dashboard's data source variable.
- Every metric a rule or a panel names is in monitoring/metric-names.txt or is a recording rule.

Prints each problem and exits 1 if there is any. Needs PyYAML and promtool.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROMETHEUS = ROOT / "monitoring/prometheus"
RULE_FILES = [PROMETHEUS / "recording.yml", PROMETHEUS / "alerts.yml"]
TESTS = PROMETHEUS / "alerts.test.yml"
DASHBOARDS = sorted((ROOT / "monitoring/grafana/dashboards").glob("*.json"))
METRIC_NAMES = ROOT / "monitoring/metric-names.txt"
RUNBOOKS = ROOT / "docs/monitoring.md"
SEVERITIES = {"page", "ticket"}

# PromQL words that look like metric names but are not.
KEYWORDS = {"and", "or", "unless", "offset", "bool", "inf", "nan", "by", "without", "on", "ignoring",
            "group_left", "group_right", "atan2"}

problems = []


def problem(message):
    problems.append(message)


def metric_names(expr):
    """The metric names a PromQL expression selects: what is left once strings, label matchers, ranges, grouping
    clauses and function calls are taken out."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`', '""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*", text):
        name = match.group(0)
        if name.lower() in KEYWORDS or re.match(r"\s*\(", text[match.end():]):
            continue
        names.add(name)
    return names


def github_anchor(heading):
    """The anchor GitHub gives a Markdown heading."""
    anchor = heading.strip().lower()
    anchor = re.sub(r"[^\w\- ]", "", anchor)
    return anchor.replace(" ", "-")


def load_yaml(path):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


def promtool_refuses(queries):
    """Whether `promtool check rules` refuses the queries, written as recording rules (it parses every expression)."""
    rules = {"groups": [{"name": "dashboard", "rules": [{"record": "dashboard:query", "expr": expr}
                                                        for _, expr in queries]}]}
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as file:
        json.dump(rules, file)  # JSON is YAML
    result = subprocess.run(["promtool", "check", "rules", file.name], capture_output=True, text=True)
    Path(file.name).unlink()
    return " ".join((result.stdout + result.stderr).split()) if result.returncode != 0 else None


def promtool_parses(queries):
    """The queries promtool cannot parse, each with promtool's words: all at once, then one by one to name them."""
    if promtool_refuses(queries) is None:
        return []
    refused = []
    for name, expr in queries:
        refusal = promtool_refuses([(name, expr)])
        if refusal is not None:
            refused.append(f"{name}: promtool cannot parse {expr!r}: {refusal}")
    return refused or [f"promtool refuses the dashboard queries together: {promtool_refuses(queries)}"]


allowed = {line.strip() for line in METRIC_NAMES.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")}

# ---- Rules ------------------------------------------------------------------------------------------------------------
recorded = set()
alerts = {}
rule_exprs = []
for path in RULE_FILES:
    for group in load_yaml(path)["groups"]:
        for rule in group["rules"]:
            if "record" in rule:
                recorded.add(rule["record"])
                rule_exprs.append((f"{path.name}: {rule['record']}", rule["expr"]))
            else:
                name = rule["alert"]
                if name in alerts:
                    problem(f"{path.name}: alert {name} is defined twice")
                alerts[name] = rule
                rule_exprs.append((f"{path.name}: {name}", rule["expr"]))

for where, expr in rule_exprs:
    for name in sorted(metric_names(expr) - allowed - recorded):
        problem(f"{where}: {name} is neither in {METRIC_NAMES.relative_to(ROOT)} nor a recording rule")

runbook_text = RUNBOOKS.read_text(encoding="utf-8") if RUNBOOKS.exists() else ""
anchors = {github_anchor(line.lstrip("#")) for line in runbook_text.splitlines() if line.startswith("#")}
for name, rule in alerts.items():
    if not rule.get("for"):
        problem(f"alert {name} has no for:")
    severity = rule.get("labels", {}).get("severity")
    if severity not in SEVERITIES:
        problem(f"alert {name}: severity {severity!r} is not one of {sorted(SEVERITIES)}")
    annotations = rule.get("annotations", {})
    for key in ("summary", "description", "runbook"):
        if not annotations.get(key):
            problem(f"alert {name} has no {key} annotation")
    runbook = annotations.get("runbook", "")
    page, _, anchor = runbook.partition("#")
    if runbook and (page != RUNBOOKS.relative_to(ROOT).as_posix() or anchor not in anchors):
        problem(f"alert {name}: runbook {runbook} is not a section of {RUNBOOKS.relative_to(ROOT)}")

firing, quiet = set(), set()
for test in load_yaml(TESTS)["tests"]:
    for case in test.get("alert_rule_test", []):
        (firing if case.get("exp_alerts") else quiet).add(case["alertname"])
for name in sorted(alerts):
    if name not in firing:
        problem(f"{TESTS.name}: no case where alert {name} fires")
    if name not in quiet:
        problem(f"{TESTS.name}: no case where alert {name} must not fire")
for name in sorted((firing | quiet) - set(alerts)):
    problem(f"{TESTS.name}: tests an alert that does not exist: {name}")

# ---- Dashboards -------------------------------------------------------------------------------------------------------
# Grafana's built-in interval variables, and a sample value for the dashboard's own.
INTERVALS = re.compile(r"\$(?:\{__(?:rate_interval|interval|range)\}|__(?:rate_interval|interval|range)\b)")
SECONDS = re.compile(r"\$(?:\{__(?:interval_ms|range_s|range_ms)\}|__(?:interval_ms|range_s|range_ms)\b)")
VARIABLE = re.compile(r"\$(?:\{(\w+)(?::\w+)?\}|(\w+))")
dashboard_queries = []
for path in DASHBOARDS:
    where = path.relative_to(ROOT)
    try:
        dashboard = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problem(f"{where}: not valid JSON: {error}")
        continue
    variables = {v["name"]: v for v in dashboard.get("templating", {}).get("list", [])}
    if variables.get("datasource", {}).get("type") != "datasource":
        problem(f"{where}: no data source variable named datasource")

    def substitute(expr, context):
        expr = SECONDS.sub("300", INTERVALS.sub("5m", expr))

        def value(match):
            name = match.group(1) or match.group(2)
            if name not in variables:
                problem(f"{where}: {context}: unknown variable ${name}")
            return ".*"
        return VARIABLE.sub(value, expr)

    for name, variable in variables.items():
        query = variable.get("query")
        query = query.get("query") if isinstance(query, dict) else query
        if variable.get("type") == "query":
            match = re.fullmatch(r"\s*label_values\((.*),\s*\w+\s*\)\s*", query or "")
            if not match:
                problem(f"{where}: variable {name}: expected label_values(<selector>, <label>), got {query!r}")
                continue
            dashboard_queries.append((f"{where}: variable {name}", substitute(match.group(1), f"variable {name}")))

    def walk(panels):
        for panel in panels:
            yield panel
            yield from walk(panel.get("panels", []))

    ids = set()
    for panel in walk(dashboard.get("panels", [])):
        context = f"panel {panel.get('id')} \"{panel.get('title')}\""
        if panel.get("id") in ids:
            problem(f"{where}: {context}: id used twice")
        ids.add(panel.get("id"))
        if panel.get("type") == "row":
            continue
        if panel.get("datasource", {}).get("uid") != "${datasource}":
            problem(f"{where}: {context}: does not read the dashboard's data source variable")
        if not panel.get("targets"):
            problem(f"{where}: {context}: no query")
        for target in panel.get("targets", []):
            expr = target.get("expr", "")
            if not expr.strip():
                problem(f"{where}: {context}: query {target.get('refId')} is empty")
                continue
            dashboard_queries.append((f"{where}: {context} query {target.get('refId')}", substitute(expr, context)))

for where, expr in dashboard_queries:
    for name in sorted(metric_names(expr) - allowed - recorded):
        problem(f"{where}: {name} is neither in {METRIC_NAMES.relative_to(ROOT)} nor a recording rule")
for refusal in promtool_parses(dashboard_queries):
    problem(refusal)

for message in problems:
    print(f"monitoring: {message}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"monitoring: {len(alerts)} alerts each with a runbook and tests that fire and stay quiet; "
      f"{len(dashboard_queries)} dashboard queries in {len(DASHBOARDS)} dashboard(s) parse; "
      f"every metric is known ({len(allowed)} published, {len(recorded)} recorded)")
