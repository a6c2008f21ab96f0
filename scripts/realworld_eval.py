#!/usr/bin/env python3
"""Helper of scripts/realworld-eval.sh: keep only predicted tables on the pages a truth file
covers ("scored_pages"; all pages when absent), score with budget_eval.py and print a summary.

usage: realworld_eval.py TRUTH_DIR PRED_DIR SCORED_DIR BUDGET_EVAL_PY
"""
import json, os, subprocess, sys


def main():
    truth_dir, pred_dir, scored_dir, evaluator = sys.argv[1:5]
    os.makedirs(scored_dir, exist_ok=True)
    for fn in sorted(os.listdir(truth_dir)):
        if not fn.endswith('.truth.json'):
            continue
        name = fn[:-len('.truth.json')]
        truth = json.load(open(os.path.join(truth_dir, fn), encoding='utf-8'))
        pages = truth.get('scored_pages')
        for cand in (name + '.pdf.json', name + '.json', name + '.grid.json'):
            p = os.path.join(pred_dir, cand)
            if os.path.exists(p):
                pred = json.load(open(p, encoding='utf-8'))
                if isinstance(pred, list):
                    pred = {'tables': pred}
                if pages:
                    pred['tables'] = [t for t in pred.get('tables') or [] if t.get('page') in pages]
                with open(os.path.join(scored_dir, name + '.json'), 'w', encoding='utf-8') as f:
                    json.dump(pred, f, ensure_ascii=False)
                break
    res = json.loads(subprocess.run([sys.executable, evaluator, '--truth-dir', truth_dir, '--pred-dir', scored_dir,
                                     '--json'], check=True, capture_output=True, text=True).stdout)
    with open(os.path.join(os.path.dirname(scored_dir.rstrip('/')), 'realworld.score.json'), 'w') as f:
        json.dump(res, f, indent=1)
    fmt = lambda v: '     -' if v is None else '%6.3f' % v
    print('%-28s %5s %5s %6s %6s %6s %6s %6s' % ('document', 'truth', 'pred', 'adjF1', 'exact', 'numP', 'numR', 'numRa'))
    for name, d in sorted(res['documents'].items()):
        print('%-28s %5d %5d %s %s %s %s %s%s' % (name[:28], d['truth_tables'], d['pred_tables'], fmt(d['adj_f1']),
              fmt(d['exact_row_rate']), fmt(d['numeric_precision']), fmt(d['numeric_recall']),
              fmt(d['numeric_recall_aligned']), '' if d['prediction_found'] else '  (no prediction)'))
    o = res['overall']
    print('%-28s %5s %5s %s %s %s %s %s' % ('OVERALL (pooled)', '', '', fmt(o['adj_f1']), fmt(o['exact_row_rate']),
          fmt(o['numeric_precision']), fmt(o['numeric_recall']), fmt(o['numeric_recall_aligned'])))
    print('%-28s %5s %5s %s %s' % ('OVERALL (mean of documents)', '', '', fmt(o['adj_f1_macro']), fmt(o['exact_row_rate_macro'])))
    print('documents: %d, missing predictions: %d' % (o['documents'], o['missing_predictions']))


if __name__ == '__main__':
    main()
