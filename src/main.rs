fn main() {
    upr_viewer::run_page();
}
