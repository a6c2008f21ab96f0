fn main() {
    std::process::exit(tablelift::cli::run());
}
