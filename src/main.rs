//! The `tablelift` command; see [`tablelift::cli`].

fn main() {
    std::process::exit(tablelift::cli::run());
}
