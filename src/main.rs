//! The `ansvar` command line.
fn main() {}
