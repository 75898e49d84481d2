fn main() {
    newsfront::start();
}
