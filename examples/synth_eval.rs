//! Accuracy on generated layouts (issue 12): `synth_eval N SEED [--pdf K] [--dump DIR]
//! [--show I]` generates N layouts from SEED, extracts each at the glyph level (and K of them
//! through a real PDF), and prints per dimension value the table count, exact-table rate,
//! mean adjacency F1 and numbers precision / recall, then the overall figures.
//! `--dump DIR` writes each imperfect layout's truth and prediction as JSON; `--show I`
//! prints layout I as text with its truth and prediction, writes it as a PDF to the temporary
//! directory (for `tablelift inspect`) and exits; with `--pdf K` also layout I of the PDF sample
//! (seed `SEED ^ 0x9D1F`, so `--show I --pdf 1` with that seed), written as `synth-SEED-I-pdf.pdf`.

// A panic is how this tool reports a broken invocation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use synth::report::Report;
use synth::score::LayoutScore;

struct Args {
    n: usize,
    seed: u64,
    pdf: usize,
    dump: Option<PathBuf>,
    show: Option<usize>,
}

fn parse_args() -> Args {
    let mut pos = Vec::new();
    let (mut pdf, mut dump, mut show) = (0, None, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pdf" => pdf = it.next().and_then(|v| v.parse().ok()).expect("--pdf K"),
            "--dump" => dump = Some(PathBuf::from(it.next().expect("--dump DIR"))),
            "--show" => show = Some(it.next().and_then(|v| v.parse().ok()).expect("--show I")),
            _ => pos.push(a),
        }
    }
    let n = pos.first().and_then(|v| v.parse().ok()).unwrap_or(200);
    let seed = pos.get(1).and_then(|v| v.parse().ok()).unwrap_or(1);
    Args {
        n,
        seed,
        pdf,
        dump,
        show,
    }
}

fn dump(dir: &PathBuf, tag: &str, i: usize, layout: &synth::Layout, s: &LayoutScore) {
    std::fs::create_dir_all(dir).unwrap();
    let v = serde_json::json!({
        "index": i, "seed": layout.seed, "error": s.error,
        "page_text": layout.pages().iter().map(|cv| cv.ascii(200)).collect::<Vec<_>>().join("\n=== next page\n"),
        "truth": layout.tables, "scores": s.tables, "prediction": s.pred,
    });
    std::fs::write(
        dir.join(format!("{tag}-{i:05}.json")),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
}

fn show(layout: &synth::Layout, s: &LayoutScore) {
    for (k, cv) in layout.pages().iter().enumerate() {
        if k > 0 {
            println!("=== next page");
        }
        println!("{}", cv.ascii(200));
    }
    for (t, sc) in layout.tables.iter().zip(&s.tables) {
        println!("--- truth {:?}", t.dims);
        for r in t.header_rows.iter().chain(&t.rows) {
            println!("  {r:?}");
        }
        println!(
            "    exact {} adjF1 {:.3} numbers {}/{} of {} predicted; matched predicted tables {:?}",
            sc.exact, sc.adj_f1, sc.num_matched, sc.num_true, sc.num_pred, sc.matched
        );
    }
    for (j, p) in s.pred.iter().enumerate() {
        println!("--- predicted table {j}");
        for r in &p.rows {
            println!("  {r:?}");
        }
    }
}

fn main() {
    let args = parse_args();
    if let Some(i) = args.show {
        let layout = synth::generate(
            synth::layout_seed(args.seed, i),
            synth::GenOptions::default(),
        );
        show(&layout, &synth::score::run_glyph_level(&layout));
        // The layout as a PDF too, for `tablelift inspect` and `pdftoppm`.
        let path = std::env::temp_dir().join(format!("synth-{}-{i}.pdf", args.seed));
        match std::fs::write(&path, layout.pdf()) {
            Ok(()) => println!("=== written {}", path.display()),
            Err(e) => eprintln!("cannot write {}: {e}", path.display()),
        }
        if args.pdf > 0 {
            let layout = synth::generate(
                synth::layout_seed(args.seed, i),
                synth::GenOptions { pdf_styles: true },
            );
            println!("=== through a PDF");
            let pdf = layout.pdf();
            show(&layout, &synth::score::run_pdf(&layout, pdf.clone()));
            let path = std::env::temp_dir().join(format!("synth-{}-{i}-pdf.pdf", args.seed));
            match std::fs::write(&path, pdf) {
                Ok(()) => println!("=== written {}", path.display()),
                Err(e) => eprintln!("cannot write {}: {e}", path.display()),
            }
        }
        return;
    }
    let t0 = std::time::Instant::now();
    let mut report = Report::default();
    for i in 0..args.n {
        let layout = synth::generate(
            synth::layout_seed(args.seed, i),
            synth::GenOptions::default(),
        );
        let s = synth::score::run_glyph_level(&layout);
        if let Some(dir) = &args.dump
            && !s.tables.iter().all(|t| t.exact && t.adj_f1 >= 1.0) {
                dump(dir, "glyph", i, &layout, &s);
            }
        report.add(&s);
    }
    println!(
        "# glyph level: {} layouts from seed {} ({:.1} s)",
        args.n,
        args.seed,
        t0.elapsed().as_secs_f64()
    );
    print!("{}", report.render());
    println!("\nweakest (mean adjacency F1, at least 20 tables):");
    for (d, v, a) in report.weakest(8, 20) {
        println!(
            "  {d}={v}: adjF1 {:.3} exact {:.3} numR {:.3} ({} tables)",
            a.mean_f1(),
            a.exact_rate(),
            a.num_r(),
            a.n
        );
    }
    if args.pdf > 0 {
        let t0 = std::time::Instant::now();
        let mut report = Report::default();
        for i in 0..args.pdf {
            let layout = synth::generate(
                synth::layout_seed(args.seed ^ 0x9D1F, i),
                synth::GenOptions { pdf_styles: true },
            );
            let s = synth::score::run_pdf(&layout, layout.pdf());
            if let Some(dir) = &args.dump
                && !s.tables.iter().all(|t| t.exact && t.adj_f1 >= 1.0) {
                    dump(dir, "pdf", i, &layout, &s);
                }
            report.add(&s);
        }
        println!(
            "\n# through real PDFs: {} layouts from seed {} ({:.1} s)",
            args.pdf,
            args.seed,
            t0.elapsed().as_secs_f64()
        );
        print!("{}", report.render());
    }
}
