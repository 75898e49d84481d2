fn main() {
    stylers::build(Some(String::from("./target/stylers.css")));
}
