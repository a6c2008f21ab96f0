#!/usr/bin/env python3
"""Print one table from the JSON of budget_eval.py and icdar_eval.py (scripts/eval.sh).

usage: eval_summary.py BUDGET_SCORE.json ICDAR_SCORE.json [--docs]
"""
import json, sys

def main():
    budget = json.load(open(sys.argv[1]))
    icdar = json.load(open(sys.argv[2]))
    o = budget["overall"]
    s = icdar["summary"]
    fmt = lambda v: "-" if v is None else f"{v:.3f}"
    print("| corpus | metric | value |")
    print("|---|---|---|")
    for k in ["adj_f1", "adj_f1_macro", "exact_row_rate", "numeric_precision", "numeric_recall",
              "numeric_precision_aligned", "numeric_recall_aligned", "false_positive_tables"]:
        v = o.get(k)
        print(f"| budget-dev | {k} | {v if isinstance(v, int) else fmt(v)} |")
    for k in ["f1", "precision", "recall", "micro_f1", "f1_of_avg_pr"]:
        print(f"| icdar2013-eu | {k} (per-document avg) |{fmt(s.get(k))} |" if k in ("f1", "precision", "recall") else f"| icdar2013-eu | {k} | {fmt(s.get(k))} |")
    if "--docs" in sys.argv:
        for name, d in budget["documents"].items():
            print(f"budget {name}: adj_f1={fmt(d['adj_f1'])} exact={fmt(d['exact_row_rate'])} num_p={fmt(d['numeric_precision'])} num_r={fmt(d['numeric_recall'])} fp_tables={d['false_positive_tables']}")
        for st in icdar["sets"]:
            for d in st["docs"]:
                print(f"icdar {d['name']}: f1={fmt(d['f1'])} p={fmt(d['precision'])} r={fmt(d['recall'])} tables={d['tables']} {d['status']}")

if __name__ == "__main__":
    main()
